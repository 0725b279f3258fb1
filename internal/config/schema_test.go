// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package config_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/rules"
)

var (
	schemaPath   = filepath.Join("..", "..", "docs", "config.schema.json")
	examplesPath = filepath.Join("..", "..", "testdata", "configs")
)

// schemaDoc is the schema as decoded JSON, for tests that read it.
func schemaDoc(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	m, ok := doc.(map[string]any)
	if !ok {
		t.Fatalf("%s is not a JSON object", schemaPath)
	}
	return m
}

// compileSchema compiles docs/config.schema.json, checking it against the
// 2020-12 meta-schema, with formats (the waiver date) asserted as editors do.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc := schemaDoc(t)
	id, _ := doc["$id"].(string)
	if id == "" {
		t.Fatal("the schema has no $id")
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaPath, err)
	}
	return sch
}

// yamlToJSON decodes YAML as an editor's YAML language server does (YAML 1.2:
// a date is a string) and re-reads it as JSON.
func yamlToJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("invalid YAML: %v", err)
	}
	js, err := json.Marshal(jsonable(v))
	if err != nil {
		t.Fatalf("YAML has no JSON form: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// jsonable turns the timestamps yaml decodes back into the text written.
func jsonable(v any) any {
	switch v := v.(type) {
	case time.Time:
		if v.Equal(time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)) {
			return v.Format(time.DateOnly)
		}
		return v.Format(time.RFC3339Nano)
	case map[string]any:
		for k, e := range v {
			v[k] = jsonable(e)
		}
	case []any:
		for i, e := range v {
			v[i] = jsonable(e)
		}
	}
	return v
}

func validate(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	return sch.Validate(yamlToJSON(t, data))
}

func TestSchemaBuiltinSets(t *testing.T) {
	sch := compileSchema(t)
	for _, name := range rules.Names() {
		data, err := rules.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(t, sch, data); err != nil {
			t.Errorf("rules/%s.yml does not validate:\n%v", name, err)
		}
	}
}

func examples(t *testing.T, kind string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(examplesPath, kind, "*.yml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples in %s/%s: %v", examplesPath, kind, err)
	}
	return files
}

// loadExample loads an example with the real loader, extends resolved beside
// it as the CLI does for --config.
func loadExample(path string) (*config.Config, error) {
	src, closer, err := config.OpenDir(filepath.Dir(path), filepath.ToSlash(filepath.Dir(path)), "the examples")
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	return config.Load(src, filepath.Base(path), "")
}

// unregisteredKinds lists the rule kinds an example uses that the registry
// does not have (yet).
func unregisteredKinds(t *testing.T, data []byte) []string {
	t.Helper()
	var doc struct {
		Rules []struct {
			Kind string `yaml:"kind"`
		} `yaml:"rules"`
	}
	_ = yaml.Unmarshal(data, &doc)
	var out []string
	for _, r := range doc.Rules {
		if c, ok := checks.Lookup(r.Kind); !ok || !c.Template {
			out = append(out, r.Kind)
		}
	}
	return out
}

func TestSchemaValidExamples(t *testing.T) {
	sch := compileSchema(t)
	for _, path := range examples(t, "valid") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(t, sch, data); err != nil {
				t.Errorf("does not validate against the schema:\n%v", err)
			}
			// The loader accepts what the schema accepts.
			if kinds := unregisteredKinds(t, data); len(kinds) > 0 {
				t.Logf("not loaded: rule kinds %q are not registered", kinds)
				return
			}
			if _, err := loadExample(path); err != nil {
				t.Errorf("the loader rejects it: %v", err)
			}
		})
	}
}

// wantKey reads the `# error: KEY` first line of an invalid example.
func wantKey(t *testing.T, data []byte) string {
	t.Helper()
	line, _, _ := bytes.Cut(data, []byte("\n"))
	key, ok := strings.CutPrefix(strings.TrimSpace(string(line)), "# error:")
	if !ok {
		t.Fatalf("first line %q is not `# error: KEY`", line)
	}
	return strings.TrimSpace(key)
}

func TestSchemaInvalidExamples(t *testing.T) {
	sch := compileSchema(t)
	for _, path := range examples(t, "invalid") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(t, sch, data); err == nil {
				t.Error("validates against the schema, want a violation")
			}
			_, err = loadExample(path)
			var ce *config.Error
			if !errors.As(err, &ce) {
				t.Fatalf("the loader gives %v, want a *config.Error", err)
			}
			if want := wantKey(t, data); ce.Key != want {
				t.Errorf("the loader's error %q is at key %q, want %q", err, ce.Key, want)
			}
			if ce.Line == 0 && ce.Key != "" {
				t.Errorf("the loader's error %q has no line", err)
			}
		})
	}
}

// TestSchemaDocExamples validates the YAML examples of the configuration
// guide and the README, so the documentation shows what ospolint accepts.
func TestSchemaDocExamples(t *testing.T) {
	sch := compileSchema(t)
	for _, doc := range []string{filepath.Join("..", "..", "docs", "configuration.md"), filepath.Join("..", "..", "README.md")} {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		blocks := yamlBlocks(string(data))
		if len(blocks) == 0 && strings.HasSuffix(doc, "configuration.md") {
			t.Fatalf("%s has no yaml blocks", doc)
		}
		for i, b := range blocks {
			var v any
			if err := yaml.Unmarshal([]byte(b), &v); err != nil {
				t.Errorf("%s, yaml block %d: %v\n%s", doc, i+1, err, b)
				continue
			}
			m, ok := v.(map[string]any)
			if !ok || !isConfig(m) {
				continue // a comment-only block, or YAML that is not a configuration
			}
			if err := validate(t, sch, []byte(b)); err != nil {
				t.Errorf("%s, yaml block %d does not validate:\n%v\n%s", doc, i+1, err, b)
			}
		}
	}
}

