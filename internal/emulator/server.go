package emulator

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// Server serves an [Emulator] on a loopback address.
type Server struct {
	// URL is the base URL, http://127.0.0.1:PORT.
	URL string

	srv      *http.Server
	done     chan error
	once     sync.Once
	serveErr error
}

// CheckLoopback returns an error unless addr ("host:port") names a loopback
// host. The emulator accepts any credentials it issued itself and has no TLS,
// so it must never listen where other machines can reach it.
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
	if err := CheckLoopback(addr); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("twilio emulator: %w", err)
	}
	s := &Server{
		URL:  "http://" + ln.Addr().String(),
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
