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
	twilioSource      = regexp.MustCompile(`https://(www\.|help\.)?twilio\.com/`)
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
		default:
			if problem := rowSourceProblem(line); problem != "" {
				t.Errorf("FIDELITY.md row %s: %s", problem, line)
			}
		}
	}
	for id, file := range inCode {
		if !listed[id] {
			t.Errorf("%s marks ASSUMPTION(%s):, which FIDELITY.md does not list", file, id)
		}
	}
}

// parenthetical is an aside in a source cell: a quote from the cited page or a pointer into the project.
var parenthetical = regexp.MustCompile(`\([^()]*\)`)

// projectWords mark a source that is the project itself (its code, its reasoning) rather than Twilio.
var projectWords = regexp.MustCompile(`(?i)\b(internal/|the provider|the emulator|the project|our|we)\b`)

// rowSourceProblem says what is wrong with the source (last cell) of a row that is neither an assumption
// nor "not modeled", or "" when it cites Twilio: a twilio.com page, or Twilio's OpenAPI description, named
// first. Asides in parentheses (quotes, "sources in internal/twilioregion") do not count; outside them, a
// cell that reasons ("children are addressed through their parents' paths") or points at the project is
// the project's own word, not a source.
func rowSourceProblem(line string) string {
	cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), " | ")
	source := strings.TrimSpace(cells[len(cells)-1])
	if strings.Contains(source, "https://support.twilio.com/") {
		return "cites support.twilio.com, which Twilio retired in 2024 (cite the article's help.twilio.com copy)"
	}
	if !twilioSource.MatchString(source) && !strings.Contains(source, "OpenAPI description") {
		return "cites no Twilio source"
	}
	bare := strings.TrimSpace(parenthetical.ReplaceAllString(source, ""))
	if projectWords.MatchString(bare) {
		return "cites the project itself as a source (move it into parentheses as an aside, or mark an assumption)"
	}
	if !strings.HasPrefix(bare, "https://") && !strings.Contains(bare, "OpenAPI description") {
		return "starts its source with reasoning, not a Twilio page (cite the page first, or mark an assumption)"
	}
	return ""
}

// TestFidelityLedgerRowSources: the source check refuses a row whose source is the project (its code or its
// reasoning) and takes Twilio pages, Twilio's OpenAPI description and asides in parentheses.
func TestFidelityLedgerRowSources(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		row, want string
	}{
		{"| X | https://www.twilio.com/docs/errors/21613 |", ""},
		{"| X | https://www.twilio.com/docs/usage/api/address (\"Each Address ...\"), api v2010 spec (UpdateAddress) |", ""},
		{"| X | https://www.twilio.com/docs/global-infrastructure/edge-locations (sources in internal/twilioregion) |", ""},
		{"| X | the `path` description in Twilio's Serverless OpenAPI description |", ""},
		{"| X | Twilio's own examples in its OpenAPI description (see internal/oas/strict.go) |", ""},
		{"| X | children are addressed through their parents' paths (https://www.twilio.com/docs/serverless/api/resource/service) |", "reasoning"},
		{"| X | internal/twilioregion, https://www.twilio.com/docs/global-infrastructure/edge-locations |", "the project itself"},
		{"| X | https://www.twilio.com/docs/serverless/api/resource/build; the emulator keeps what builds hold |", "the project itself"},
		{"| X | see DESIGN.md |", "no Twilio source"},
		{"| X | https://help.twilio.com/articles/223135987-Closing-a-Twilio-subaccount |", ""},
		{"| X | https://www.twilio.com/docs/errors/21479, https://support.twilio.com/hc/en-us/articles/223135987 |", "retired"},
	} {
		got := rowSourceProblem(tc.row)
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("rowSourceProblem(%s) = %q, want %q", tc.row, got, tc.want)
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
