package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/phonenumber"
	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var (
	_ managedResource                     = (*dialingPermissionsResource)(nil)
	_ resource.ResourceWithValidateConfig = (*dialingPermissionsResource)(nil)
)

// NewDialingPermissionsResource is the factory for twilio_dialing_permissions.
func NewDialingPermissionsResource() resource.Resource {
	r := &dialingPermissionsResource{}
	// Create, Update and Delete are the resource's own: they act through the subaccount's own client and
	// keep what was found for the destroy to put back.
	r.accountObject = accountObject[dialingPermissionsModel, dialingFound]{base: &r.resourceBase,
		noun: "dialing permissions", importing: dialingImport{},
		find: func(ctx context.Context, c *twilioclient.Client, m *dialingPermissionsModel) (*dialingFound, error) {
			sub, err := c.ForAccount(ctx, m.AccountSID.ValueString())
			if err != nil {
				return nil, err
			}
			got, err := readDialing(ctx, sub)
			return &got, err
		},
		named:   func(m *dialingPermissionsModel) string { return "Dialing permissions of " + m.AccountSID.ValueString() },
		flatten: flattenPlain(flattenDialing),
	}
	return r
}

// dialingPermissionsResource manages a subaccount's voice dialing permissions: inherit the parent's, or
// exactly the configured countries. Voice v1 acts on the account whose credentials call it, so every call
// goes through the subaccount's own client (ForAccount).
type dialingPermissionsResource struct {
	resourceBase
	accountObject[dialingPermissionsModel, dialingFound]
}

