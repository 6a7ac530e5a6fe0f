package twilioclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"sort"
	"time"

	twclient "github.com/twilio/twilio-go/client"
	serverlessv1 "github.com/twilio/twilio-go/rest/serverless/v1"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// Serverless Functions and Assets (the code of a Serverless service) and their versions. A Function or an
// Asset is a named slot; its code is an immutable Version uploaded to serverless-upload.twilio.com
// (https://www.twilio.com/docs/serverless/api/resource/function-version), which twilio-go does not cover.

// CodeKind tells Functions from Assets: the same operations under /Functions or /Assets.
type CodeKind int

// The kinds of Serverless code.
const (
	KindFunction CodeKind = iota
	KindAsset
)

func (k CodeKind) collection() string {
	if k == KindAsset {
		return "Assets"
	}
	return "Functions"
}

// String names the kind as Twilio's documentation does.
func (k CodeKind) String() string {
	if k == KindAsset {
		return "Asset"
	}
	return "Function"
}

// Code is a Serverless Function or Asset.
type Code struct {
	Kind         CodeKind
	Sid          string
	AccountSid   string
	ServiceSid   string
	FriendlyName string
	DateCreated  *time.Time
}

// CodeVersion is one uploaded version of a Function or Asset.
type CodeVersion struct {
	Sid         string
	CodeSid     string
	Path        string
	Visibility  string
	DateCreated *time.Time
}

// forServerless returns the client acting as accountSID: Serverless, like Studio, only accepts an account's
// own credentials.
func (c *Client) forServerless(ctx context.Context, accountSID string) (*Client, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, notSent(fmt.Errorf("obtaining the credentials of account %s: %w", accountSID, err))
	}
	return sub, nil
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// CreateCode creates a Function or an Asset (without code: upload a version next).
func (c *Client) CreateCode(ctx context.Context, accountSID, serviceSID string, kind CodeKind, friendlyName string) (*Code, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	api := sub.serverless(ctx)
	if kind == KindAsset {
		a, err := api.CreateAsset(serviceSID, (&serverlessv1.CreateAssetParams{}).SetFriendlyName(friendlyName))
		return assetCode(a), sub.wrapError(err)
	}
	f, err := api.CreateFunction(serviceSID, (&serverlessv1.CreateFunctionParams{}).SetFriendlyName(friendlyName))
	return functionCode(f), sub.wrapError(err)
}

// FindCode fetches a Function or Asset; ErrNotFound when it (or its service) is gone.
func (c *Client) FindCode(ctx context.Context, accountSID, serviceSID string, kind CodeKind, sid string) (*Code, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	api := sub.serverless(ctx)
	if kind == KindAsset {
		a, err := api.FetchAsset(serviceSID, sid)
		return assetCode(a), sub.wrapError(err)
	}
	f, err := api.FetchFunction(serviceSID, sid)
	return functionCode(f), sub.wrapError(err)
}

// RenameCode changes a Function's or Asset's friendly name.
func (c *Client) RenameCode(ctx context.Context, accountSID, serviceSID string, kind CodeKind, sid, friendlyName string) (*Code, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	api := sub.serverless(ctx)
	if kind == KindAsset {
		a, err := api.UpdateAsset(serviceSID, sid, (&serverlessv1.UpdateAssetParams{}).SetFriendlyName(friendlyName))
		return assetCode(a), sub.wrapError(err)
	}
	f, err := api.UpdateFunction(serviceSID, sid, (&serverlessv1.UpdateFunctionParams{}).SetFriendlyName(friendlyName))
	return functionCode(f), sub.wrapError(err)
}

// DeleteCode deletes a Function or an Asset.
func (c *Client) DeleteCode(ctx context.Context, accountSID, serviceSID string, kind CodeKind, sid string) error {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return err
	}
	api := sub.serverless(ctx)
	if kind == KindAsset {
		return sub.wrapError(api.DeleteAsset(serviceSID, sid))
	}
	return sub.wrapError(api.DeleteFunction(serviceSID, sid))
}

func functionCode(f *serverlessv1.ServerlessV1Function) *Code {
	if f == nil {
		return nil
	}
	return &Code{Kind: KindFunction, Sid: str(f.Sid), AccountSid: str(f.AccountSid), ServiceSid: str(f.ServiceSid),
		FriendlyName: str(f.FriendlyName), DateCreated: f.DateCreated}
}

func assetCode(a *serverlessv1.ServerlessV1Asset) *Code {
	if a == nil {
		return nil
	}
	return &Code{Kind: KindAsset, Sid: str(a.Sid), AccountSid: str(a.AccountSid), ServiceSid: str(a.ServiceSid),
		FriendlyName: str(a.FriendlyName), DateCreated: a.DateCreated}
}

// ListVersions lists every version of a Function or Asset, oldest first (by creation date).
func (c *Client) ListVersions(ctx context.Context, accountSID, serviceSID string, kind CodeKind, codeSID string) ([]CodeVersion, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	api := sub.serverless(ctx)
	var out []CodeVersion
	if kind == KindAsset {
		vs, err := api.ListAssetVersion(serviceSID, codeSID, paged[serverlessv1.ListAssetVersionParams]())
		if err != nil {
			return nil, sub.wrapError(err)
		}
		for _, v := range vs {
			out = append(out, CodeVersion{Sid: str(v.Sid), CodeSid: str(v.AssetSid), Path: str(v.Path),
				Visibility: str(v.Visibility), DateCreated: v.DateCreated})
		}
	} else {
		vs, err := api.ListFunctionVersion(serviceSID, codeSID, paged[serverlessv1.ListFunctionVersionParams]())
		if err != nil {
			return nil, sub.wrapError(err)
		}
		for _, v := range vs {
			out = append(out, CodeVersion{Sid: str(v.Sid), CodeSid: str(v.FunctionSid), Path: str(v.Path),
				Visibility: str(v.Visibility), DateCreated: v.DateCreated})
		}
	}
	// NOTE: Twilio does not document the order of a version list; creation dates are what tell the latest.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].DateCreated, out[j].DateCreated
		return a != nil && b != nil && a.Before(*b)
	})
	return out, nil
}

