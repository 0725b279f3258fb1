// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build unix

package html

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// TestDashboardInChromium opens the dashboard in headless Chromium (Debian's
// chromium package; .ci/run installs it) over the DevTools protocol, sorts
// the table and uses the filters the way a reader clicks them, and saves a
// screenshot ($OSPOLINT_ARTIFACTS, else the temporary directory). Without
// Chromium the test is skipped, unless OSPOLINT_REQUIRE_CHROMIUM is set, as
// CI sets it.
func TestDashboardInChromium(t *testing.T) {
	bin := chromium()
	if bin == "" {
		if os.Getenv("OSPOLINT_REQUIRE_CHROMIUM") != "" {
			t.Fatal("chromium is not installed (apt-get install chromium)")
		}
		t.Skip("chromium is not installed")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "index.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := Dashboard(f, sample(24)); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()

	b := startBrowser(t, bin, dir)
	b.navigate("file://" + page)

	// The table: 24 repositories and the broken one, every check a column.
	if n := b.evalInt(`document.querySelectorAll("#repos tbody tr").length`); n != 25 {
		t.Fatalf("%d rows", n)
	}
	if got := b.evalString(`document.getElementById("shown").textContent`); got != "25 of 25 repositories" {
		t.Errorf("shown: %q", got)
	}

	// Sorting: a click on "Errors" sorts ascending, a second click
	// descending; the first row is then the one with most errors.
	b.eval(`document.querySelectorAll("#repos thead th")[3].click()`)
	b.eval(`document.querySelectorAll("#repos thead th")[3].click()`)
	if got := b.evalString(`document.querySelector("#repos thead th[aria-sort]").textContent + " " + document.querySelectorAll("#repos thead th")[3].getAttribute("aria-sort")`); got != "Errors descending" {
		t.Errorf("sort state %q", got)
	}
	first := b.evalString(`document.querySelector("#repos tbody tr").getAttribute("data-name")`)
	if first != "svc09" { // 1 + 9%5 = 5 errors, the most
		t.Errorf("first row after sorting by errors, descending: %q", first)
	}
	// A click on the name column sorts by name.
	b.eval(`document.querySelectorAll("#repos thead th")[0].click()`)
	if got := b.evalString(`document.querySelector("#repos tbody tr").getAttribute("data-name")`); got != "broken" {
		t.Errorf("first row by name: %q", got)
	}

	// Filter by check and outcome: the repositories failing security-policy
	// (every third: 8 of 24).
	choose := func(id, value string) {
		b.eval(fmt.Sprintf(`(function(){var s=document.getElementById(%q); s.value=%q; s.dispatchEvent(new Event("change"));})()`, id, value))
	}
	choose("f-check", "security-policy")
	choose("f-outcome", "fail")
	visible := `Array.prototype.filter.call(document.querySelectorAll("#repos tbody tr"), function(r){return r.offsetParent !== null}).map(function(r){return r.getAttribute("data-name")}).join(",")`
	if got := b.evalString(visible); got != "svc00,svc03,svc06,svc09,svc12,svc15,svc18,svc21" {
		t.Errorf("security-policy failures shown: %s", got)
	}
	if got := b.evalString(`document.getElementById("shown").textContent`); got != "8 of 25 repositories" {
		t.Errorf("shown: %q", got)
	}
	// The filter is in the address, so the view can be bookmarked.
	if h := b.evalString(`location.hash`); !strings.Contains(h, "check=security-policy") || !strings.Contains(h, "outcome=fail") {
		t.Errorf("hash %q", h)
	}

	// Filter by goal: only the Culture columns stay.
	choose("f-check", "")
	choose("f-outcome", "")
	choose("f-goal", "Culture")
	cols := `Array.prototype.filter.call(document.querySelectorAll("#repos thead th"), function(th){return th.offsetParent !== null}).map(function(th){return th.textContent.trim()}).join(",")`
	if got := b.evalString(cols); got != "Repository,Status,Licence,Errors,Warnings,Notes,Culture,contributing" {
		t.Errorf("columns of the Culture goal: %s", got)
	}
	// With the goal filter, an outcome filter looks at that goal's checks
	// only: the contributing failures (every fourth from 1: 6 of 24).
	choose("f-outcome", "fail")
	if got := b.evalString(`document.getElementById("shown").textContent`); got != "6 of 25 repositories" {
		t.Errorf("Culture failures: %q", got)
	}

	// Status and name filters.
	choose("f-goal", "")
	choose("f-outcome", "")
	choose("f-status", "error")
	if got := b.evalString(visible); got != "broken" {
		t.Errorf("error status filter: %s", got)
	}
	choose("f-status", "")
	b.eval(`(function(){var s=document.getElementById("f-name"); s.value="svc1"; s.dispatchEvent(new Event("input"));})()`)
	if n := b.evalInt(`document.querySelectorAll("#repos tbody tr:not(.hidden)").length`); n != 10 {
		t.Errorf("name filter svc1: %d rows, want 10", n)
	}

	// Opening an address with a filter in it restores the view.
	b.navigate("file://" + page + "#check=contributing&outcome=fail&sort=Errors&dir=desc")
	if got := b.evalString(`document.getElementById("shown").textContent`); got != "6 of 25 repositories" {
		t.Errorf("restored filter: %q", got)
	}
	b.navigate("file://" + page)
	b.screenshot(t)
}

func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

type browser struct {
	t   *testing.T
	ws  *websocket.Conn
	id  atomic.Int64
	dir string
}

// startBrowser starts headless Chromium with the flags that work on these
// machines (no sandbox as root, no background networking) and connects to
// its first page.
func startBrowser(t *testing.T, bin, dir string) *browser {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--remote-debugging-port=0", "--remote-allow-origins=*",
		"--window-size=1400,1000", "about:blank")
	// Its own process group, so the renderers and helpers it starts end
	// with it and nothing writes into the profile after the test.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	wsURL := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`DevTools listening on (ws://\S+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				wsURL <- m[1]
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
	}()
	var browserURL string
	select {
	case browserURL = <-wsURL:
	case <-time.After(60 * time.Second):
		t.Fatal("chromium did not start its DevTools server")
	}
	// The page target's socket, from the browser's HTTP endpoint.
	host, _, _ := strings.Cut(strings.TrimPrefix(browserURL, "ws://"), "/")
	var targets []struct{ Type, WebSocketDebuggerURL string }
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get("http://" + host + "/json/list")
		if err == nil {
			err = json.NewDecoder(resp.Body).Decode(&targets)
			_ = resp.Body.Close()
		}
		page := ""
		for _, tg := range targets {
			if tg.Type == "page" {
				page = tg.WebSocketDebuggerURL
			}
		}
		if page != "" {
			ws, err := websocket.Dial(page, "", "http://localhost/")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = ws.Close() })
			return &browser{t: t, ws: ws, dir: dir}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no page target: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// call sends one DevTools command and returns its result.
