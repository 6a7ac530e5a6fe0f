package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"maps"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// Serverless Functions and Assets and their versions (the code). Sources:
//   - https://www.twilio.com/docs/serverless/api/resource/function and .../asset: create, update (FriendlyName,
//     at most 255 characters), delete.
//   - https://www.twilio.com/docs/serverless/api/resource/function-version: a version is created by a POST of
//     a multipart form (Content, Path, Visibility) to the dedicated host serverless-upload.twilio.com, "a
//     different subdomain from the rest of the Serverless API"; versions are listed and fetched on
//     serverless.twilio.com. The same for assets: https://www.twilio.com/docs/serverless/api/resource/asset-version.
//   - https://www.twilio.com/docs/serverless/api/resource/function-version/content: GET .../Content returns the
//     code.
//   - Path: "It can be a maximum of 255 characters. All paths begin with a forward slash ('/'). If a Function
//     Version creation request is submitted with a path not containing a leading slash, the path will
//     automatically be prepended with one." (the spec's description of path).

// ServerlessCode is a Function (asset false) or an Asset. Both have ZH SIDs in Twilio's spec.
type ServerlessCode struct {
	Sid          string `json:"sid"`
	AccountSid   string `json:"account_sid"`
	ServiceSid   string `json:"service_sid"`
	Asset        bool   `json:"asset"`
	FriendlyName string `json:"friendly_name"`
	stamp
}

// ServerlessVersion is one uploaded version of a Function or Asset (ZN SIDs for both).
type ServerlessVersion struct {
	Sid         string    `json:"sid"`
	AccountSid  string    `json:"account_sid"`
	ServiceSid  string    `json:"service_sid"`
	CodeSid     string    `json:"code_sid"` // the Function or Asset
	Asset       bool      `json:"asset"`
	Path        string    `json:"path"`
	Visibility  string    `json:"visibility"`
	Content     []byte    `json:"-"`
	SHA256      string    `json:"sha256"`
	Size        int       `json:"size"`
	DateCreated time.Time `json:"date_created"`
	seq         int64
}

// order is the version's place in creation order; a version has no date_updated, so it has no stamp.
func (v *ServerlessVersion) order() int64 { return v.seq }

// codeStore holds the Serverless objects this file and serverless_builds.go manage.
type codeStore struct {
	code        map[string]*ServerlessCode
	versions    map[string]*ServerlessVersion
	builds      map[string]*ServerlessBuild
	deployments map[string]*ServerlessDeployment
}

func newCodeStore() codeStore {
	return codeStore{
		code:        map[string]*ServerlessCode{},
		versions:    map[string]*ServerlessVersion{},
		builds:      map[string]*ServerlessBuild{},
		deployments: map[string]*ServerlessDeployment{},
	}
}

// maxServerlessName is the limit Twilio's spec gives FriendlyName and Path: "a maximum of 255 characters".
const maxServerlessName = 255

// maxUploadBytes bounds the multipart form the emulator parses in memory (the rest goes to temporary
// files); the documented sizes are checked per version (serverless_retention.go).
const maxUploadBytes = 20 << 20

func codeKind(asset bool) (collection, key string) {
	if asset {
		return "Assets", "assets"
	}
	return "Functions", "functions"
}

func renderCode(c *call, f *ServerlessCode) any {
	coll, _ := codeKind(f.Asset)
	url := c.base + "/v1/Services/" + f.ServiceSid + "/" + coll + "/" + f.Sid
	return map[string]any{
		"sid": f.Sid, "account_sid": f.AccountSid, "service_sid": f.ServiceSid, "friendly_name": f.FriendlyName,
		"date_created": fmtISO(f.DateCreated), "date_updated": fmtISO(f.DateUpdated), "url": url,
		"links": map[string]string{strings.TrimSuffix(strings.ToLower(coll), "s") + "_versions": url + "/Versions"},
	}
}

