package twilioclient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"

	twclient "github.com/twilio/twilio-go/client"
	studiov2 "github.com/twilio/twilio-go/rest/studio/v2"
)

// Flow is a Studio flow.
type Flow = studiov2.StudioV2Flow

// CreateFlowParams are the fields of a new Studio flow.
type CreateFlowParams = studiov2.CreateFlowParams

// UpdateFlowParams change a Studio flow (each change makes a new revision).
type UpdateFlowParams = studiov2.UpdateFlowParams

const flowWebhookBase = "https://webhooks.twilio.com/v1/Accounts/"

// FlowWebhookURL is the voice URL that hands a number's calls to a Studio flow.
func FlowWebhookURL(accountSID, flowSID string) string {
	return flowWebhookBase + accountSID + "/Flows/" + flowSID
}

var flowWebhookURL = regexp.MustCompile("^" + regexp.QuoteMeta(flowWebhookBase) + "(" + sids.Pattern("AC") + ")/Flows/(" +
	sids.Pattern("FW") + ")$")

// ParseFlowWebhookURL returns the account and flow a Studio flow's webhook URL names; ok is false for any
// other URL.
func ParseFlowWebhookURL(u string) (accountSID, flowSID string, ok bool) {
	m := flowWebhookURL.FindStringSubmatch(u)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// CreateFlow creates a Studio flow in accountSID, with that account's own credentials (Studio refuses a
// parent's).
func (c *Client) CreateFlow(ctx context.Context, accountSID string, params *CreateFlowParams) (*Flow, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, notSent(fmt.Errorf("obtaining the credentials of account %s to create the flow: %w", accountSID, err))
	}
	f, err := sub.studio(ctx).CreateFlow(params)
	return f, sub.wrapFlowError(err)
}

// FindFlow fetches a Studio flow; ErrNotFound when it is gone.
func (c *Client) FindFlow(ctx context.Context, accountSID, sid string) (*Flow, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	f, err := sub.studio(ctx).FetchFlow(sid)
	return f, sub.wrapError(err)
}

// UpdateFlow changes a Studio flow.
func (c *Client) UpdateFlow(ctx context.Context, accountSID, sid string, params *UpdateFlowParams) (*Flow, error) {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return nil, err
	}
	f, err := sub.studio(ctx).UpdateFlow(sid, params)
	return f, sub.wrapFlowError(err)
}

// DeleteFlow deletes a Studio flow.
func (c *Client) DeleteFlow(ctx context.Context, accountSID, sid string) error {
	sub, err := c.ForAccount(ctx, accountSID)
	if err != nil {
		return err
	}
	return sub.wrapError(sub.studio(ctx).DeleteFlow(sid))
}

// FlowProblem is one entry of a flow's errors or warnings: what is wrong, and where in the definition (a
// JSON pointer such as "#/states/0/name").
type FlowProblem struct {
	Message      string
	PropertyPath string
}

// FlowProblems decodes a flow's errors or warnings, which twilio-go leaves as untyped JSON. An entry that
// is not the usual object is kept whole, as JSON, in Message rather than dropped.
func FlowProblems(list *[]interface{}) []FlowProblem {
	if list == nil {
		return nil
	}
	out := make([]FlowProblem, 0, len(*list))
	for _, item := range *list {
		out = append(out, flowProblem(item))
	}
	return out
}

func flowProblem(item any) FlowProblem {
	if m, ok := item.(map[string]any); ok {
		msg, okMsg := m["message"].(string)
		where, _ := m["property_path"].(string)
		if okMsg {
			return FlowProblem{Message: msg, PropertyPath: where}
		}
	}
	raw, err := json.Marshal(item)
	if err != nil {
		return FlowProblem{Message: fmt.Sprint(item)}
	}
	return FlowProblem{Message: string(raw)}
}

// FlowDefinitionError is Twilio's refusal of a flow definition (it will not publish one with errors), with
// the problems its answer listed. It unwraps to the *Error.
type FlowDefinitionError struct {
	Err      *Error
	Problems []FlowProblem
}

func (e *FlowDefinitionError) Error() string { return e.Err.Error() }

func (e *FlowDefinitionError) Unwrap() error { return e.Err }

// wrapFlowError is wrapError plus the definition problems of a 400, which wrapError would drop.
func (c *Client) wrapFlowError(err error) error {
	out := c.wrapError(err)
	var rest *twclient.TwilioRestError
	var te *Error
	if !errors.As(err, &rest) || !errors.As(out, &te) || te.Status != http.StatusBadRequest {
		return out
	}
	list, ok := rest.Details["errors"].([]any)
	if !ok || len(list) == 0 {
		return out
	}
	return &FlowDefinitionError{Err: te, Problems: FlowProblems(&list)}
}
