package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// controlPrefix is where the control surface of the standalone emulator
// lives. Every control call but health needs the main account's Basic auth
// (its SID and auth token); control calls are not logged and never faulted.
const controlPrefix = "/_emulator/"

// controlFault is a [Fault] as JSON, with durations in milliseconds.
type controlFault struct {
	Method       string    `json:"method"`
	Path         string    `json:"path"`
	Kind         FaultKind `json:"kind"`
	RetryAfterMS int64     `json:"retry_after_ms"`
	LatencyMS    int64     `json:"latency_ms"`
	Times        int       `json:"times"`
	Probability  float64   `json:"probability"`
	AfterEffect  bool      `json:"after_effect"`
}

func (e *Emulator) serveControl(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, controlPrefix)
	if name == "health" && r.Method == http.MethodGet {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
		return
	}
	user, pass, ok := r.BasicAuth()
	e.mu.Lock()
	mainSID, mainToken := e.mainSID, e.mainToken
	e.mu.Unlock()
	if !ok || user != mainSID || !equalSecret(mainToken, pass) {
		w.Header().Set("WWW-Authenticate", `Basic realm="Twilio emulator control"`)
		controlError(w, http.StatusUnauthorized, "the control surface needs the main account's SID and auth token")
		return
	}
	switch r.Method + " " + name {
	case "GET requests":
		writeJSON(w, http.StatusOK, e.Requests())
	case "DELETE requests":
		e.ResetRequests()
		w.WriteHeader(http.StatusNoContent)
	case "POST faults":
		var cf controlFault
		if !decodeControl(w, r, &cf) {
			return
		}
		id, err := e.addFault(Fault{
			Method: strings.ToUpper(cf.Method), Path: cf.Path, Kind: cf.Kind,
			RetryAfter: time.Duration(cf.RetryAfterMS) * time.Millisecond,
			Latency:    time.Duration(cf.LatencyMS) * time.Millisecond,
			Times:      cf.Times, Probability: cf.Probability, AfterEffect: cf.AfterEffect,
		})
		if err != nil {
			controlError(w, http.StatusBadRequest, err.Error())
			return
		}
		writeJSON(w, http.StatusCreated, map[string]int{"id": id})
	case "DELETE faults":
		e.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	case "POST clock":
		// Test control: time passes for Twilio's Serverless retention policy (Emulator.AdvanceClock).
		e.serveClock(w, r)
	case "GET state":
		writeJSON(w, http.StatusOK, e.Snapshot())
	case "POST latency":
		var body struct {
			LatencyMS int64 `json:"latency_ms"`
		}
		if !decodeControl(w, r, &body) {
			return
		}
		e.SetLatency(time.Duration(body.LatencyMS) * time.Millisecond)
		writeJSON(w, http.StatusOK, body)
	case "POST emergency-registrations":
		// Test control: how long emergency address registrations take, and whether they are held pending.
		var body struct {
			DelayMS int64 `json:"delay_ms"`
			Hold    bool  `json:"hold"`
		}
		if !decodeControl(w, r, &body) {
			return
		}
		e.SetEmergencyRegistration(time.Duration(body.DelayMS)*time.Millisecond, body.Hold)
		writeJSON(w, http.StatusOK, body)
	case "POST main-keys":
		var body struct {
			AccountSid   string `json:"account_sid"`
			FriendlyName string `json:"friendly_name"`
		}
		if !decodeControl(w, r, &body) {
			return
		}
		if body.AccountSid == "" {
			body.AccountSid = mainSID
		}
		sid, secret, err := e.CreateMainKey(body.AccountSid, body.FriendlyName)
		if err != nil {
			controlError(w, http.StatusBadRequest, err.Error())
			return
		}
		writeJSON(w, http.StatusCreated, map[string]string{"sid": sid, "secret": secret, "account_sid": body.AccountSid})
	case "GET credentials":
		// Test control: an account's auth token in a processing region (?region=ie1, optional
		// ?account_sid=), as the Console shows it with that region selected; Twilio gives each region its
		// own credentials, and the US1 token opens this surface.
		region := r.URL.Query().Get("region")
		if region == "" {
			region = twilioregion.Default
		}
		if !slices.Contains(twilioregion.Regions(), region) {
			controlError(w, http.StatusBadRequest, fmt.Sprintf("region %q: want one of %s", region,
				strings.Join(twilioregion.Regions(), ", ")))
			return
		}
		account := r.URL.Query().Get("account_sid")
		if account == "" {
			account = mainSID
		}
		token, ok := e.AuthTokenIn(account, region)
		if !ok {
			controlError(w, http.StatusNotFound, "no account "+account)
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"account_sid": account, "region": region, "auth_token": token})
	case "POST main-accounts":
		var body struct {
			FriendlyName string `json:"friendly_name"`
		}
		if !decodeControl(w, r, &body) {
			return
		}
		sid, token := e.NewMainAccount("", "", body.FriendlyName)
		writeJSON(w, http.StatusCreated, map[string]string{"sid": sid, "auth_token": token})
	case "POST bundles":
		// Test control: a bundle as the Console and Twilio's reviewers would leave it (Emulator.NewBundle).
		var body struct {
			AccountSid   string    `json:"account_sid"`
			FriendlyName string    `json:"friendly_name"`
			IsoCountry   string    `json:"iso_country"`
			NumberType   string    `json:"number_type"`
			EndUserType  string    `json:"end_user_type"`
			Status       string    `json:"status"`
			ValidUntil   time.Time `json:"valid_until"`
		}
		if !decodeControl(w, r, &body) {
			return
		}
		sid, err := e.NewBundle(BundleOptions{AccountSid: body.AccountSid, FriendlyName: body.FriendlyName,
			IsoCountry: body.IsoCountry, NumberType: body.NumberType, EndUserType: body.EndUserType, Status: body.Status,
			ValidUntil: body.ValidUntil})
		if err != nil {
			controlError(w, http.StatusBadRequest, err.Error())
			return
		}
		writeJSON(w, http.StatusCreated, map[string]string{"sid": sid})
	default:
		if sid, ok := strings.CutSuffix(strings.TrimPrefix(name, "bundles/"), "/review"); ok && r.Method == http.MethodPost &&
			strings.HasPrefix(name, "bundles/") {
			// Test control: Twilio's reviewers approve or reject a submitted bundle (Emulator.ReviewBundle).
			var body struct {
				Status     string    `json:"status"`
				ValidUntil time.Time `json:"valid_until"`
			}
			if !decodeControl(w, r, &body) {
				return
			}
			if err := e.ReviewBundle(sid, body.Status, body.ValidUntil); err != nil {
				controlError(w, http.StatusBadRequest, err.Error())
				return
			}
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if name == "short-codes" && r.Method == http.MethodPost {
			// Test control: Twilio provisions a short code to an account (Emulator.AddShortCode).
			var body struct {
				AccountSid string `json:"account_sid"`
				ShortCode  string `json:"short_code"`
			}
			if !decodeControl(w, r, &body) {
				return
			}
			if body.AccountSid == "" {
				body.AccountSid = mainSID
			}
			sid, err := e.AddShortCode(body.AccountSid, body.ShortCode)
			if err != nil {
				controlError(w, http.StatusBadRequest, err.Error())
				return
			}
			writeJSON(w, http.StatusCreated, map[string]string{"sid": sid})
			return
		}
		if e.serveA2PControl(w, r, name) {
			return
		}
		if kind, ok := strings.CutPrefix(name, "reviews/"); ok && r.Method == http.MethodPost {
			e.serveReviewControl(w, r, kind)
			return
		}
		if id, ok := strings.CutPrefix(name, "faults/"); ok && r.Method == http.MethodDelete {
			n, err := strconv.Atoi(id)
			if err == nil && e.RemoveFault(n) {
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		controlError(w, http.StatusNotFound, "no control endpoint "+r.Method+" "+r.URL.Path)
	}
}

// decodeControl reads a JSON body; an empty body leaves v as it is.
func decodeControl(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		controlError(w, http.StatusBadRequest, "invalid JSON body: "+err.Error())
		return false
	}
	return true
}

func controlError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
