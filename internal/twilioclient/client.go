// Package twilioclient is the provider's Twilio client layer over twilio-go: configuration and
// credentials, redirection to the local emulator, retries and concurrency limits, typed errors and the
// finders resources use. It never imports Terraform packages.
package twilioclient

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	twclient "github.com/twilio/twilio-go/client"
	apiv2010 "github.com/twilio/twilio-go/rest/api/v2010"
	iamv1 "github.com/twilio/twilio-go/rest/iam/v1"
	messagingv1 "github.com/twilio/twilio-go/rest/messaging/v1"
	studiov2 "github.com/twilio/twilio-go/rest/studio/v2"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// Defaults that suit Twilio: it allows a limited number of concurrent requests per account and asks
// clients to back off on 429.
const (
	DefaultMaxRetries     = 5
	DefaultMaxConcurrency = 20
	DefaultRequestTimeout = 30 * time.Second
)

// Config is everything needed to talk to one Twilio account.
type Config struct {
	AccountSID   string
	AuthToken    string
	APIKeySID    string
	APIKeySecret string
	Region       string
	Edge         string
	// BaseURL sends every request to another server (the local emulator) instead of Twilio.
	BaseURL string
	// UserAgent is appended to twilio-go's own User-Agent, e.g. "terraform-provider-twilio/1.2.3".
	UserAgent      string
	RequestTimeout time.Duration
	MaxRetries     int
	// MaxConcurrency caps in-flight requests per credential; 0 means DefaultMaxConcurrency.
	MaxConcurrency int
	// MinBackoff and MaxBackoff bound retry waits; zero values pick Twilio-friendly defaults.
	MinBackoff time.Duration
	MaxBackoff time.Duration
	Logger     Logger
}

// Client talks to Twilio as one account. It is safe for concurrent use, and cheap per call: the HTTP
// connection pool, retry policy and concurrency slots live in one shared transport.
type Client struct {
	cfg       Config
	transport *transport

	mu   sync.Mutex
	subs map[string]*Client // subaccount SID -> client acting with that subaccount's own credentials
	// rejected is set once Twilio rejected these credentials (401), so later errors refer to the first.
	rejected atomic.Bool
}

// New checks the configuration and builds a client. It makes no request.
func New(cfg Config) (*Client, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	// NOTE: twilio-go builds api.{region}.twilio.com for a region without an edge, a host Twilio retired;
	// the resolved pair always has both (or neither, for the default US1 host).
	cfg.Region, cfg.Edge, _ = twilioregion.Resolve(cfg.Region, cfg.Edge)
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = 0
	}
	if cfg.MaxConcurrency <= 0 {
		cfg.MaxConcurrency = DefaultMaxConcurrency
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = 500 * time.Millisecond
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 20 * time.Second
	}
	base := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		// Bulk applies keep many connections to one host busy; the default of 2 idle ones churns sockets.
		MaxIdleConnsPerHost: cfg.MaxConcurrency,
	}
	t := &transport{
		base:       base,
		maxRetries: cfg.MaxRetries,
		minBackoff: cfg.MinBackoff,
		maxBackoff: cfg.MaxBackoff,
		timeout:    cfg.RequestTimeout,
		concurrent: cfg.MaxConcurrency,
		logger:     cfg.Logger,
	}
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil {
			return nil, err
		}
		// NOTE: region and edge still shape the Twilio host, which the redirect keeps in the Host header, so
		// the emulator sees (and checks) exactly the host Twilio would.
		t.target = u
	}
	return &Client{cfg: cfg, transport: t}, nil
}

