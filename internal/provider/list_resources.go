package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listresourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// One list resource per managed resource. Each is a scopedList declaration (list_common.go) with its
// resource's type name, and reuses the resource's flatten function, so a listed object is exactly what
// import + refresh would store; the subaccount list, which searches no scope, is its own.

var (
	_ list.ListResourceWithConfigure        = (*subaccountListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*subaccountListResource)(nil)
)

// NewSubaccountListResource is the factory for the twilio_subaccount list resource.
func NewSubaccountListResource() list.ListResource {
	return &subaccountListResource{subaccountResource{resourceBase: resourceBase{name: "subaccount"}}}
}

type subaccountListResource struct{ subaccountResource }

type subaccountListModel struct {
	FriendlyName       types.String `tfsdk:"friendly_name"`
	FriendlyNamePrefix types.String `tfsdk:"friendly_name_prefix"`
	Status             types.String `tfsdk:"status"`
}

func (r *subaccountListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the open subaccounts of the provider's account (never the account itself; closed " +
			"subaccounts cannot be managed). One request per 1,000 subaccounts.",
		Attributes: map[string]listschema.Attribute{
			"friendly_name": listschema.StringAttribute{
				MarkdownDescription: "Only subaccounts with exactly this friendly name (Twilio filters).",
				Optional:            true,
			},
			"friendly_name_prefix": listschema.StringAttribute{
				MarkdownDescription: "Only subaccounts whose friendly name starts with this text (case-sensitive).",
				Optional:            true,
			},
			"status": listschema.StringAttribute{
				MarkdownDescription: "Only subaccounts in this status, `active` or `suspended` (Twilio filters). " +
					"Defaults to both.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(twilioclient.AccountStatusActive, twilioclient.AccountStatusSuspended)},
			},
		},
	}
}

func (r *subaccountListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return []list.ConfigValidator{
		listresourcevalidator.Conflicting(path.MatchRoot("friendly_name"), path.MatchRoot("friendly_name_prefix")),
	}
}

func (r *subaccountListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg subaccountListModel
	client := listConfig(ctx, req, r.data, &cfg, stream)
	if client == nil {
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		e := &listEmitter{push: push, more: true}
		accts, err := client.ListSubaccounts(ctx, cfg.FriendlyName.ValueString(), cfg.Status.ValueString())
		if err != nil {
			e.fail("Listing Twilio subaccounts", err)
			return
		}
		scope := listScopeModel{FriendlyNamePrefix: cfg.FriendlyNamePrefix}
		for i := range accts {
			a := &accts[i]
			if stringValue(a.Status).ValueString() == twilioclient.AccountStatusClosed || !scope.nameMatches(stringValue(a.FriendlyName).ValueString()) {
				continue
			}
			sid := stringValue(a.Sid)
			e.emit(ctx, req, fmt.Sprintf("%s (%s, %s)", stringValue(a.FriendlyName).ValueString(), sid.ValueString(),
				stringValue(a.Status).ValueString()),
				struct {
					SID types.String `tfsdk:"sid"`
				}{sid},
				func() (any, diag.Diagnostics) {
					m := subaccountModel{SkipDestroy: types.BoolValue(false), ReleaseNumbers: types.BoolValue(false), Timeouts: nullTimeouts()}
					flattenSubaccount(a, &m)
					// NOTE: the auth token on the list page stays out of query output; the refresh after an
					// import reads it into the state.
					m.AuthToken = types.StringNull()
					return m, nil
				})
			if !e.more {
				return
			}
		}
	}
}

// NewTwimlAppListResource is the factory for the twilio_twiml_app list resource.
func NewTwimlAppListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "twiml_app"},
		description:  "Lists TwiML applications: one request per account searched (per 1,000 applications).",
		scope:        "applications", what: "TwiML applications",
		each: accountObjectsWith(func(ctx context.Context, client *twilioclient.Client, scope listScopeModel, account string) ([]twilioclient.Application, error) {
			return client.ListApplications(ctx, account, scope.FriendlyName.ValueString())
		}, func(a *twilioclient.Application) listed {
			return listed{name: stringValue(a.FriendlyName).ValueString(), sid: deref(a.Sid)}
		}, imported(twimlAppModel{SkipDestroy: types.BoolValue(false), Timeouts: nullTimeouts()}, flattenTwimlApp)),
	}
}

