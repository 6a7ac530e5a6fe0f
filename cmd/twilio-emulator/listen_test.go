package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Listening beyond loopback, for the emulator run as a CI service container: TLS on any address, or plain
// HTTP only with -insecure-non-loopback and a warning.

func TestParseFlagsListen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    config
		wantErr string
	}{
		{
			name: "TLS pair",
			args: []string{"-tls-cert", "c.pem", "-tls-key", "k.pem"},
			want: config{addr: defaultAddr, tlsCert: "c.pem", tlsKey: "k.pem"},
		},
		{
			name: "TLS and opt-in from the environment",
			env: map[string]string{"TWILIO_EMULATOR_TLS_CERT": "c.pem", "TWILIO_EMULATOR_TLS_KEY": "k.pem",
				"TWILIO_EMULATOR_INSECURE_NON_LOOPBACK": "true"},
			want: config{addr: defaultAddr, tlsCert: "c.pem", tlsKey: "k.pem", insecureNonLoopback: true},
		},
		{name: "opt-in flag", args: []string{"-insecure-non-loopback"}, want: config{addr: defaultAddr, insecureNonLoopback: true}},
		{name: "cert without key", args: []string{"-tls-cert", "c.pem"}, wantErr: "go together"},
		{name: "key without cert", env: map[string]string{"TWILIO_EMULATOR_TLS_KEY": "k.pem"}, wantErr: "go together"},
		{name: "opt-in not a boolean", env: map[string]string{"TWILIO_EMULATOR_INSECURE_NON_LOOPBACK": "yes please"}, wantErr: "want true or false"},
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

func TestRunInsecureNonLoopbackWarns(t *testing.T) {
	t.Parallel()
	s := startRun(t, "-addr", "0.0.0.0:0", "-insecure-non-loopback")
	port := portOf(t, s.url, "http")
	warning := s.err.String()
	if !strings.Contains(warning, "WARNING: serving PLAIN HTTP on 0.0.0.0:0") || !strings.Contains(warning, "reads every credential") {
		t.Errorf("stderr %q, want the plain-HTTP warning", warning)
	}
	if status, err := health(http.DefaultClient, "http://127.0.0.1:"+port); err != nil || status != http.StatusOK {
		t.Errorf("health through loopback: %d %v", status, err)
	}
}

func TestRunInsecureFlagOnLoopbackIsQuiet(t *testing.T) {
	t.Parallel()
	s := startRun(t, "-addr", "127.0.0.1:0", "-insecure-non-loopback")
	if got := s.err.String(); got != "" {
		t.Errorf("stderr %q, want no warning for a loopback address", got)
	}
}

func TestRunServesTLSOnAnyAddress(t *testing.T) {
	t.Parallel()
	certFile, keyFile, pool := selfSignedCert(t)
	s := startRun(t, "-addr", "0.0.0.0:0", "-tls-cert", certFile, "-tls-key", keyFile)
	local := "127.0.0.1:" + portOf(t, s.url, "https")
	if got := s.err.String(); got != "" {
		t.Errorf("stderr %q, want no warning over TLS", got)
	}
	trusting := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}
	if status, err := health(trusting, "https://"+local); err != nil || status != http.StatusOK {
		t.Errorf("health over TLS: %d %v", status, err)
	}
	// A client that does not trust the certificate is refused, and plain HTTP gets no answer but an error.
	if _, err := health(&http.Client{}, "https://"+local); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("untrusting client: %v, want a certificate error", err)
	}
	if status, err := health(http.DefaultClient, "http://"+local); err == nil && status == http.StatusOK {
		t.Errorf("plain HTTP to the TLS port answered 200")
	}
}

func TestRunRefusesBadTLSFiles(t *testing.T) {
	t.Parallel()
	certFile, _, _ := selfSignedCert(t)
	missing := filepath.Join(t.TempDir(), "missing.pem")
	err := run(context.Background(), []string{"-addr", "0.0.0.0:0", "-tls-cert", certFile, "-tls-key", missing},
		env(nil), &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "loading -tls-cert and -tls-key") {
		t.Errorf("error %v, want a load failure", err)
	}
}

// portOf checks that raw is a scheme:// URL of a wildcard address (0.0.0.0, or [::] where Go listens on
// both families) and returns its port.
func portOf(t *testing.T, raw, scheme string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != scheme || (u.Hostname() != "0.0.0.0" && u.Hostname() != "::") || u.Port() == "" {
		t.Fatalf("ready file holds %q, want a %s:// URL of a wildcard address", raw, scheme)
	}
	return u.Port()
}

// selfSignedCert writes a certificate for 127.0.0.1 and its key, and returns a pool trusting it.
func selfSignedCert(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "twilio-emulator test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:         true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}