// yamlBlocks returns the fenced ```yaml blocks of a Markdown text.
func yamlBlocks(md string) []string {
	var out []string
	for {
		_, rest, ok := strings.Cut(md, "```yaml\n")
		if !ok {
			return out
		}
		block, after, _ := strings.Cut(rest, "```")
		out = append(out, block)
		md = after
	}
}

// isConfig tells an .ospolint.yml example from other YAML (a workflow).
func isConfig(m map[string]any) bool {
	for k := range m {
		switch k {
		case "extends", "description", "checks", "rules", "exclude", "waivers":
		default:
			return false
		}
	}
	return true
}

// TestSchemaAcceptsEveryOption sets every option of every registered check
// and rule kind to its default: the schema's option types must cover them.
func TestSchemaAcceptsEveryOption(t *testing.T) {
	sch := compileSchema(t)
	type setting struct {
		Level   string         `json:"level"`
		Options map[string]any `json:"options"`
	}
	type rule struct {
		ID      string         `json:"id"`
		Kind    string         `json:"kind"`
		Options map[string]any `json:"options"`
	}
	doc := struct {
		Checks map[string]setting `json:"checks"`
		Rules  []rule             `json:"rules"`
	}{Checks: map[string]setting{}, Rules: []rule{}}
	for _, c := range checks.All() {
		opts := map[string]any{}
		for _, o := range c.Options {
			opts[o.Name] = o.Default
		}
		if c.Template {
			doc.Rules = append(doc.Rules, rule{ID: "my-" + c.ID, Kind: c.ID, Options: opts})
			continue
		}
		doc.Checks[c.ID] = setting{Level: c.Level.String(), Options: opts}
	}
	js, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("the registry's checks with default options do not validate:\n%v", err)
	}
}

// TestSchemaDescribesEverything keeps editor help complete: every property
// and definition has a description.
func TestSchemaDescribesEverything(t *testing.T) {
	doc := schemaDoc(t)
	var missing []string
	var walk func(path string, v any)
	walk = func(path string, v any) {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		for _, group := range []string{"properties", "$defs"} {
			props, _ := m[group].(map[string]any)
			for name, p := range props {
				pm, _ := p.(map[string]any)
				if d, _ := pm["description"].(string); strings.TrimSpace(d) == "" {
					missing = append(missing, path+"/"+group+"/"+name)
				}
			}
		}
		for k, e := range m {
			switch e := e.(type) {
			case map[string]any:
				walk(path+"/"+k, e)
			case []any:
				for i, x := range e {
					walk(fmt.Sprintf("%s/%s/%d", path, k, i), x)
				}
			}
		}
	}
	walk("#", doc)
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("no description at:\n%s", strings.Join(missing, "\n"))
	}
}

// TestSchemaMatchesLoader checks the schema against what the loader knows:
// the level names, the ID syntax and the top-level keys.
func TestSchemaMatchesLoader(t *testing.T) {
	doc := schemaDoc(t)
	defs := doc["$defs"].(map[string]any)

	var levels []string
	for _, l := range defs["level"].(map[string]any)["enum"].([]any) {
		levels = append(levels, l.(string))
	}
	var want []string
	for _, l := range []checks.Level{checks.Error, checks.Warning, checks.Note, checks.Off} {
		want = append(want, l.String())
	}
	if strings.Join(levels, ",") != strings.Join(want, ",") {
		t.Errorf("schema levels %q, want %q", levels, want)
	}
	for _, l := range levels {
		if lv, err := checks.ParseLevel(l); err != nil || lv.String() != l {
			t.Errorf("level %q: ParseLevel = %v, %v", l, lv, err)
		}
	}

	id := regexp.MustCompile(defs["id"].(map[string]any)["pattern"].(string))
	for _, s := range []string{"readme", "license-file", "a1-b2", "x", "no--double", "-lead", "trail-", "Upper", "snake_case", "dot.ted", "", "é"} {
		if got, want := id.MatchString(s), checks.ValidID(s); got != want {
			t.Errorf("ID %q: schema pattern %v, checks.ValidID %v", s, got, want)
		}
	}

	// Each top-level key of the schema, given an empty value, loads.
	for key := range doc["properties"].(map[string]any) {
		sample := map[string]string{
			"extends": "extends: []\n", "description": "description: d\n", "exclude": "exclude: []\n",
			"checks": "checks: {}\n", "rules": "rules: []\n", "waivers": "waivers: []\n", "fix": "fix: {}\n",
		}[key]
		if sample == "" {
			t.Errorf("schema key %q: no sample in this test", key)
			continue
		}
		if _, err := config.Load(mapLoader(map[string]string{config.FileName: sample}), config.FileName, ""); err != nil {
			t.Errorf("schema key %q: the loader rejects it: %v", key, err)
		}
	}
	if props := doc["properties"].(map[string]any); len(props) != 7 {
		t.Errorf("schema has %d top-level keys, the loader knows 7", len(props))
	}
}
