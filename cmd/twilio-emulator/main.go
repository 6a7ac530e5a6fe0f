// Command twilio-emulator serves the local Twilio emulator on a loopback
// address, for demos and for testing Terraform modules offline.
//
// In a container (a CI service), -tls-cert and -tls-key serve HTTPS on any
// address; -insecure-non-loopback allows plain HTTP on one, with a warning,
// for a port published to the host's loopback.
//
// It prints ready-to-paste export lines (TWILIO_BASE_URL, TWILIO_ACCOUNT_SID
// and, when it generated one, TWILIO_AUTH_TOKEN) that point the provider, the
// Twilio CLI or curl at it; -env-file writes them to a file for scripts. The
// control surface under /_emulator/ (requests,
// faults, state, latency, main-keys, main-accounts, health) takes the same
// credentials.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"syscall"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

const defaultAddr = "127.0.0.1:8718"

// version is set at release time with -ldflags "-X main.version=1.2.3".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "twilio-emulator:", err)
		os.Exit(1)
	}
}

// config is the command line, with environment fallbacks.
type config struct {
	addr, accountSID, authToken, readyFile, envFile string
	tlsCert, tlsKey                                 string
	insecureNonLoopback, showVersion                bool
	latency                                         time.Duration
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
	fs.StringVar(&c.envFile, "env-file", "", "file to write the export lines to once listening (mode 0600; "+
		"it holds the auth token), for `. ./file` in scripts")
	fs.StringVar(&c.tlsCert, "tls-cert", getenv("TWILIO_EMULATOR_TLS_CERT"),
		"PEM certificate (chain) to serve HTTPS with; any address is then allowed (env TWILIO_EMULATOR_TLS_CERT)")
	fs.StringVar(&c.tlsKey, "tls-key", getenv("TWILIO_EMULATOR_TLS_KEY"),
		"PEM private key of -tls-cert (env TWILIO_EMULATOR_TLS_KEY)")
	insecureDefault, err := envBool(getenv, "TWILIO_EMULATOR_INSECURE_NON_LOOPBACK")
	if err != nil {
		return c, err
	}
	fs.BoolVar(&c.insecureNonLoopback, "insecure-non-loopback", insecureDefault,
		"allow plain HTTP on a non-loopback address, such as 0.0.0.0 in a container whose port is published to "+
			"the host's loopback; anyone who can reach the port reads the credentials sent to it "+
			"(env TWILIO_EMULATOR_INSECURE_NON_LOOPBACK=true)")
	fs.BoolVar(&c.showVersion, "version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if (c.tlsCert == "") != (c.tlsKey == "") {
		return c, errors.New("-tls-cert and -tls-key go together: give both or neither")
	}
	if c.accountSID != "" && !validAccountSID(c.accountSID) {
		return c, fmt.Errorf("-account-sid %q must be %s", c.accountSID, sids.Shape("AC"))
	}
	if c.authToken != "" && !alphanumeric(c.authToken) {
		// twilio-go refuses non-alphanumeric credentials before sending them.
		return c, errors.New("-auth-token must be alphanumeric")
	}
	return c, nil
}

func run(ctx context.Context, args []string, getenv func(string) string, out, errOut io.Writer) error {
	c, err := parseFlags(args, getenv)
	if err != nil {
		return err
	}
	if c.showVersion {
		_, err := fmt.Fprintln(out, "twilio-emulator", version)
		return err
	}
	opts := emulator.ServeOptions{AllowPlainNonLoopback: c.insecureNonLoopback}
	if c.tlsCert != "" {
		cert, err := tls.LoadX509KeyPair(c.tlsCert, c.tlsKey)
		if err != nil {
			return fmt.Errorf("loading -tls-cert and -tls-key: %w", err)
		}
		opts.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	if opts.TLS == nil {
		if loopErr := emulator.CheckLoopback(c.addr); loopErr != nil {
			if !c.insecureNonLoopback {
				return fmt.Errorf("%w; serve TLS with -tls-cert and -tls-key, or accept plain HTTP with -insecure-non-loopback", loopErr)
			}
			warnPlainHTTP(errOut, c.addr)
		}
	}
	em := emulator.New(emulator.Options{AccountSID: c.accountSID, AuthToken: c.authToken, Latency: c.latency})
	srv, err := emulator.StartWith(c.addr, em, opts)
	if err != nil {
		return err
	}
	sid, token := em.MainAccount()
	if _, err := fmt.Fprint(out, exportLines(srv.URL, sid, token, c.authToken == "")); err != nil {
		_ = srv.Close() // already failing; the write error is the one to report
		return fmt.Errorf("printing the address: %w", err)
	}
	if c.envFile != "" {
		// Written to a temporary name and renamed, so a script waiting for the file never reads half of it.
		tmp := c.envFile + ".tmp"
		err := os.WriteFile(tmp, []byte(exportLines(srv.URL, sid, token, true)), 0o600)
		if err == nil {
			err = os.Rename(tmp, c.envFile)
		}
		if err != nil {
			_ = srv.Close() // already failing; the write error is the one to report
			return fmt.Errorf("writing -env-file: %w", err)
		}
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

// warnPlainHTTP says, on every line so no log filter hides it, what -insecure-non-loopback gives away.
func warnPlainHTTP(w io.Writer, addr string) {
	for _, line := range []string{
		"serving PLAIN HTTP on " + addr + ", which is not a loopback address (-insecure-non-loopback).",
		"anyone who can reach this port reads every credential sent to it and can act on the emulator.",
		"use it only inside a private container network, or publish the port to the host's loopback",
		"(docker run -p 127.0.0.1:8718:8718 ...); the provider sends credentials over http:// to loopback",
		"addresses only, and to anything else over https:// (serve TLS with -tls-cert and -tls-key).",
	} {
		_, _ = fmt.Fprintln(w, "twilio-emulator: WARNING:", line) // best effort: the server still starts
	}
}

// exportLines are shell lines that point the provider at the emulator. A token the user chose on the
// command line is not echoed to the terminal (withToken false); a generated one must be, or nobody could
// use it.
func exportLines(url, sid, token string, withToken bool) string {
	lines := fmt.Sprintf("# twilio-emulator listening on %s (Ctrl-C stops it). Paste into your shell:\n"+
		"unset TWILIO_API_KEY TWILIO_API_SECRET TWILIO_REGION TWILIO_EDGE\n"+
		"export TWILIO_BASE_URL=%s\nexport TWILIO_ACCOUNT_SID=%s\n", url, url, sid)
	if withToken {
		return lines + "export TWILIO_AUTH_TOKEN=" + token + "\n"
	}
	return lines + "# TWILIO_AUTH_TOKEN: set it to the -auth-token you chose\n"
}

// envBool reads a boolean environment variable; empty is false, anything strconv cannot parse is an error.
func envBool(getenv func(string) string, key string) (bool, error) {
	v := getenv(key)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s=%q: want true or false", key, v)
	}
	return b, nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

var (
	alphanumericPattern = regexp.MustCompile(`^[0-9A-Za-z]+$`)
)

func validAccountSID(s string) bool { return sids.Valid("AC", s) }

func alphanumeric(s string) bool { return alphanumericPattern.MatchString(s) }
