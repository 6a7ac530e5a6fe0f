package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*messagingAlphaSenderResource)(nil)

// NewMessagingAlphaSenderResource is the factory for twilio_messaging_service_alpha_sender.
func NewMessagingAlphaSenderResource() resource.Resource {
	return &messagingAlphaSenderResource{resourceBase: resourceBase{name: "messaging_service_alpha_sender"}}
}

// messagingAlphaSenderResource is the pool member engine (messaging_common.go) for alpha senders.
type messagingAlphaSenderResource = poolMemberResource[twilioclient.AlphaSender,
	messagingAlphaSenderModel, *messagingAlphaSenderModel]

type messagingAlphaSenderModel struct {
	poolMemberModel
	AlphaSender types.String   `tfsdk:"alpha_sender"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

func (*messagingAlphaSenderModel) kind() *poolKind[twilioclient.AlphaSender, messagingAlphaSenderModel] {
	return &messagingAlphaSenderKind
}

// Twilio's format for an alpha sender: "Can be up to 11 characters long. Valid characters are A-Z, a-z,
// 0-9, space, hyphen -, plus +, underscore _ and ampersand &. This value cannot contain only numbers"
// (twilio_messaging_v1.json, CreateAlphaSender).
var alphaSenderRE = regexp.MustCompile(`^[A-Za-z0-9 +_&-]+$`)

var messagingAlphaSenderKind = poolKind[twilioclient.AlphaSender, messagingAlphaSenderModel]{
	noun: "alpha sender", levels: messagingAlphaSenderLevels,
	description: "The alphanumeric sender ID of a Messaging Service: the name recipients see instead of a " +
		"number, where the destination country allows it (never in the US or Canada). Twilio allows one per " +
		"service, and only in accounts with alphanumeric sender IDs enabled. Changing it replaces it (Twilio " +
		"cannot update one); destroying it removes it from the service.",
	accountWhat: "service; changing it replaces the alpha sender",
	attributes: map[string]schema.Attribute{
		"id":  idAttribute(),
		"sid": sidAttribute("AI", "alpha sender"),
		"alpha_sender": schema.StringAttribute{
			MarkdownDescription: "The sender ID: 1 to 11 letters, digits, spaces, `-`, `+`, `_` or `&`, not only " +
				"digits (Twilio's format). Changing it replaces the alpha sender.",
			Required: true,
			Validators: []validator.String{
				stringvalidator.LengthBetween(1, 11),
				stringvalidator.RegexMatches(alphaSenderRE, "may only contain letters A-Z and a-z, digits, spaces, "+
					"-, +, _ and &"),
				stringvalidator.RegexMatches(regexp.MustCompile(`[^0-9]`), "cannot be only digits: add a letter"),
			},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
	},
	member: func(m *messagingAlphaSenderModel) types.String { return m.SID },
	flatten: func(_ context.Context, a *twilioclient.AlphaSender, m *messagingAlphaSenderModel) diag.Diagnostics {
		flattenMessagingAlphaSender(a, m)
		return nil
	},
	add:  addAlphaSender,
	find: (*twilioclient.Client).FindAlphaSender, remove: (*twilioclient.Client).RemoveAlphaSender,
}

// addAlphaSender adds the alpha sender the plan names. Twilio gives it a SID of its own, so after a lost
// answer it is looked for by its text among the service's senders made since the request.
func addAlphaSender(ctx context.Context, client *twilioclient.Client, p poolAdd, plan *messagingAlphaSenderModel) *twilioclient.AlphaSender {
	account, service, alpha := p.account, p.service, plan.AlphaSender.ValueString()
	summary := fmt.Sprintf("Adding alpha sender %q to Messaging Service %s", alpha, service)
	return createAdopting(ctx, p.diags, lostCreate[twilioclient.AlphaSender]{
		kind: p.kind, scope: account, name: service + "/" + alpha,
		what: fmt.Sprintf("an alpha sender %q in Messaging Service %s", alpha, service), summary: summary,
		find: func(ctx context.Context, since time.Time) ([]twilioclient.AlphaSender, error) {
			return client.FindAlphaSendersCreatedSince(ctx, account, service, alpha, since)
		},
		check: func(a *twilioclient.AlphaSender) candidate { return candidate{sid: deref(a.Sid)} },
		failed: func(err error, _ *createRecord) *twilioclient.AlphaSender {
			p.diags.AddError(summary, errorDetail(err)+messagingServiceHint(err, account)+
				alphaSenderTakenHint(ctx, client, account, service, err)+
				ambiguousCreateHint(err, p.kind, "the alpha sender"))
			return nil
		},
	}, func(ctx context.Context) (*twilioclient.AlphaSender, error) {
		return client.AddAlphaSender(ctx, account, service, alpha)
	})
}

// alphaSenderTakenHint names the service's current alpha sender when Twilio refused the add with a 400:
// "Each Messaging Services may only have one alpha sender associated with it"
// (https://www.twilio.com/docs/messaging/api/alphasender-resource).
func alphaSenderTakenHint(ctx context.Context, client *twilioclient.Client, account, service string, err error) string {
	var te *twilioclient.Error
	if !errors.As(err, &te) || te.Status != http.StatusBadRequest {
		return ""
	}
	current, lerr := client.ListAlphaSenders(ctx, account, service)
	if lerr != nil || len(current) == 0 {
		return ""
	}
	names := make([]string, len(current))
	for i, a := range current {
		names[i] = fmt.Sprintf("%q (%s)", deref(a.AlphaSender), deref(a.Sid))
	}
	return fmt.Sprintf("\n\nMessaging Service %s already has the alpha sender %s, and Twilio allows one per service: "+
		"remove it first (its twilio_messaging_service_alpha_sender, or in the Console), or import it with "+
		"`terraform import` as %s/%s.", service, strings.Join(names, ", "), service, deref(current[0].Sid))
}

func flattenMessagingAlphaSender(a *twilioclient.AlphaSender, m *messagingAlphaSenderModel) {
	m.flattenMember(a.Sid, a.AccountSid, a.ServiceSid, a.DateCreated)
	m.AlphaSender = stringValue(a.AlphaSender)
}
