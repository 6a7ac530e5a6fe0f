package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

// flowJSON is studio.v2.flow.
type flowJSON struct {
	Sid           string            `json:"sid"`
	AccountSid    string            `json:"account_sid"`
	FriendlyName  string            `json:"friendly_name"`
	Definition    json.RawMessage   `json:"definition"`
	Status        string            `json:"status"`
	Revision      int               `json:"revision"`
	CommitMessage *string           `json:"commit_message"`
	Valid         bool              `json:"valid"`
	Errors        []FlowProblem     `json:"errors"`
	Warnings      []FlowProblem     `json:"warnings"`
	DateCreated   *string           `json:"date_created"`
	DateUpdated   *string           `json:"date_updated"`
	WebhookURL    string            `json:"webhook_url"`
	URL           string            `json:"url"`
	Links         map[string]string `json:"links"`
}

// FlowWebhookURL is the URL that runs a flow when set as a number's voice or
// SMS URL (method POST).
func FlowWebhookURL(accountSid, flowSid string) string {
	return "https://webhooks.twilio.com/v1/Accounts/" + accountSid + "/Flows/" + flowSid
}

func renderFlow(c *call, f *Flow) any {
	url := c.base + "/v2/Flows/" + f.Sid
	errs := f.Errors
	if errs == nil {
		errs = []FlowProblem{}
	}
	return flowJSON{
		Sid: f.Sid, AccountSid: f.AccountSid, FriendlyName: f.FriendlyName, Definition: f.Definition,
		Status: f.Status, Revision: f.Revision, CommitMessage: nullable(f.CommitMessage),
		Valid: f.Valid, Errors: errs, Warnings: []FlowProblem{},
		DateCreated: fmtISO(f.DateCreated), DateUpdated: fmtISO(f.DateUpdated),
		WebhookURL: FlowWebhookURL(f.AccountSid, f.Sid), URL: url,
		Links: map[string]string{
			"test_users": url + "/TestUsers", "revisions": url + "/Revisions", "executions": url + "/Executions",
		},
	}
}

// flowDefinition is the part of a Studio definition the emulator checks.
type flowDefinition struct {
	InitialState string `json:"initial_state"`
	States       []struct {
		Name string `json:"name"`
		Type string `json:"type"`
	} `json:"states"`
}

// validateDefinition parses a definition. Malformed JSON is a 400; a
// definition that parses but would not run yields problems, which Twilio
// accepts in a draft (valid false) and refuses to publish.
func validateDefinition(raw string) (json.RawMessage, []FlowProblem, *apiError) {
	var def flowDefinition
	if err := json.Unmarshal([]byte(raw), &def); err != nil {
		return nil, nil, badRequest(codeInvalidParameter, "Invalid Flow Definition: it must be a JSON object: %v", err)
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(raw)); err != nil {
		return nil, nil, badRequest(codeInvalidParameter, "Invalid Flow Definition: %v", err)
	}
	var problems []FlowProblem
	add := func(path, format string, args ...any) {
		problems = append(problems, FlowProblem{Message: fmt.Sprintf(format, args...), PropertyPath: path})
	}
	names := map[string]bool{}
	triggers := 0
	for i, s := range def.States {
		switch {
		case s.Name == "":
			add(fmt.Sprintf("#/states/%d/name", i), "state %d has no name", i)
		case names[s.Name]:
			add(fmt.Sprintf("#/states/%d/name", i), "state name %q is used twice", s.Name)
		}
		names[s.Name] = true
		if s.Type == "" {
			add(fmt.Sprintf("#/states/%d/type", i), "state %q has no type", s.Name)
		}
		if s.Type == "trigger" {
			triggers++
		}
	}
	switch {
	case len(def.States) == 0:
		add("#/states", "a flow needs at least one state")
	case triggers != 1:
		add("#/states", "a flow needs exactly one state of type trigger, found %d", triggers)
	}
	if !names[def.InitialState] {
		add("#/initial_state", "initial_state %q is not the name of a state", def.InitialState)
	}
	return buf.Bytes(), problems, nil
}

// bindFlow applies FriendlyName, Status, Definition and CommitMessage.
func bindFlow(c *call, f *Flow) *apiError {
	b := binder{form: c.form}
	b.str("FriendlyName", &f.FriendlyName)
	b.enum("Status", &f.Status, "draft", "published")
	if b.err != nil {
		return b.err
	}
	if c.form.Has("Definition") {
		def, problems, err := validateDefinition(c.form.Get("Definition"))
		if err != nil {
			return err
		}
		f.Definition, f.Errors = def, problems
	}
	f.Valid = len(f.Errors) == 0
	// Each revision has its own commit message.
	f.CommitMessage = c.form.Get("CommitMessage")
	if f.Status == "published" && len(f.Errors) > 0 {
		return &apiError{Status: http.StatusBadRequest, Code: codeInvalidParameter,
			Message: "Invalid Flow Definition", Details: map[string]any{"errors": f.Errors}}
	}
	return nil
}

func (e *Emulator) flowIn(c *call) (*Flow, *apiError) {
	f := e.st.flows[c.params["Sid"]]
	if f == nil || f.AccountSid != c.target.Sid {
		return nil, notFound(c.path)
	}
	return f, nil
}

func (e *Emulator) listFlows(c *call) result {
	pg, err := parsePage(c.form)
	if err != nil {
		return result{err: err}
	}
	all := sorted(e.st.flows, flowSeq, func(f *Flow) bool { return f.AccountSid == c.target.Sid })
	p := paginate(all, func(f *Flow) string { return f.Sid }, pg)
	return result{status: http.StatusOK, body: listV1(c, "flows", nil, pg, p, func(f *Flow) any { return renderFlow(c, f) })}
}

// createFlow needs FriendlyName, Status and Definition, as on Twilio. The
// response has date_updated null until the first update.
func (e *Emulator) createFlow(c *call) result {
	for _, name := range []string{"FriendlyName", "Status", "Definition"} {
		if c.form.Get(name) == "" {
			return result{err: missingParam(name)}
		}
	}
	f := &Flow{Sid: newSID("FW"), AccountSid: c.target.Sid, Revision: 1, DateCreated: now()}
	if err := bindFlow(c, f); err != nil {
		return result{err: err}
	}
	f.seq = e.st.nextSeq()
	e.st.flows[f.Sid] = f
	return result{status: http.StatusCreated, body: renderFlow(c, f)}
}

func (e *Emulator) fetchFlow(c *call) result {
	f, err := e.flowIn(c)
	if err != nil {
		return result{err: err}
	}
	return result{status: http.StatusOK, body: renderFlow(c, f)}
}

// updateFlow needs Status and makes a new revision every time.
func (e *Emulator) updateFlow(c *call) result {
	f, err := e.flowIn(c)
	if err != nil {
		return result{err: err}
	}
	if c.form.Get("Status") == "" {
		return result{err: missingParam("Status")}
	}
	next := *f
	if err := bindFlow(c, &next); err != nil {
		return result{err: err}
	}
	if next.FriendlyName == "" {
		return result{err: badRequest(codeInvalidParameter, "FriendlyName cannot be empty")}
	}
	next.Revision++
	last := f.DateUpdated
	if last.IsZero() {
		last = f.DateCreated
	}
	next.DateUpdated = touched(last)
	*f = next
	return result{status: http.StatusOK, body: renderFlow(c, f)}
}

func (e *Emulator) deleteFlow(c *call) result {
	f, err := e.flowIn(c)
	if err != nil {
		return result{err: err}
	}
	delete(e.st.flows, f.Sid)
	return result{status: http.StatusNoContent}
}
