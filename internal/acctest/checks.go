package acctest

import (
	"regexp"
	"strings"
)

// ErrorRegexp matches a message however Terraform wraps it: each space may be any run of whitespace.
// Terraform folds long diagnostics across lines, so a literal pattern would fail by accident.
func ErrorRegexp(msg string) *regexp.Regexp {
	words := strings.Fields(msg)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(words, `\s+`))
}