func renderVersion(c *call, v *ServerlessVersion) any {
	coll, _ := codeKind(v.Asset)
	// Versions are read on serverless.twilio.com even when the upload host answers.
	base := strings.Replace(c.base, productServerlessUpload+".", productServerless+".", 1)
	url := base + "/v1/Services/" + v.ServiceSid + "/" + coll + "/" + v.CodeSid + "/Versions/" + v.Sid
	out := map[string]any{
		"sid": v.Sid, "account_sid": v.AccountSid, "service_sid": v.ServiceSid,
		"path": v.Path, "visibility": v.Visibility, "date_created": fmtISO(v.DateCreated), "url": url,
	}
	if v.Asset {
		out["asset_sid"] = v.CodeSid
	} else {
		out["function_sid"] = v.CodeSid
		out["links"] = map[string]string{"function_version_content": url + "/Content"}
	}
	return out
}

// codeIn finds the Function or Asset named by the path in the request's service.
func (e *Emulator) codeIn(c *call, asset bool, param string) (*ServerlessCode, *apiError) {
	svc, err := e.serviceIn(c, "ServiceSid")
	if err != nil {
		return nil, err
	}
	return findIn(c, e.st.sv.code.code, c.params[param], func(f *ServerlessCode) bool { return f.Asset == asset && f.ServiceSid == svc.Sid })
}

func (e *Emulator) listCode(c *call, asset bool) result {
	svc, err := e.serviceIn(c, "ServiceSid")
	if err != nil {
		return result{err: err}
	}
	service := svc.Sid
	all := sorted(e.st.sv.code.code, func(f *ServerlessCode) bool { return f.ServiceSid == service && f.Asset == asset })
	_, key := codeKind(asset)
	return listed(c, listV1, key, nil, all,
		func(f *ServerlessCode) string { return f.Sid }, func(f *ServerlessCode) any { return renderCode(c, f) })
}

func serverlessName(c *call) (string, *apiError) {
	name := strings.TrimSpace(c.form.Get("FriendlyName"))
	if name == "" {
		return "", missingParam("FriendlyName")
	}
	if utf8.RuneCountInString(name) > maxServerlessName {
		return "", badRequest(codeInvalidParameter, "FriendlyName must be at most %d characters long", maxServerlessName)
	}
	return name, nil
}

func (e *Emulator) createCode(c *call, asset bool) result {
	svc, err := e.serviceIn(c, "ServiceSid")
	if err != nil {
		return result{err: err}
	}
	name, err := serverlessName(c)
	if err != nil {
		return result{err: err}
	}
	t := now()
	f := &ServerlessCode{Sid: newSID("ZH"), AccountSid: svc.AccountSid, ServiceSid: svc.Sid, Asset: asset,
		FriendlyName: name, stamp: stamp{DateCreated: t, DateUpdated: t}}
	return created(e, e.st.sv.code.code, f.Sid, f, func() any { return renderCode(c, f) })
}

func (e *Emulator) fetchCode(c *call, asset bool) result {
	f, err := e.codeIn(c, asset, "Sid")
	return answer(err, func() any { return renderCode(c, f) })
}

func (e *Emulator) updateCode(c *call, asset bool) result {
	f, err := e.codeIn(c, asset, "Sid")
	if err != nil {
		return result{err: err}
	}
	name, err := serverlessName(c)
	if err != nil {
		return result{err: err}
	}
	f.FriendlyName, f.DateUpdated = name, touched(f.DateUpdated)
	return result{status: http.StatusOK, body: renderCode(c, f)}
}

// deleteCode deletes a function or asset.
//
// ASSUMPTION(delete-keeps-built-versions): Twilio does not say what deleting a Function or Asset does to its
// Versions; the emulator deletes the ones no Build holds and keeps the others, so a Build stays whole (and
// the retention policy then treats a held version like any other). The provider never reads the versions of
// a function it deleted: a build is replaced from the function's latest_version_sid, which a new function
// uploads again; test: TestConformanceServerlessCode, TestAccServerlessDeployment_codeChange.
func (e *Emulator) deleteCode(c *call, asset bool) result {
	f, err := e.codeIn(c, asset, "Sid")
	return gone(err, func() {
		delete(e.st.sv.code.code, f.Sid)
		for sid, v := range e.st.sv.code.versions {
			if v.CodeSid == f.Sid && !e.versionInBuild(sid) {
				delete(e.st.sv.code.versions, sid)
			}
		}
	})
}

func (e *Emulator) versionInBuild(sid string) bool {
	for _, b := range e.st.sv.code.builds {
		for _, v := range append(append([]string(nil), b.FunctionVersions...), b.AssetVersions...) {
			if v == sid {
				return true
			}
		}
	}
	return false
}

