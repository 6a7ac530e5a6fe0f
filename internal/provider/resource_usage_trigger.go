package provider

import (
	"context"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*usageTriggerResource)(nil)

// NewUsageTriggerResource is the factory for twilio_usage_trigger.
func NewUsageTriggerResource() resource.Resource {
	r := &usageTriggerResource{resourceBase: resourceBase{plan: planSteps{account: fixedAccountSID}}}
	r.accountObject = accountObject[usageTriggerModel, twilioclient.UsageTrigger]{base: &r.resourceBase,
		noun:  "usage trigger",
		byKey: (*twilioclient.Client).FindUsageTrigger, prefix: "UT",
		create:  r.create,
		flatten: flattenPlain(flattenUsageTrigger),
		// Every updatable field is sent, so a Console edit of any of them is reverted.
		update: func(ctx context.Context, c *twilioclient.Client, plan, state *usageTriggerModel) (*twilioclient.UsageTrigger, error) {
			p := &twilioclient.UpdateUsageTriggerParams{}
			p.SetCallbackUrl(plan.CallbackURL.ValueString()).SetCallbackMethod(plan.CallbackMethod.ValueString())
			p.SetFriendlyName(plan.FriendlyName.ValueString())
			return c.UpdateUsageTrigger(ctx, state.AccountSID.ValueString(), state.SID.ValueString(), p)
		},
		remove: removeByKey[usageTriggerModel]((*twilioclient.Client).DeleteUsageTrigger),
	}
	return r
}

type usageTriggerResource struct {
	resourceBase
	accountObject[usageTriggerModel, twilioclient.UsageTrigger]
}

type usageTriggerModel struct {
	accountObjectFields
	FriendlyName   types.String   `tfsdk:"friendly_name"`
	UsageCategory  types.String   `tfsdk:"usage_category"`
	TriggerBy      types.String   `tfsdk:"trigger_by"`
	TriggerValue   types.String   `tfsdk:"trigger_value"`
	Recurring      types.String   `tfsdk:"recurring"`
	CallbackURL    types.String   `tfsdk:"callback_url"`
	CallbackMethod types.String   `tfsdk:"callback_method"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// Twilio fixes a trigger's category, value, field and period at create: its update takes only the
// callback and the name (https://www.twilio.com/docs/usage/api/usage-trigger).
var triggerFixed = []planmodifier.String{stringplanmodifier.RequiresReplace()}

func (r *usageTriggerResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_usage_trigger"
}

func (r *usageTriggerResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A usage trigger: a webhook Twilio calls when an account's usage of a category " +
			"crosses a value, such as a tenant's monthly spend (`usage_category = \"totalprice\"`, `trigger_by = " +
			"\"price\"`, `recurring = \"monthly\"`). Twilio evaluates triggers about once a minute, and usage can " +
			"take some time to be reflected. A trigger only notifies: pair it with the `twilio_subaccount_status` " +
			"action (Terraform 1.14+) or your own handler to suspend the tenant.\n\n" +
			"Twilio lets an update change only `callback_url`, `callback_method` and `friendly_name`; any other " +
			"change replaces the trigger.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("UT", "usage trigger"),
			"account_sid": accountSIDAttribute("usage trigger (the account whose usage it watches)",
				stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			// NOTE: required, because Twilio does not document the name it gives a trigger created without one:
			// an optional name could plan a change on every refresh.
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Name of the trigger, 1 to 64 characters.",
				Required:            true,
				Validators:          friendlyNameValidators(),
			},
			"usage_category": schema.StringAttribute{
				MarkdownDescription: "The usage category the trigger watches, one of Twilio's usage categories " +
					"(https://www.twilio.com/docs/usage/api/usage-record#usage-categories), such as `totalprice` " +
					"(all spend), `calls`, `sms` or `calls-outbound`. Changing it replaces the trigger.",
				Required:      true,
				Validators:    []validator.String{stringvalidator.RegexMatches(usageCategoryPattern, "must be a Twilio usage category: lower-case letters, digits and hyphens, such as totalprice or calls-outbound")},
				PlanModifiers: triggerFixed,
			},
			"trigger_by": schema.StringAttribute{
				MarkdownDescription: "What `trigger_value` is compared with: `count` (number of calls, messages...), " +
					"`usage` (minutes, segments...) or `price` (spend in the account's currency). Changing it replaces " +
					"the trigger.",
				Required:      true,
				Validators:    []validator.String{stringvalidator.OneOf("count", "usage", "price")},
				PlanModifiers: triggerFixed,
			},
			"trigger_value": schema.StringAttribute{
				MarkdownDescription: "The value at which the trigger fires, a positive number such as `\"100\"` or " +
					"`\"49.99\"`. Twilio's relative form (`+30`, thirty more than today's usage) is refused: it would " +
					"be resolved to a different number on every create. Changing it replaces the trigger.",
				Required:      true,
				Validators:    []validator.String{triggerValueValidator},
				PlanModifiers: triggerFixed,
			},
			"recurring": schema.StringAttribute{
				MarkdownDescription: "How often the trigger can fire: `daily`, `monthly` or `yearly` (once per period, " +
					"periods in GMT), or `alltime` for once ever. Changing it replaces the trigger.",
				Required:      true,
				Validators:    []validator.String{stringvalidator.OneOf("daily", "monthly", "yearly", "alltime")},
				PlanModifiers: triggerFixed,
			},
			"callback_url": schema.StringAttribute{
				MarkdownDescription: "URL Twilio requests when the trigger fires.",
				Required:            true,
				Validators:          []validator.String{webhookURLValidator},
			},
			"callback_method": httpMethodAttribute("HTTP method for `callback_url`."),
			"date_created":    dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

var usageCategoryPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (r *usageTriggerResource) create(ctx context.Context, client *twilioclient.Client, plan *usageTriggerModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	accountSID, category := plan.AccountSID.ValueString(), plan.UsageCategory.ValueString()
	what := fmt.Sprintf("a %s trigger on %s at %s", plan.Recurring.ValueString(), category, plan.TriggerValue.ValueString())
	tr := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.UsageTrigger]{
		kind: "usage_trigger", scope: accountSID, name: category + "\x00" + plan.CallbackURL.ValueString(), what: what,
		summary: fmt.Sprintf("Creating usage trigger in account %s", accountSID),
		find: func(ctx context.Context, since time.Time) ([]twilioclient.UsageTrigger, error) {
			return client.FindUsageTriggersCreatedSince(ctx, accountSID, category, since)
		},
		check: func(t *twilioclient.UsageTrigger) candidate {
			var m usageTriggerModel
			m.TriggerValue = plan.TriggerValue
			flattenUsageTrigger(t, &m)
			return differsIf(*t.Sid, !sameUsageTrigger(&m, plan), "settings (value, field, period, callback or name)")
		},
	}, func(ctx context.Context) (*twilioclient.UsageTrigger, error) {
		return client.CreateUsageTrigger(ctx, accountSID, expandUsageTriggerCreate(plan))
	})
	r.finishCreate(ctx, tr, plan, resp)
}