func (b *browser) call(method string, params any) json.RawMessage {
	b.t.Helper()
	id := b.id.Add(1)
	if err := websocket.JSON.Send(b.ws, map[string]any{"id": id, "method": method, "params": params}); err != nil {
		b.t.Fatal(err)
	}
	_ = b.ws.SetReadDeadline(time.Now().Add(60 * time.Second))
	for {
		var msg struct {
			ID     int64           `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct{ Message string }
		}
		if err := websocket.JSON.Receive(b.ws, &msg); err != nil {
			b.t.Fatalf("%s: %v", method, err)
		}
		if msg.ID != id {
			continue // an event
		}
		if msg.Error != nil {
			b.t.Fatalf("%s: %s", method, msg.Error.Message)
		}
		return msg.Result
	}
}

func (b *browser) navigate(url string) {
	b.t.Helper()
	b.call("Page.navigate", map[string]any{"url": url})
	deadline := time.Now().Add(30 * time.Second)
	for b.evalString(`String(document.readyState === "complete" && document.documentElement.getAttribute("data-ready") === "1" && location.href)`) != url {
		if time.Now().After(deadline) {
			b.t.Fatalf("%s did not load", url)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// eval runs an expression in the page and returns its value.
func (b *browser) eval(expr string) any {
	b.t.Helper()
	res := b.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true})
	var r struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := json.Unmarshal(res, &r); err != nil {
		b.t.Fatal(err)
	}
	if r.ExceptionDetails != nil {
		b.t.Fatalf("%s: %s %s", expr, r.ExceptionDetails.Text, r.ExceptionDetails.Exception.Description)
	}
	return r.Result.Value
}

func (b *browser) evalString(expr string) string {
	b.t.Helper()
	s, _ := b.eval(expr).(string)
	return s
}

func (b *browser) evalInt(expr string) int {
	b.t.Helper()
	f, _ := b.eval(expr).(float64)
	return int(f)
}

// screenshot saves the page as PNG for a reader of the CI log to look at.
func (b *browser) screenshot(t *testing.T) {
	res := b.call("Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": false})
	var r struct{ Data string }
	if err := json.Unmarshal(res, &r); err != nil {
		t.Fatal(err)
	}
	png, err := base64.StdEncoding.DecodeString(r.Data)
	if err != nil || len(png) < 1000 || !strings.HasPrefix(string(png), "\x89PNG") {
		t.Fatalf("screenshot: %d bytes, %v", len(png), err)
	}
	dir := os.Getenv("OSPOLINT_ARTIFACTS")
	if dir == "" {
		dir = os.TempDir()
	}
	out := filepath.Join(dir, "ospolint-dashboard.png")
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(errors.Join(err, fmt.Errorf("save the screenshot")))
	}
	t.Logf("screenshot: %s", out)
}
