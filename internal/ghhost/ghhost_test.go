// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package ghhost

import (
	"errors"
	"strings"
	"testing"
)

func TestAllows(t *testing.T) {
	ghes, err := Parse("https://GHE.Example.com/")
	if err != nil {
		t.Fatal(err)
	}
	ghesPort, err := Parse("https://ghe.example.com:8443")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		host Host
		url  string
		want bool
	}{
		{Host{}, "https://github.com/o/r", true},
		{Host{}, "HTTPS://GitHub.com/o/r.git", true},
		{Host{}, "https://github.com:443/o/r", true},
		{Host{}, "https://api.github.com/repos/o/r", true},
		{Host{}, "http://github.com/o/r", false},
		{Host{}, "https://github.com:8443/o/r", false},
		{Host{}, "https://gitea.example/x/y", false},
		{Host{}, "https://github.com.evil.example/o/r", false},
		{Host{}, "https://evil.example/github.com/o/r", false},
		{Host{}, "https://github.com@evil.example/o/r", false},
		{Host{}, "https://gist.github.com/o/r", false},
		{Host{}, "ssh://git@github.com/o/r", false},
		{Host{}, "git@github.com:o/r.git", false},
		{Host{}, "file:///srv/github.com/r", false},
		{Host{}, "https://exa mple.com/o/r", false},
		{Host{}, "https://127.0.0.1:8443/o/r", false},
		{ghes, "https://ghe.example.com/o/r", true},
		{ghes, "https://ghe.example.com:443/o/r", true},
		{ghes, "https://github.com/o/r", true},
		{ghes, "https://ghe.example.com:8443/o/r", false},
		{ghes, "http://ghe.example.com/o/r", false},
		{ghes, "https://other.example.com/o/r", false},
		{ghes, "https://sub.ghe.example.com/o/r", false},
		{ghesPort, "https://ghe.example.com:8443/o/r", true},
		{ghesPort, "https://ghe.example.com/o/r", false},
	} {
		if got := tc.host.Allows(tc.url); got != tc.want {
			t.Errorf("Host{%s}.Allows(%q) = %v, want %v", tc.host.Name(), tc.url, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in, name, api string
	}{
		{"", "github.com", "https://api.github.com/"},
		{"https://github.com", "github.com", "https://api.github.com/"},
		{" https://github.com/ ", "github.com", "https://api.github.com/"},
		{"https://GHE.example.com", "ghe.example.com", "https://ghe.example.com/api/v3/"},
		{"https://ghe.example.com:8443/", "ghe.example.com:8443", "https://ghe.example.com:8443/api/v3/"},
		{"https://[::1]:8443", "[::1]:8443", "https://[::1]:8443/api/v3/"},
	} {
		h, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if h.Name() != tc.name || h.APIURL() != tc.api || h.IsPublic() != (tc.name == "github.com") {
			t.Errorf("Parse(%q) = %s %s public %v, want %s %s", tc.in, h.Name(), h.APIURL(), h.IsPublic(), tc.name, tc.api)
		}
	}
	for _, in := range []string{
		"http://ghe.example.com", "ghe.example.com", "https://", "https://ghe.example.com/org",
		"https://ghe.example.com/?x=1", "https://user:s3cretpass@ghe.example.com", "ftp://ghe.example.com", "https://exa mple.com",
	} {
		_, err := Parse(in)
		if !errors.Is(err, ErrBadURL) {
			t.Errorf("Parse(%q) = %v, want ErrBadURL", in, err)
		}
		if err != nil && strings.Contains(err.Error(), "s3cretpass") {
			t.Errorf("Parse(%q) error shows the password: %v", in, err)
		}
	}
}

func TestResolve(t *testing.T) {
	h, err := Resolve("https://flag.example.com", "https://env.example.com")
	if err != nil || h.Name() != "flag.example.com" {
		t.Errorf("flag and env: %s, %v; want the flag", h.Name(), err)
	}
	h, err = Resolve("", "https://env.example.com")
	if err != nil || h.Name() != "env.example.com" {
		t.Errorf("env only: %s, %v", h.Name(), err)
	}
	h, err = Resolve("", "")
	if err != nil || !h.IsPublic() {
		t.Errorf("neither: %s, %v; want github.com", h.Name(), err)
	}
	if _, err := Resolve("http://flag.example.com", ""); err == nil || !strings.HasPrefix(err.Error(), "--github-url: ") {
		t.Errorf("bad flag: %v", err)
	}
	if _, err := Resolve("", "http://env.example.com"); err == nil || !strings.HasPrefix(err.Error(), "GITHUB_SERVER_URL: ") {
		t.Errorf("bad env: %v", err)
	}
}
