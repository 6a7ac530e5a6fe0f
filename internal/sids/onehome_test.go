package sids_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The SID rule has one home: no other non-test Go file writes a SID's digit pattern or its length in
// words outside comments, so a change of rule cannot miss a copy (two copies once disagreed on upper-case digits).
func TestPatternWrittenOnce(t *testing.T) {
	copies := regexp.MustCompile(`\[0-9a-f[A-F]*\]\{32\}|\{32\}|32 hex`)
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || p == filepath.Join(root, "internal", "sids")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "//") && copies.MatchString(line) {
				t.Errorf("%s:%d writes the SID pattern again; use package sids: %s", p, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
