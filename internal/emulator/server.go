package emulator

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// Server serves an [Emulator], on a loopback address unless [ServeOptions] widen it.
type Server struct {
	// URL is the base URL, http://127.0.0.1:PORT (https:// when serving TLS).
	URL string

	srv      *http.Server
	done     chan error
	once     sync.Once
	serveErr error
}

// CheckLoopback returns an error unless addr ("host:port") names a loopback
// host. Over plain HTTP the credentials sent to the emulator cross the network
// in clear, so by default it never listens where other machines can reach it
// ([ServeOptions] lift that with TLS or an explicit opt-in).
func CheckLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("twilio emulator: address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("twilio emulator: refusing to listen on %q: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed", addr)
}

// Start listens on addr (such as "127.0.0.1:0") and serves e until Close.
// It refuses non-loopback addresses.
func Start(addr string, e *Emulator) (*Server, error) {
	return StartWith(addr, e, ServeOptions{})
}

// ServeOptions widen where [StartWith] may listen, for the emulator run as a
// container in a user's CI (another host on the container network, or a port
// published from 0.0.0.0 inside the container).
type ServeOptions struct {
	// TLS, when set, serves HTTPS with this configuration, which must hold a
	// certificate. Credentials are then encrypted in transit, so any address
	// is allowed.
	TLS *tls.Config
	// AllowPlainNonLoopback lets plain HTTP listen on any address. Anyone who
	// can reach the port reads the credentials sent to it; the caller must say
	// so loudly.
	AllowPlainNonLoopback bool
}

// StartWith is [Start] with [ServeOptions]: without them it refuses
// non-loopback addresses.
func StartWith(addr string, e *Emulator, o ServeOptions) (*Server, error) {
	if o.TLS == nil && !o.AllowPlainNonLoopback {
		if err := CheckLoopback(addr); err != nil {
			return nil, err
		}
	}
	if o.TLS != nil && len(o.TLS.Certificates) == 0 && o.TLS.GetCertificate == nil {
		return nil, errors.New("twilio emulator: the TLS configuration holds no certificate")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("twilio emulator: %w", err)
	}
	scheme := "http://"
	if o.TLS != nil {
		ln = tls.NewListener(ln, o.TLS.Clone())
		scheme = "https://"
	}
	s := &Server{
		URL:  scheme + ln.Addr().String(),
		srv:  &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second},
		done: make(chan error, 1),
	}
	go func() { s.done <- s.srv.Serve(ln) }()
	return s, nil
}

// Shutdown stops accepting requests and waits for the ones in flight, until
// ctx ends.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if serveErr := s.wait(); err == nil {
		err = serveErr
	}
	return err
}

// Close stops the server at once, dropping requests in flight.
func (s *Server) Close() error {
	err := s.srv.Close()
	if serveErr := s.wait(); err == nil {
		err = serveErr
	}
	return err
}

// wait returns the error Serve ended with, ignoring the expected
// http.ErrServerClosed; it may be called more than once.
func (s *Server) wait() error {
	s.once.Do(func() {
		if err := <-s.done; !errors.Is(err, http.ErrServerClosed) {
			s.serveErr = err
		}
	})
	return s.serveErr
}