// NewAPIKeyListResource is the factory for the twilio_api_key list resource.
func NewAPIKeyListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "api_key"},
		description: "Lists API keys, metadata only: Twilio never shows a key's secret after it was created, " +
			"so an imported key has no `secret` (create a new key where the secret is needed). One request per " +
			"account searched (per 1,000 keys); with `include_resource`, one more request per key, because only " +
			"IAM tells a restricted key's policy.",
		scope: "keys", what: "API keys",
		each: accountObjects((*twilioclient.Client).ListKeys, func(k *twilioclient.Key) listed {
			return listed{name: k.FriendlyName, sid: k.SID}
		}, func(ctx context.Context, client *twilioclient.Client, account string, k *twilioclient.Key) (any, diag.Diagnostics) {
			var diags diag.Diagnostics
			// NOTE: the key type and a restricted key's policy are only in IAM's answer, as in Read after an
			// import.
			full, err := client.FindRestrictedKey(ctx, account, k.SID)
			if twilioclient.IsAccountInactive(err) {
				diags.AddWarning(notListedWhileInactive("API key "+k.SID, account, err))
				return nil, diags
			}
			if err != nil {
				diags.AddError(fmt.Sprintf("Reading Twilio API key %s", k.SID), errorDetail(err))
				return nil, diags
			}
			m := apiKeyModel{KeyType: types.StringValue(apiKeyTypeStandard), Timeouts: nullTimeouts()}
			if full.Policy != "" {
				m.KeyType = types.StringValue(apiKeyTypeRestricted)
			}
			flattenAPIKey(full, &m)
			return m, diags
		}),
	}
}

// e164PrefixPattern is the start of an E.164 number: a country code and, optionally, more digits.
var e164PrefixPattern = regexp.MustCompile(`^\+[1-9][0-9]{0,14}$`)

type incomingNumberListModel struct {
	listScopeModel
	PhoneNumber       types.String `tfsdk:"phone_number"`
	PhoneNumberPrefix types.String `tfsdk:"phone_number_prefix"`
}

// NewIncomingNumberListResource is the factory for the twilio_incoming_number list resource.
func NewIncomingNumberListResource() list.ListResource {
	return &scopedList[incomingNumberListModel]{
		resourceBase: resourceBase{name: "incoming_number"},
		description:  "Lists incoming phone numbers: one request per account searched (per 1,000 numbers).",
		scope:        "numbers", what: "phone numbers",
		attributes: map[string]listschema.Attribute{
			"phone_number": listschema.StringAttribute{
				MarkdownDescription: "Only this number, in E.164 form (`+14155550100`).",
				Optional:            true,
				Validators:          []validator.String{e164Validator},
			},
			"phone_number_prefix": listschema.StringAttribute{
				MarkdownDescription: "Only numbers starting with this E.164 prefix: a country and area, e.g. `+1415` for " +
					"area code 415.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.RegexMatches(e164PrefixPattern, "must be + and digits, e.g. +1415")},
			},
		},
		validators: []list.ConfigValidator{
			listresourcevalidator.Conflicting(path.MatchRoot("phone_number"), path.MatchRoot("phone_number_prefix")),
		},
		each: accountObjectsWith(func(ctx context.Context, client *twilioclient.Client, cfg incomingNumberListModel, account string) ([]twilioclient.IncomingNumber, error) {
			// Twilio's PhoneNumber filter matches parts of numbers; exact and prefix matches are checked here.
			filter := cfg.PhoneNumber.ValueString() + cfg.PhoneNumberPrefix.ValueString()
			numbers, err := client.ListIncomingNumbersMatching(ctx, account, filter)
			return slices.DeleteFunc(numbers, func(n twilioclient.IncomingNumber) bool {
				number := deref(n.PhoneNumber)
				return !strings.HasPrefix(number, filter) || (!cfg.PhoneNumber.IsNull() && number != cfg.PhoneNumber.ValueString())
			}), err
		}, func(n *twilioclient.IncomingNumber) listed {
			name := deref(n.FriendlyName)
			return listed{name: name, display: deref(n.PhoneNumber) + " " + name, sid: deref(n.Sid)}
		}, imported(incomingNumberModel{SkipDestroy: types.BoolValue(false), Timeouts: nullTimeouts()}, flattenIncomingNumber)),
	}
}

// NewStudioFlowListResource is the factory for the twilio_studio_flow list resource.
func NewStudioFlowListResource() list.ListResource {
	return &scopedList[listScopeModel]{
		resourceBase: resourceBase{name: "studio_flow"},
		description: "Lists Studio flows: one request per account searched (per 1,000 flows), with the " +
			"account's own credentials, which the provider takes from the subaccount list (`all_subaccounts`) or " +
			"fetches once per subaccount.",
		scope: "flows", what: "Studio flows",
		each: accountObjects((*twilioclient.Client).ListFlows, func(f *twilioclient.Flow) listed {
			return listed{name: deref(f.FriendlyName), sid: deref(f.Sid)}
		}, func(ctx context.Context, client *twilioclient.Client, account string, f *twilioclient.Flow) (any, diag.Diagnostics) {
			var diags diag.Diagnostics
			if f.Definition == nil {
				// ASSUMPTION: Twilio's description of the list has each flow's definition; should a page leave
				// it out, the flow is fetched, so the result is still complete.
				one, err := client.FindFlow(ctx, account, deref(f.Sid))
				if err != nil {
					diags.AddError(fmt.Sprintf("Reading Twilio Studio flow %s", deref(f.Sid)), errorDetail(err))
					return nil, diags
				}
				f = one
			}
			m := studioFlowModel{Timeouts: nullTimeouts()}
			diags.Append(flattenStudioFlow(ctx, f, &m)...)
			return m, diags
		}),
	}
}