func expandUsageTriggerCreate(m *usageTriggerModel) *twilioclient.CreateUsageTriggerParams {
	p := &twilioclient.CreateUsageTriggerParams{}
	p.SetUsageCategory(m.UsageCategory.ValueString()).SetTriggerBy(m.TriggerBy.ValueString()).
		SetTriggerValue(m.TriggerValue.ValueString()).SetRecurring(m.Recurring.ValueString()).
		SetCallbackUrl(m.CallbackURL.ValueString()).SetCallbackMethod(m.CallbackMethod.ValueString()).
		SetFriendlyName(m.FriendlyName.ValueString())
	return p
}

// flattenUsageTrigger maps Twilio's trigger onto m. The trigger value keeps m's spelling when Twilio's
// is the same number written differently ("100" and "100.00"), so a plan never flips between the two.
func flattenUsageTrigger(t *twilioclient.UsageTrigger, m *usageTriggerModel) {
	m.SID = stringValue(t.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(t.AccountSid)
	m.FriendlyName = stringValue(t.FriendlyName)
	m.UsageCategory = stringValue(t.UsageCategory)
	m.TriggerBy = stringValue(t.TriggerBy)
	if got := stringValue(t.TriggerValue).ValueString(); !sameNumber(got, m.TriggerValue.ValueString()) {
		m.TriggerValue = types.StringValue(got)
	}
	m.Recurring = stringValue(t.Recurring)
	m.CallbackURL = stringValue(t.CallbackUrl)
	m.CallbackMethod = types.StringValue("POST")
	if t.CallbackMethod != nil && *t.CallbackMethod != "" {
		// Twilio's default is POST, so a missing method reads as POST rather than as a change.
		m.CallbackMethod = types.StringValue(*t.CallbackMethod)
	}
	m.DateCreated = stringValue(t.DateCreated)
}

// sameUsageTrigger compares what a create sends.
func sameUsageTrigger(a, b *usageTriggerModel) bool {
	return a.UsageCategory.Equal(b.UsageCategory) && a.TriggerBy.Equal(b.TriggerBy) &&
		sameNumber(a.TriggerValue.ValueString(), b.TriggerValue.ValueString()) && a.Recurring.Equal(b.Recurring) &&
		a.CallbackURL.Equal(b.CallbackURL) && a.CallbackMethod.Equal(b.CallbackMethod) &&
		a.FriendlyName.Equal(b.FriendlyName)
}

func sameNumber(a, b string) bool {
	x, okA := new(big.Rat).SetString(a)
	y, okB := new(big.Rat).SetString(b)
	return okA && okB && x.Cmp(y) == 0
}

// triggerValueValidator accepts a positive decimal number: Twilio's trigger value "Must be a positive,
// numeric value" (its OpenAPI description), and the relative "+30" form would create a different trigger
// every time.
var triggerValueValidator = stringCheck{description: "must be a positive number such as 100 or 49.99", check: func(req validator.StringRequest, resp *validator.StringResponse) {
	s := req.ConfigValue.ValueString()
	detail := ""
	r, ok := new(big.Rat).SetString(s)
	switch {
	case strings.HasPrefix(s, "+"):
		detail = fmt.Sprintf("%q is Twilio's relative form (that much more than today's usage), which resolves to a "+
			"different number on every create and so would never match the configuration. Write the absolute value.", s)
	case !ok || strings.ContainsAny(s, "/eE") || strings.TrimSpace(s) != s:
		detail = fmt.Sprintf("%q is not a number. Write a positive decimal number such as \"100\" or \"49.99\".", s)
	case r.Sign() <= 0:
		detail = fmt.Sprintf("%q is not positive: Twilio requires a value above zero.", s)
	default:
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid trigger value", detail)
}}
