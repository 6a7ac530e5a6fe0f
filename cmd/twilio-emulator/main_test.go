package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

const testSID = "AC0123456789abcdef0123456789abcdef"

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestParseFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    config
		wantErr string
	}{
		{name: "defaults", want: config{addr: defaultAddr}},
		{
			name: "environment",
			env:  map[string]string{"TWILIO_EMULATOR_ADDR": "127.0.0.1:9000", "TWILIO_EMULATOR_ACCOUNT_SID": testSID, "TWILIO_EMULATOR_AUTH_TOKEN": "tok"},
			want: config{addr: "127.0.0.1:9000", accountSID: testSID, authToken: "tok"},
		},
		{
			name: "flags win over the environment",
			args: []string{"-addr", "[::1]:0", "-auth-token", "flag", "-latency", "50ms", "-ready-file", "/tmp/r"},
			env:  map[string]string{"TWILIO_EMULATOR_ADDR": "127.0.0.1:9000", "TWILIO_EMULATOR_AUTH_TOKEN": "env"},
			want: config{addr: "[::1]:0", authToken: "flag", latency: 50 * time.Millisecond, readyFile: "/tmp/r"},
		},
		{name: "bad account SID", args: []string{"-account-sid", "AC123"}, wantErr: "-account-sid"},
		{name: "token with symbols", args: []string{"-auth-token", "a:b"}, wantErr: "alphanumeric"},
		{name: "stray argument", args: []string{"serve"}, wantErr: "unexpected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseFlags(tt.args, env(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("parseFlags = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestRunPrintsVersion(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-version"}, env(nil), &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "twilio-emulator dev\n" {
		t.Errorf("printed %q", got)
	}
}

func TestRunRefusesNonLoopback(t *testing.T) {
	t.Parallel()
	for _, addr := range []string{"0.0.0.0:8718", ":8718", "192.0.2.1:8718", "example.com:80"} {
		err := run(context.Background(), []string{"-addr", addr}, env(nil), &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "loopback") || !strings.Contains(err.Error(), "-tls-cert") {
			t.Errorf("%s: error %v, want a refusal", addr, err)
		}
	}
}

// syncBuffer is written by run's goroutine and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// started is a run in a goroutine, listening.
type started struct {
	url      string
	out, err *syncBuffer
	cancel   func() error
}

// startRun runs the command with args until the test ends, and waits for its ready file.
func startRun(t *testing.T, args ...string) started {
	t.Helper()
	ready := filepath.Join(t.TempDir(), "ready")
	ctx, cancel := context.WithCancel(context.Background())
	s := started{out: &syncBuffer{}, err: &syncBuffer{}}
	done := make(chan error, 1)
	args = append([]string{"-ready-file", ready}, args...)
	go func() { done <- run(ctx, args, env(nil), s.out, s.err) }()
	var once sync.Once
	var runErr error
	s.cancel = func() error {
		once.Do(func() { cancel(); runErr = <-done })
		return runErr
	}
	t.Cleanup(func() { _ = s.cancel() })
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if b, err := os.ReadFile(ready); err == nil {
			s.url = strings.TrimSpace(string(b))
			return s
		}
		select {
		case err := <-done:
			t.Fatalf("run ended before listening: %v (stderr %q)", err, s.err.String())
		default:
		}
	}
	t.Fatalf("no ready file after 5s (stderr %q)", s.err.String())
	return s
}

func TestRunServesUntilCancelled(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		args       []string
		printToken bool
	}{
		{"generated token is printed", nil, true},
		{"given token is not printed", []string{"-account-sid", testSID, "-auth-token", "secret123"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			envFile := filepath.Join(t.TempDir(), "emulator.env")
			s := startRun(t, append([]string{"-addr", "127.0.0.1:0", "-env-file", envFile}, tc.args...)...)
			if !strings.HasPrefix(s.url, "http://127.0.0.1:") {
				t.Fatalf("ready file holds %q", s.url)
			}
			printed := s.out.String()
			wantExports := "export TWILIO_BASE_URL=" + s.url + "\nexport TWILIO_ACCOUNT_SID=AC"
			if !strings.HasPrefix(printed, "# twilio-emulator listening on "+s.url) || !strings.Contains(printed, wantExports) ||
				strings.Contains(printed, "export TWILIO_AUTH_TOKEN=") != tc.printToken {
				t.Errorf("printed %q", printed)
			}
			// The env file always has the token (it is 0600), so sourcing it gives a working environment.
			if b, err := os.ReadFile(envFile); err != nil || !strings.Contains(string(b), wantExports) ||
				!strings.Contains(string(b), "export TWILIO_AUTH_TOKEN=") {
				t.Errorf("env file %q, %v", b, err)
			}
			if st, err := os.Stat(envFile); err != nil || st.Mode().Perm() != 0o600 {
				t.Errorf("env file mode %v, %v", st, err)
			}
			if status, err := health(http.DefaultClient, s.url); err != nil || status != http.StatusOK {
				t.Errorf("health: %d %v", status, err)
			}
			if err := s.cancel(); err != nil {
				t.Errorf("run: %v", err)
			}
			if s.err.String() != "" {
				t.Errorf("stderr %q, want nothing", s.err.String())
			}
		})
	}
}

func health(c *http.Client, url string) (int, error) {
	resp, err := c.Get(url + "/_emulator/health")
	if err != nil {
		return 0, err
	}
	_ = resp.Body.Close() // only the status matters
	return resp.StatusCode, nil
}