// createVersion is the upload host's POST: a multipart form with Content (the file), Path and Visibility.
func (e *Emulator) createVersion(c *call, asset bool) result {
	f, err := e.codeIn(c, asset, codeParam(asset))
	if err != nil {
		return result{err: err}
	}
	form := c.r.MultipartForm
	if form == nil {
		return result{err: badRequest(codeInvalidParameter, "The upload must be a multipart/form-data request with Content, Path and Visibility")}
	}
	value := func(name string) string {
		if vs := form.Value[name]; len(vs) > 0 {
			return strings.TrimSpace(vs[0])
		}
		return ""
	}
	path, visibility := value("Path"), value("Visibility")
	if path == "" {
		return result{err: missingParam("Path")}
	}
	if visibility == "" {
		return result{err: missingParam("Visibility")}
	}
	if visibility != "public" && visibility != "protected" && visibility != "private" {
		return result{err: badRequest(codeInvalidParameter, "Visibility must be one of public, protected, private, not %q", visibility)}
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	if utf8.RuneCountInString(path) > maxServerlessName {
		return result{err: badRequest(codeInvalidParameter, "Path must be at most %d characters long", maxServerlessName)}
	}
	var content []byte
	if files := form.File["Content"]; len(files) > 0 {
		fh, openErr := files[0].Open()
		if openErr != nil {
			return result{err: badRequest(codeInvalidParameter, "Content could not be read: %v", openErr)}
		}
		limit := maxVersionBytes(asset, visibility)
		content, openErr = io.ReadAll(io.LimitReader(fh, limit+1))
		_ = fh.Close() // a read-only multipart part; nothing to flush
		if openErr != nil {
			return result{err: badRequest(codeInvalidParameter, "Content could not be read: %v", openErr)}
		}
		if int64(len(content)) > limit {
			return result{err: badRequest(codeInvalidParameter, "Content is larger than %d MB, the most Twilio takes "+
				"for a %s %s", limit>>20, visibility, map[bool]string{true: "asset", false: "function"}[asset])}
		}
	} else if vs, ok := form.Value["Content"]; ok && len(vs) > 0 {
		content = []byte(vs[0])
	} else {
		return result{err: missingParam("Content")}
	}
	sum := sha256.Sum256(content)
	v := &ServerlessVersion{Sid: newSID("ZN"), AccountSid: f.AccountSid, ServiceSid: f.ServiceSid, CodeSid: f.Sid,
		Asset: asset, Path: path, Visibility: visibility, Content: content, SHA256: hex.EncodeToString(sum[:]),
		Size: len(content), DateCreated: now(), seq: e.st.nextSeq()}
	e.st.sv.code.versions[v.Sid] = v
	return result{status: http.StatusCreated, body: renderVersion(c, v)}
}

func codeParam(asset bool) string {
	if asset {
		return "AssetSid"
	}
	return "FunctionSid"
}

func (e *Emulator) versionIn(c *call, asset bool) (*ServerlessVersion, *apiError) {
	f, err := e.codeIn(c, asset, codeParam(asset))
	if err != nil {
		return nil, err
	}
	return findIn(c, e.st.sv.code.versions, c.params["Sid"], func(v *ServerlessVersion) bool { return v.CodeSid == f.Sid })
}

func (e *Emulator) listVersions(c *call, asset bool) result {
	f, err := e.codeIn(c, asset, codeParam(asset))
	if err != nil {
		return result{err: err}
	}
	all := sorted(e.st.sv.code.versions, func(v *ServerlessVersion) bool { return v.CodeSid == f.Sid })
	key := "function_versions"
	if asset {
		key = "asset_versions"
	}
	return listed(c, listV1, key, nil, all,
		func(v *ServerlessVersion) string { return v.Sid }, func(v *ServerlessVersion) any { return renderVersion(c, v) })
}

func (e *Emulator) fetchVersion(c *call, asset bool) result {
	v, err := e.versionIn(c, asset)
	return answer(err, func() any { return renderVersion(c, v) })
}

func (e *Emulator) fetchVersionContent(c *call) result {
	v, err := e.versionIn(c, false)
	if err != nil {
		return result{err: err}
	}
	url := c.base + "/v1/Services/" + v.ServiceSid + "/Functions/" + v.CodeSid + "/Versions/" + v.Sid + "/Content"
	return result{status: http.StatusOK, body: map[string]any{
		"sid": v.Sid, "account_sid": v.AccountSid, "service_sid": v.ServiceSid, "function_sid": v.CodeSid,
		"content": string(v.Content), "url": url,
	}}
}

// codeHandlers binds the asset flag into route handlers.
func codeHandler(asset bool, h func(e *Emulator, c *call, asset bool) result) handler {
	return func(e *Emulator, c *call) result { return h(e, c, asset) }
}

// dropService drops everything of a deleted Service. Every one of these objects lives under the
// Service's path (/v1/Services/{ServiceSid}/...), so none can be reached once the Service is gone; the
// emulator forgets them rather than keep unreachable state.
func (s *codeStore) dropService(serviceSid string) {
	maps.DeleteFunc(s.code, func(_ string, f *ServerlessCode) bool { return f.ServiceSid == serviceSid })
	maps.DeleteFunc(s.versions, func(_ string, v *ServerlessVersion) bool { return v.ServiceSid == serviceSid })
	maps.DeleteFunc(s.builds, func(_ string, b *ServerlessBuild) bool { return b.ServiceSid == serviceSid })
	maps.DeleteFunc(s.deployments, func(_ string, d *ServerlessDeployment) bool { return d.ServiceSid == serviceSid })
}

func init() {
	svc := []string{"v1", "Services", "{ServiceSid}"}
	at := func(segs ...string) []string { return append(append([]string(nil), svc...), segs...) }
	// Functions and Assets have the same routes, under their own names.
	for _, k := range []struct {
		asset         bool
		name, codeSid string
	}{{false, "Functions", "{FunctionSid}"}, {true, "Assets", "{AssetSid}"}} {
		of := func(h func(e *Emulator, c *call, asset bool) result) handler { return codeHandler(k.asset, h) }
		routes = append(routes,
			&route{productServerless, at(k.name), scopeProduct, false, map[string]handler{
				http.MethodGet: of((*Emulator).listCode), http.MethodPost: of((*Emulator).createCode)}},
			&route{productServerless, at(k.name, "{Sid}"), scopeProduct, false, map[string]handler{
				http.MethodGet: of((*Emulator).fetchCode), http.MethodPost: of((*Emulator).updateCode),
				http.MethodDelete: of((*Emulator).deleteCode)}},
			&route{productServerless, at(k.name, k.codeSid, "Versions"), scopeProduct, false, map[string]handler{
				http.MethodGet: of((*Emulator).listVersions)}},
			&route{productServerless, at(k.name, k.codeSid, "Versions", "{Sid}"), scopeProduct, false, map[string]handler{
				http.MethodGet: of((*Emulator).fetchVersion)}},
			&route{productServerlessUpload, at(k.name, k.codeSid, "Versions"), scopeProduct, false, map[string]handler{
				http.MethodPost: of((*Emulator).createVersion)}},
		)
	}
	routes = append(routes,
		&route{productServerless, at("Functions", "{FunctionSid}", "Versions", "{Sid}", "Content"), scopeProduct, false, map[string]handler{
			http.MethodGet: (*Emulator).fetchVersionContent}},
		&route{productServerless, at("Builds"), scopeProduct, false, map[string]handler{
			http.MethodGet: (*Emulator).listBuilds, http.MethodPost: (*Emulator).createBuild}},
		&route{productServerless, at("Builds", "{Sid}"), scopeProduct, false, map[string]handler{
			http.MethodGet: (*Emulator).fetchBuild, http.MethodDelete: (*Emulator).deleteBuild}},
		&route{productServerless, at("Builds", "{Sid}", "Status"), scopeProduct, false, map[string]handler{
			http.MethodGet: (*Emulator).fetchBuildStatus}},
		&route{productServerless, at("Environments", "{EnvironmentSid}", "Deployments"), scopeProduct, false, map[string]handler{
			http.MethodGet: (*Emulator).listDeployments, http.MethodPost: (*Emulator).createDeployment}},
		&route{productServerless, at("Environments", "{EnvironmentSid}", "Deployments", "{Sid}"), scopeProduct, false, map[string]handler{
			http.MethodGet: (*Emulator).fetchDeployment}},
	)
}