// ValidateBaseURL accepts https:// URLs, and http:// only to a loopback address: credentials must never
// cross a network in clear text.
func ValidateBaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		// NOTE: the value is not repeated: a URL can carry credentials (user:token@host).
		return errors.New("base_url is not an absolute URL such as http://127.0.0.1:8718")
	}
	shown := u.Redacted()
	if u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q must be a scheme and host only, such as http://127.0.0.1:8718", shown)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if isLoopback(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("%q uses plain http to a host that is not loopback; credentials would cross the "+
			"network unencrypted: use https://, or http:// only to 127.0.0.1, ::1 or localhost", shown)
	}
	return fmt.Errorf("%q must use https:// (or http:// to a loopback address)", shown)
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Region is the processing region requests go to ("" for Twilio's default host, which is US1).
func (c *Client) Region() string { return c.cfg.Region }

// AccountSID is the account the client's credentials belong to.
func (c *Client) AccountSID() string { return c.cfg.AccountSID }

// UsesAPIKey reports whether the client authenticates with an API key instead of an auth token.
func (c *Client) UsesAPIKey() bool { return c.cfg.APIKeySID != "" }

// APIKeySID is the SID of the API key the client authenticates with, "" with an auth token.
func (c *Client) APIKeySID() string { return c.cfg.APIKeySID }

// base builds twilio-go's per-call client: a few small structs binding the caller's context to the shared
// transport, so deadlines and cancellation reach the wire.
func (c *Client) base(ctx context.Context) *twclient.RequestHandler {
	user, pass := c.cfg.AccountSID, c.cfg.AuthToken
	if c.cfg.APIKeySID != "" {
		user, pass = c.cfg.APIKeySID, c.cfg.APIKeySecret
	}
	tc := &twclient.Client{
		Credentials: twclient.NewCredentials(user, pass),
		HTTPClient: &http.Client{
			Transport: boundTransport{ctx: ctx, next: c.transport},
			// Twilio answers some fetches with redirects that twilio-go expects to see, not follow.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
	tc.SetAccountSid(c.cfg.AccountSID)
	if c.cfg.UserAgent != "" {
		tc.UserAgentExtensions = []string{c.cfg.UserAgent}
	}
	return &twclient.RequestHandler{Client: tc, Edge: c.cfg.Edge, Region: c.cfg.Region}
}

func (c *Client) api(ctx context.Context) *apiv2010.ApiService {
	return apiv2010.NewApiService(c.base(ctx))
}

func (c *Client) iam(ctx context.Context) *iamv1.ApiService {
	return iamv1.NewApiService(c.base(ctx))
}

func (c *Client) studio(ctx context.Context) *studiov2.ApiService {
	return studiov2.NewApiService(c.base(ctx))
}

func (c *Client) messaging(ctx context.Context) *messagingv1.ApiService {
	return messagingv1.NewApiService(c.base(ctx))
}

// ForAccount returns a client that acts as accountSID with that account's own credentials. Product APIs
// outside 2010-04-01 (IAM, Studio) only accept a subaccount's own credentials, while a parent's auth token
// can read a subaccount's auth token; the result is cached per account.
func (c *Client) ForAccount(ctx context.Context, accountSID string) (*Client, error) {
	if accountSID == "" || accountSID == c.cfg.AccountSID {
		return c, nil
	}
	c.mu.Lock()
	sub, ok := c.subs[accountSID]
	c.mu.Unlock()
	if ok {
		return sub, nil
	}
	if c.UsesAPIKey() {
		return nil, fmt.Errorf("acting in subaccount %s needs the main account's auth token: API keys of the "+
			"main account cannot manage subaccount resources; configure auth_token, or a provider for the "+
			"subaccount", accountSID)
	}
	acct, err := c.FindSubaccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	if acct.AuthToken == nil || *acct.AuthToken == "" {
		return nil, fmt.Errorf("Twilio did not return the auth token of subaccount %s", accountSID)
	}
	cfg := c.cfg
	cfg.AccountSID, cfg.AuthToken = accountSID, *acct.AuthToken
	sub = &Client{cfg: cfg, transport: c.transport}
	c.mu.Lock()
	if c.subs == nil {
		c.subs = map[string]*Client{}
	}
	c.subs[accountSID] = sub
	c.mu.Unlock()
	return sub, nil
}
