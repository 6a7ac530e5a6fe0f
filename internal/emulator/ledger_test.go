package emulator

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	assumptionComment = regexp.MustCompile(`ASSUMPTION(\(([a-z0-9-]+)\))?:`)
	ledgerAssumption  = regexp.MustCompile("\\*\\*assumption\\*\\* `([a-z0-9-]+)`")
	ledgerTest        = regexp.MustCompile("`(Test[A-Za-z0-9_]+)`")
	twilioSource      = regexp.MustCompile(`https://(www\.|support\.)?twilio\.com/`)
)

// TestFidelityLedger keeps FIDELITY.md and the emulator's sources in step: every ASSUMPTION(id): comment
// is listed in the ledger and every listed assumption has its comment; every assumption names a test
// that exists; every other row cites a Twilio page or says it is not modeled.
func TestFidelityLedger(t *testing.T) {
	t.Parallel()
	ledger, err := os.ReadFile("FIDELITY.md")
	if err != nil {
		t.Fatal(err)
	}
	inCode := map[string]string{}
	sources, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range sources {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range assumptionComment.FindAllStringSubmatch(string(src), -1) {
			switch {
			case m[2] == "":
				t.Errorf("%s: an ASSUMPTION: comment without an ID; write ASSUMPTION(id): and list id in FIDELITY.md", name)
			case inCode[m[2]] != "":
				t.Errorf("assumption %s is marked in %s and %s; one behaviour, one place", m[2], inCode[m[2]], name)
			default:
				inCode[m[2]] = name
			}
		}
	}

	tests := testFunctions(t)
	listed := map[string]bool{}
	for _, line := range strings.Split(string(ledger), "\n") {
		if !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "|---") || strings.HasPrefix(line, "| Behaviour") {
			continue
		}
		m := ledgerAssumption.FindStringSubmatch(line)
		switch {
		case m != nil:
			listed[m[1]] = true
			if inCode[m[1]] == "" {
				t.Errorf("FIDELITY.md lists assumption %s, but no emulator source marks it ASSUMPTION(%s):", m[1], m[1])
			}
			names := ledgerTest.FindAllStringSubmatch(line, -1)
			if len(names) == 0 {
				t.Errorf("assumption %s names no test showing the provider is safe", m[1])
			}
			for _, n := range names {
				if !tests[n[1]] {
					t.Errorf("assumption %s names test %s, which does not exist", m[1], n[1])
				}
			}
		case strings.Contains(line, "**not modeled**"):
		case !twilioSource.MatchString(line) && !strings.Contains(line, "OpenAPI description"):
			t.Errorf("FIDELITY.md row cites no Twilio source: %s", line)
		}
	}
	for id, file := range inCode {
		if !listed[id] {
			t.Errorf("%s marks ASSUMPTION(%s):, which FIDELITY.md does not list", file, id)
		}
	}
}

// testFunctions names every Test function in the repository.
func testFunctions(t *testing.T) map[string]bool {
	t.Helper()
	decl := regexp.MustCompile(`(?m)^func (Test[A-Za-z0-9_]+)\(`)
	found := map[string]bool{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && slices.Contains([]string{".git", "node_modules", "docs"}, d.Name()) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range decl.FindAllStringSubmatch(string(src), -1) {
			found[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}
