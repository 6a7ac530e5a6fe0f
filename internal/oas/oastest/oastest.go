// Package oastest gives tests a Validator over Twilio's OpenAPI specs and fails them on its violations.
// It is kept apart from package oas so that only tests import package testing.
package oastest

import (
	"errors"
	"io/fs"
	"os"
	"sync"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/oas"
)

// RequiredEnv names the environment variable that turns missing specs from a skip into a failure. CI
// sets it after running scripts/fetch-specs.sh, so a broken fetch cannot pass as "skipped".
const RequiredEnv = "TWILIO_OAS_REQUIRED"

var (
	loadOnce sync.Once
	base     *oas.Validator
	errLoad  error
)

// Validator returns a Validator with no records over the specs in oas.DefaultDir. The specs are loaded
// once per test binary and shared. When they have not been fetched, the test is skipped, unless
// TWILIO_OAS_REQUIRED=1, when it fails; specs that are present but do not load always fail.
func Validator(t testing.TB) *oas.Validator {
	t.Helper()
	loadOnce.Do(func() { base, errLoad = oas.Load(oas.DefaultDir()) })
	switch {
	case errLoad == nil:
		return base.Fork()
	case errors.Is(errLoad, fs.ErrNotExist) && os.Getenv(RequiredEnv) != "1":
		t.Skipf("skipping: %v; set %s=1 to fail instead", errLoad, RequiredEnv)
	default:
		t.Fatalf("loading Twilio's OpenAPI specs: %v", errLoad)
	}
	return nil
}

// Check fails t once for each violation v has recorded.
func Check(t testing.TB, v *oas.Validator) {
	t.Helper()
	for _, violation := range v.Violations() {
		t.Errorf("Twilio OpenAPI violation: %s", violation)
	}
}
