// Command twilio-emulator serves the local Twilio emulator on a loopback
// address, for demos and for testing Terraform modules offline.
//
// Point the provider (or curl) at the printed URL with the printed account
// SID and auth token. The control surface under /_emulator/ (requests,
// faults, state, latency, main-keys, main-accounts, health) takes the same
// credentials.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"syscall"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

const defaultAddr = "127.0.0.1:8718"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "twilio-emulator:", err)
		os.Exit(1)
	}
}

// config is the command line, with environment fallbacks.
type config struct {
	addr, accountSID, authToken, readyFile string
	latency                                time.Duration
}

func parseFlags(args []string, getenv func(string) string) (config, error) {
	var c config
	fs := flag.NewFlagSet("twilio-emulator", flag.ContinueOnError)
	fs.StringVar(&c.addr, "addr", envOr(getenv, "TWILIO_EMULATOR_ADDR", defaultAddr),
		"loopback address to listen on (env TWILIO_EMULATOR_ADDR)")
	fs.StringVar(&c.accountSID, "account-sid", getenv("TWILIO_EMULATOR_ACCOUNT_SID"),
		"main account SID; generated when empty (env TWILIO_EMULATOR_ACCOUNT_SID)")
	fs.StringVar(&c.authToken, "auth-token", getenv("TWILIO_EMULATOR_AUTH_TOKEN"),
		"main account auth token; generated and printed when empty (env TWILIO_EMULATOR_AUTH_TOKEN)")
	fs.DurationVar(&c.latency, "latency", 0, "fixed delay added to every Twilio API request, such as 50ms")
	fs.StringVar(&c.readyFile, "ready-file", "", "file to write the base URL to once listening")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if c.accountSID != "" && !validAccountSID(c.accountSID) {
		return c, fmt.Errorf("-account-sid %q must be AC followed by 32 hex digits", c.accountSID)
	}
	if c.authToken != "" && !alphanumeric(c.authToken) {
		// twilio-go refuses non-alphanumeric credentials before sending them.
		return c, errors.New("-auth-token must be alphanumeric")
	}
	return c, nil
}

func run(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	c, err := parseFlags(args, getenv)
	if err != nil {
		return err
	}
	if err := emulator.CheckLoopback(c.addr); err != nil {
		return err
	}
	em := emulator.New(emulator.Options{AccountSID: c.accountSID, AuthToken: c.authToken, Latency: c.latency})
	srv, err := emulator.Start(c.addr, em)
	if err != nil {
		return err
	}
	sid, token := em.MainAccount()
	line := fmt.Sprintf("twilio-emulator listening on %s account_sid=%s", srv.URL, sid)
	if c.authToken == "" {
		line += " auth_token=" + token
	}
	if _, err := fmt.Fprintln(out, line); err != nil {
		_ = srv.Close() // already failing; the write error is the one to report
		return fmt.Errorf("printing the address: %w", err)
	}
	if c.readyFile != "" {
		if err := os.WriteFile(c.readyFile, []byte(srv.URL+"\n"), 0o600); err != nil {
			_ = srv.Close() // already failing; the write error is the one to report
			return fmt.Errorf("writing -ready-file: %w", err)
		}
	}
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	return nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

var (
	accountSIDPattern   = regexp.MustCompile(`^AC[0-9a-fA-F]{32}$`)
	alphanumericPattern = regexp.MustCompile(`^[0-9A-Za-z]+$`)
)

func validAccountSID(s string) bool { return accountSIDPattern.MatchString(s) }

func alphanumeric(s string) bool { return alphanumericPattern.MatchString(s) }