// FunctionVersionContent returns the code of a Function Version.
func (c *Client) FunctionVersionContent(ctx context.Context, accountSID, serviceSID, functionSID, versionSID string) (string, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return "", err
	}
	v, err := sub.serverless(ctx).FetchFunctionVersionContent(serviceSID, functionSID, versionSID)
	if err != nil {
		return "", sub.wrapError(err)
	}
	return str(v.Content), nil
}

// UploadVersion uploads new code for a Function or Asset: a multipart form (Content, Path, Visibility)
// POSTed to serverless-upload.twilio.com, the only host that takes it. The request goes through the
// shared transport, so it is retried only when Twilio cannot have acted (429, 503, not sent): a version
// upload creates an object and is never re-sent after an ambiguous failure.
func (c *Client) UploadVersion(ctx context.Context, accountSID, serviceSID string, kind CodeKind, codeSID, path, visibility string,
	content []byte, contentType string) (*CodeVersion, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	for _, f := range [][2]string{{"Path", path}, {"Visibility", visibility}} {
		if err := form.WriteField(f[0], f[1]); err != nil {
			return nil, notSent(err)
		}
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="Content"; filename=%q`, uploadFileName(path)))
	h.Set("Content-Type", contentType)
	part, err := form.CreatePart(h)
	if err == nil {
		_, err = part.Write(content)
	}
	if err == nil {
		err = form.Close()
	}
	if err != nil {
		return nil, notSent(fmt.Errorf("encoding the upload: %w", err))
	}

	url := "https://" + twilioregion.Host("serverless-upload", sub.cfg.Region, sub.cfg.Edge) +
		"/v1/Services/" + serviceSID + "/" + kind.collection() + "/" + codeSID + "/Versions"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body.Bytes()))
	if err != nil {
		return nil, notSent(err)
	}
	req.Header.Set("Content-Type", form.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", sub.userAgent())
	user, pass := sub.cfg.AccountSID, sub.cfg.AuthToken
	if sub.cfg.APIKeySID != "" {
		user, pass = sub.cfg.APIKeySID, sub.cfg.APIKeySecret
	}
	req.SetBasicAuth(user, pass)
	resp, err := sub.transport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, &TransportError{Method: req.Method, URL: shownURL(req), Sent: true, Err: fmt.Errorf("reading the answer: %w", err)}
	}
	if resp.StatusCode >= 300 {
		rest := &twclient.TwilioRestError{}
		if json.Unmarshal(raw, rest) != nil || rest.Status == 0 {
			rest.Status, rest.Message = resp.StatusCode, http.StatusText(resp.StatusCode)
		}
		return nil, sub.wrapError(rest)
	}
	var v struct {
		Sid         string     `json:"sid"`
		FunctionSid string     `json:"function_sid"`
		AssetSid    string     `json:"asset_sid"`
		Path        string     `json:"path"`
		Visibility  string     `json:"visibility"`
		DateCreated *time.Time `json:"date_created"`
	}
	if err := json.Unmarshal(raw, &v); err != nil || v.Sid == "" {
		return nil, &TransportError{Method: req.Method, URL: shownURL(req), Sent: true,
			Err: errors.New("Twilio's answer to the upload is not a version (no sid)")}
	}
	out := &CodeVersion{Sid: v.Sid, CodeSid: v.FunctionSid, Path: v.Path, Visibility: v.Visibility, DateCreated: v.DateCreated}
	if kind == KindAsset {
		out.CodeSid = v.AssetSid
	}
	return out, nil
}

// uploadFileName is the file name the form gives Content: the path's last segment, or "content".
func uploadFileName(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			path = path[i+1:]
			break
		}
	}
	if path == "" {
		return "content"
	}
	return path
}

// userAgent is what twilio-go would send, plus the provider's extension.
func (c *Client) userAgent() string {
	ua := "twilio-go (terraform-provider-twilio)"
	if c.cfg.UserAgent != "" {
		ua += " " + c.cfg.UserAgent
	}
	return ua
}

// FindCodeCreatedSince lists the Functions or Assets of a service named friendlyName created since the
// given time: what a create whose answer was lost may have made. The caller decides which is its own.
func (c *Client) FindCodeCreatedSince(ctx context.Context, accountSID, serviceSID string, kind CodeKind, friendlyName string,
	since time.Time) ([]Code, error) {
	sub, err := c.forServerless(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	var all []Code
	if kind == KindAsset {
		list, lerr := sub.serverless(ctx).ListAsset(serviceSID, paged[serverlessv1.ListAssetParams]())
		all, err = converted(list, lerr, assetCode)
	} else {
		list, lerr := sub.serverless(ctx).ListFunction(serviceSID, paged[serverlessv1.ListFunctionParams]())
		all, err = converted(list, lerr, functionCode)
	}
	if err != nil {
		return nil, sub.wrapError(err)
	}
	return matching(all, nil, func(f Code) bool {
		return f.FriendlyName == friendlyName && CreatedAfter(f.DateCreated, since)
	})
}