type dialingPermissionsModel struct {
	ID                types.String   `tfsdk:"id"`
	AccountSID        types.String   `tfsdk:"account_sid"`
	Inherit           types.Bool     `tfsdk:"inherit"`
	LowRisk           types.Set      `tfsdk:"low_risk_countries"`
	HighRiskSpecial   types.Set      `tfsdk:"high_risk_special_countries"`
	HighRiskTollfraud types.Set      `tfsdk:"high_risk_tollfraud_countries"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

// objectKey: the permissions are the subaccount's, and have no SID of their own.
func (m dialingPermissionsModel) objectKey() (account, sid string) {
	return m.AccountSID.ValueString(), ""
}

// created is null: Twilio does not date the permissions, so a Read never waits for a lagging one.
func (m dialingPermissionsModel) created() types.String { return types.StringNull() }

// dialingFound is what the resource found before it first changed anything, kept in private state so a
// destroy can put it back.
type dialingFound struct {
	Inherit   bool                             `json:"inherit"`
	Countries []twilioclient.DialingPermission `json:"countries,omitempty"`
}

const privateDialingFound = "dialing_found"

func (r *dialingPermissionsResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_dialing_permissions"
}

func isoSetAttribute(desc string) schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: desc + " ISO 3166-1 alpha-2 codes in upper case (`US`, `GB`). Defaults to none.",
		ElementType:         types.StringType,
		Optional:            true,
		Computed:            true,
		Default:             setdefault.StaticValue(types.SetValueMust(types.StringType, nil)),
		Validators:          []validator.Set{setvalidator.ValueStringsAre(isoCountryValidator)},
	}
}

func (r *dialingPermissionsResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A subaccount's voice dialing permissions (geographic permissions), the guard against " +
			"toll fraud: either inherit the parent account's (`inherit = true`, Twilio's default for a new " +
			"subaccount), or allow exactly the listed countries, with low-risk numbers and each group of high-risk " +
			"numbers (special services and premium numbers; narrow ranges known for toll fraud) listed separately. " +
			"Every other country is disabled, so a country opened in the Console shows as drift in the next plan.\n\n" +
			"Destroying the resource puts back what it found when it was created or imported: inheritance, or the " +
			"countries that were open then. Only subaccounts are managed; the provider must use the parent's auth " +
			"token, since Voice calls need the subaccount's own credentials.",
		Attributes: map[string]schema.Attribute{
			"id": stableComputedAttribute("The same as `account_sid`."),
			"account_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the subaccount (`AC…`). Changing it manages another subaccount (the old " +
					"one gets back what was found).",
				Required:      true,
				Validators:    []validator.String{sidValidator("AC")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"inherit": falseByDefaultAttribute("`true` to inherit the parent account's permissions (the country lists must then " +
				"be empty). Defaults to `false`."),
			"low_risk_countries": isoSetAttribute("Countries whose low-risk numbers may be called."),
			"high_risk_special_countries": isoSetAttribute("Countries whose high-risk special numbers (premium, shared " +
				"cost and other special services) may be called."),
			"high_risk_tollfraud_countries": isoSetAttribute("Countries whose high-risk toll-fraud ranges (number " +
				"ranges known for international revenue share fraud) may be called. Leave empty unless a tenant " +
				"really needs them."),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

func (r *dialingPermissionsResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg dialingPermissionsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !cfg.Inherit.ValueBool() {
		return
	}
	for name, set := range map[string]types.Set{"low_risk_countries": cfg.LowRisk,
		"high_risk_special_countries": cfg.HighRiskSpecial, "high_risk_tollfraud_countries": cfg.HighRiskTollfraud} {
		if !set.IsNull() && !set.IsUnknown() && len(set.Elements()) > 0 {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Countries listed with inherit = true",
				fmt.Sprintf("With inherit = true the subaccount uses its parent's permissions, so %s cannot list "+
					"countries. Remove the list, or set inherit = false to allow exactly the listed countries.", name))
		}
	}
}

func (r *dialingPermissionsResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || !r.data.known() {
		return
	}
	var account types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("account_sid"), &account)...)
	if resp.Diagnostics.HasError() || !r.checkKeyReach(account, &resp.Diagnostics) {
		return
	}
	if !account.IsUnknown() && account.ValueString() == r.data.client.AccountSID() {
		resp.Diagnostics.AddAttributeError(path.Root("account_sid"), "Dialing permissions of the main account",
			fmt.Sprintf("%s is the provider's own (main) account. twilio_dialing_permissions manages subaccounts, "+
				"which inherit from it; set account_sid to a subaccount's SID. Nothing was changed.", account.ValueString()))
	}
}

func (r *dialingPermissionsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	ctx, plan, client, done := beginCreate[dialingPermissionsModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account := plan.AccountSID.ValueString()
	sub := subClient(ctx, client, account, "Managing the dialing permissions of "+account, &resp.Diagnostics)
	if sub == nil {
		return
	}
	found, err := readDialing(ctx, sub)
	if err != nil {
		resp.Diagnostics.AddError("Reading the dialing permissions of "+account, errorDetail(err)+"\n\nNothing was changed.")
		return
	}
	raw, _ := json.Marshal(found)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateDialingFound, raw)...)
	if err := applyDialing(ctx, sub, wantedDialing(ctx, &plan, &resp.Diagnostics)); err != nil {
		// NOTE: a failed create records no state, so what it found (kept only in this create's private state)
		// would be lost, and the next create would take the half-made change for the tenant's own settings:
		// put back what was found now, on a context that outlives the create's.
		rctx, cancel := detached(ctx)
		defer cancel()
		undo := "What was found was put back, so nothing changed."
		if rerr := applyDialing(rctx, sub, found); rerr != nil {
			undo = fmt.Sprintf("Putting back what was found failed too (%s): the subaccount's permissions may be "+
				"half-changed. It had %s before; set that in the Twilio Console, or apply again and destroy "+
				"to restore it.", errorDetail(rerr), describeDialing(found))
		}
		resp.Diagnostics.AddError("Setting the dialing permissions of "+account, errorDetail(err)+"\n\n"+undo)
		return
	}
	r.readInto(ctx, sub, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *dialingPermissionsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	ctx, plan, _, client, done := beginUpdate[dialingPermissionsModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account := plan.AccountSID.ValueString()
	sub := subClient(ctx, client, account, "Managing the dialing permissions of "+account, &resp.Diagnostics)
	if sub == nil {
		return
	}
	if err := applyDialing(ctx, sub, wantedDialing(ctx, &plan, &resp.Diagnostics)); err != nil {
		resp.Diagnostics.AddError("Setting the dialing permissions of "+account, errorDetail(err)+
			"\n\nApplying again converges: every call the change makes can be repeated.")
		return
	}
	r.readInto(ctx, sub, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// Delete puts back what the resource found (private state); a subaccount that is closed has nothing left
// to restore.
func (r *dialingPermissionsResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	ctx, state, client, done := beginDelete[dialingPermissionsModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	found := dialingFound{Inherit: true}
	raw, d := req.Private.GetKey(ctx, privateDialingFound)
	resp.Diagnostics.Append(d...)
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &found); err != nil {
			resp.Diagnostics.AddError("Restoring dialing permissions", "The permissions found at create could not be "+
				"read back from the state ("+err.Error()+"); nothing was changed. Set inherit or the countries "+
				"by hand in the Console, then remove the resource from the state.")
			return
		}
	} else {
		resp.Diagnostics.AddWarning("Dialing permissions restored to inheritance",
			"The state does not say what this resource found, so destroying it restores Twilio's default for a "+
				"subaccount: inherit the parent's permissions.")
	}
	account := state.AccountSID.ValueString()
	sub, err := client.ForAccount(ctx, account)
	if err == nil && found.Inherit {
		// The countries this resource opened stay stored under the subaccount while it inherits, and would
		// open again the day someone turns inheritance off: close them first.
		err = applyDialing(ctx, sub, dialingFound{})
	}
	if err == nil {
		err = applyDialing(ctx, sub, found)
	}
	finishDelete(ctx, client, account, err, "Restoring the dialing permissions of "+account, &resp.Diagnostics)
}

// dialingImport takes the subaccount's SID or an identity { account_sid }, and records what it finds as what
// a destroy puts back.
type dialingImport struct{}

func (dialingImport) identitySchema() identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"account_sid": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "SID of the subaccount (`AC…`) whose dialing permissions these are.",
			},
		},
	}
}

func (dialingImport) importState(ctx context.Context, r *resourceBase, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	account := req.ID
	if req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull() {
		var v types.String
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root("account_sid"), &v)...)
		account = v.ValueString()
	}
	if !sids.Valid("AC", account) {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Expected the subaccount's SID, %s, got %q.", sids.Shape("AC"), account))
		return
	}
	client := r.data.ready(&resp.Diagnostics)
	if client == nil {
		return
	}
	sub := subClient(ctx, client, account, "Importing the dialing permissions of "+account, &resp.Diagnostics)
	if sub == nil {
		return
	}
	found, err := readDialing(ctx, sub)
	if err != nil {
		resp.Diagnostics.AddError("Importing the dialing permissions of "+account, errorDetail(err))
		return
	}
	raw, _ := json.Marshal(found)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateDialingFound, raw)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_sid"), account)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), account)...)
}

// subClient is the subaccount's own client, refusing the main account.
func subClient(ctx context.Context, client *twilioclient.Client, account, summary string, diags *diag.Diagnostics) *twilioclient.Client {
	if account == client.AccountSID() {
		diags.AddAttributeError(path.Root("account_sid"), summary, "It is the provider's own (main) account; "+
			"twilio_dialing_permissions manages subaccounts.")
		return nil
	}
	sub, err := client.ForAccount(ctx, account)
	if err != nil {
		diags.AddError(summary, errorDetail(err))
		return nil
	}
	return sub
}

func (r *dialingPermissionsResource) readInto(ctx context.Context, sub *twilioclient.Client, m *dialingPermissionsModel, diags *diag.Diagnostics) {
	got, err := readDialing(ctx, sub)
	if err != nil {
		diags.AddError("Reading the dialing permissions of "+m.AccountSID.ValueString(), errorDetail(err))
		return
	}
	flattenDialing(&got, m)
}

// readDialing reads inheritance and, only when it is off, the countries: an inheriting subaccount may see
// its parent's countries (the emulator's assumption dialing-read-while-inheriting), which are not its own.
func readDialing(ctx context.Context, sub *twilioclient.Client) (dialingFound, error) {
	inherit, err := sub.FindDialingInheritance(ctx)
	if err != nil || inherit {
		return dialingFound{Inherit: inherit}, err
	}
	countries, err := sub.ListEnabledDialingCountries(ctx)
	return dialingFound{Countries: countries}, err
}

// applyDialing makes the subaccount's permissions want: inheritance, or inheritance off first (so the
// bulk update is the subaccount's own whatever Twilio does with one made while inheriting) and then one
// bulk update that sets every wanted country and closes every other open one.
func applyDialing(ctx context.Context, sub *twilioclient.Client, want dialingFound) error {
	if want.Inherit {
		return sub.SetDialingInheritance(ctx, true)
	}
	inherit, err := sub.FindDialingInheritance(ctx)
	if err != nil {
		return err
	}
	if inherit {
		if err := sub.SetDialingInheritance(ctx, false); err != nil {
			return err
		}
	}
	open, err := sub.ListEnabledDialingCountries(ctx)
	if err != nil {
		return err
	}
	wanted := map[string]twilioclient.DialingPermission{}
	for _, p := range want.Countries {
		wanted[p.IsoCode] = p
	}
	var updates []twilioclient.DialingPermission
	have := map[string]bool{}
	for _, p := range open {
		have[p.IsoCode] = true
		if w, ok := wanted[p.IsoCode]; !ok {
			updates = append(updates, twilioclient.DialingPermission{IsoCode: p.IsoCode})
		} else if w != p {
			updates = append(updates, w)
		}
	}
	for iso, w := range wanted {
		if !have[iso] {
			updates = append(updates, w)
		}
	}
	sort.Slice(updates, func(i, j int) bool { return updates[i].IsoCode < updates[j].IsoCode })
	return sub.UpdateDialingCountries(ctx, updates)
}

func wantedDialing(ctx context.Context, m *dialingPermissionsModel, diags *diag.Diagnostics) dialingFound {
	if m.Inherit.ValueBool() {
		return dialingFound{Inherit: true}
	}
	perms := map[string]*twilioclient.DialingPermission{}
	get := func(iso string) *twilioclient.DialingPermission {
		if perms[iso] == nil {
			perms[iso] = &twilioclient.DialingPermission{IsoCode: iso}
		}
		return perms[iso]
	}
	for _, f := range []struct {
		set types.Set
		on  func(*twilioclient.DialingPermission)
	}{
		{m.LowRisk, func(p *twilioclient.DialingPermission) { p.LowRisk = true }},
		{m.HighRiskSpecial, func(p *twilioclient.DialingPermission) { p.HighRiskSpecial = true }},
		{m.HighRiskTollfraud, func(p *twilioclient.DialingPermission) { p.HighRiskTollfraud = true }},
	} {
		var isos []string
		diags.Append(f.set.ElementsAs(ctx, &isos, false)...)
		for _, iso := range isos {
			f.on(get(iso))
		}
	}
	out := dialingFound{}
	for _, p := range perms {
		out.Countries = append(out.Countries, *p)
	}
	return out
}

func flattenDialing(got *dialingFound, m *dialingPermissionsModel) {
	m.ID = m.AccountSID
	m.Inherit = types.BoolValue(got.Inherit)
	var low, special, toll []attr.Value
	for _, p := range got.Countries {
		if p.LowRisk {
			low = append(low, types.StringValue(p.IsoCode))
		}
		if p.HighRiskSpecial {
			special = append(special, types.StringValue(p.IsoCode))
		}
		if p.HighRiskTollfraud {
			toll = append(toll, types.StringValue(p.IsoCode))
		}
	}
	m.LowRisk = types.SetValueMust(types.StringType, low)
	m.HighRiskSpecial = types.SetValueMust(types.StringType, special)
	m.HighRiskTollfraud = types.SetValueMust(types.StringType, toll)
}

// isoCountryValidator checks an ISO 3166-1 alpha-2 code against the provider's country table
// (internal/phonenumber), at plan time, so an unknown code never reaches Twilio.
var isoCountryValidator = stringCheck{description: "must be an ISO 3166-1 alpha-2 country code in upper case, such as US or GB",
	check: func(req validator.StringRequest, resp *validator.StringResponse) {
		s := req.ConfigValue.ValueString()
		switch {
		case phonenumber.ValidCountry(s):
			return
		case phonenumber.ValidCountry(strings.ToUpper(s)):
			resp.Diagnostics.AddAttributeError(req.Path, "Country code not in upper case",
				fmt.Sprintf("%q must be written %q: Twilio answers with upper-case codes, so the plan would show a change on every run.", s, strings.ToUpper(s)))
		default:
			resp.Diagnostics.AddAttributeError(req.Path, "Unknown country code",
				fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code this provider knows (two letters, such as US, GB or DE; "+
					"UK is written GB). Nothing was changed.", s))
		}
	},
}

// describeDialing says what a subaccount's permissions were, for an error that cannot restore them.
func describeDialing(f dialingFound) string {
	if f.Inherit {
		return "inherited its parent's permissions"
	}
	if len(f.Countries) == 0 {
		return "its own permissions with no country open"
	}
	isos := make([]string, len(f.Countries))
	for i, c := range f.Countries {
		isos[i] = c.IsoCode
	}
	return "its own permissions with these countries open: " + strings.Join(isos, ", ")
}
