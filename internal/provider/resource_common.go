package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// managedResource is what every resource of this provider is: configured from the provider, identified
// (resource identity), importable by string ID and by identity, and planned (account defaults, destroy
// warnings). TestEveryResourceIsManaged holds every registered resource to it.
type managedResource interface {
	resource.ResourceWithConfigure
	resource.ResourceWithIdentity
	resource.ResourceWithImportState
	resource.ResourceWithModifyPlan
}

// resourceBase holds what every resource gets from the provider, and its type name without the
// provider's prefix (Metadata).
type resourceBase struct {
	data *providerData
	name string
	// plan is what the resource's plan checks, declared rather than written: ModifyPlan runs it.
	plan planSteps
}

// planSteps are the plan-time steps most resources share, as data: resourceBase.ModifyPlan runs them in
// this order, and a resource with plan logic of its own declares ModifyPlan and calls
// r.resourceBase.ModifyPlan first.
type planSteps struct {
	// kept names the object in the warning of a destroy plan that skip_destroy turns into a forget (see
	// warnKeptOnDestroy), keptLabel the attribute shown next to its SID; kept is empty without skip_destroy.
	kept, keptLabel string
	// product is the Twilio product refused in regions that do not offer it (checkProductRegion); empty for
	// a product offered everywhere.
	product string
	// account is how account_sid is planned (defaultAccountSID).
	account accountPlan
}

// accountPlan says whether a resource's account_sid defaults to the provider's account, and whether the
// object can move to another account or is replaced.
type accountPlan int

const (
	noAccountSID      accountPlan = iota // no account_sid (a subaccount is its own account)
	fixedAccountSID                      // defaulted; another account replaces the object
	movableAccountSID                    // defaulted; the object moves (a phone number)
)

// ModifyPlan runs the resource's declared planSteps.
func (r *resourceBase) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	s := r.plan
	if s.kept != "" {
		warnKeptOnDestroy(ctx, req, resp, s.kept, s.keptLabel)
	}
	if s.product != "" {
		r.checkProductRegion(req, resp, s.product)
	}
	if s.account != noAccountSID {
		r.defaultAccountSID(ctx, req, resp, s.account == movableAccountSID)
	}
}

func (r *resourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.name
}

func (r *resourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configureClient(req.ProviderData, &resp.Diagnostics)
}

// accountSIDAttribute is the `account_sid` every account-scoped resource has: optional, defaulting to
// the provider's account (filled in by defaultAccountSID at plan time).
func accountSIDAttribute(what string, modifiers ...planmodifier.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("SID of the account (`AC…`) that owns the %s: the provider's account "+
			"or one of its subaccounts. Defaults to the provider's account.", what),
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{sidValidator("AC")},
		PlanModifiers: modifiers,
	}
}

// checkProductRegion refuses at plan time a resource of a product Twilio does not offer in the provider's
// processing region (twilioregion.Offered: Functions and Assets and Studio are not in au1), so the apply
// does not fail on its first request with nothing created. A destroy is never refused: there is nothing of
// the product in such a region to delete, and refusing would keep a stale state forever.
func (r *resourceBase) checkProductRegion(req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, product string) {
	if req.Plan.Raw.IsNull() || !r.data.known() {
		return
	}
	region := r.data.client.Region()
	if err := twilioregion.ProductError(product, region); err != nil {
		resp.Diagnostics.AddError("Twilio product not offered in the provider's region",
			err.Error()+". Configure this resource with a provider whose region offers it (a provider alias with "+
				"region = \"us1\" or \"ie1\" and credentials made there), or remove it.")
		return
	}
	if o, _ := twilioregion.Offered(product, region); o.Stage != "GA" && req.State.Raw.IsNull() {
		resp.Diagnostics.AddWarning("Twilio product in "+o.Stage+" in region "+region,
			fmt.Sprintf("Twilio offers %s in %s as a %s (%s): not covered by Twilio's SLA, and it may change.",
				product, region, o.Stage, o.Source))
	}
}

// defaultAccountSID plans the provider's account for a null account_sid, so removing account_sid from the
// configuration means "the provider's account" rather than "whatever the state says". Objects that cannot
// move between accounts (movable false) are then replaced when the planned account differs from theirs:
// the attribute's own RequiresReplace runs before ModifyPlan and never sees the defaulted value.
func (r *resourceBase) defaultAccountSID(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, movable bool) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var cfg types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("account_sid"), &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.IsNull() && r.data.known() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("account_sid"), r.data.client.AccountSID())...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	var planned, prior types.String
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("account_sid"), &planned)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("account_sid"), &prior)...)
	}
	if resp.Diagnostics.HasError() || !r.checkKeyReach(planned, &resp.Diagnostics) || planned.IsUnknown() || planned.Equal(prior) {
		return
	}
	r.checkAccountExists(ctx, planned.ValueString(), &resp.Diagnostics)
	if !movable && !req.State.Raw.IsNull() {
		resp.RequiresReplace.Append(path.Root("account_sid"))
	}
}

// warnKeptOnDestroy warns in a destroy plan of an object with skip_destroy = true: Terraform lists it under
// "will be destroyed" (a plan has no word for "forget"), while the apply only drops it from the state, so
// the warning is the only place the plan can tell the truth. label names an attribute worth showing next
// to the SID ("" for none).
func warnKeptOnDestroy(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, what, label string) {
	if !req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var skip types.Bool
	var sid, shown types.String
	diags := req.State.GetAttribute(ctx, path.Root("skip_destroy"), &skip)
	diags.Append(req.State.GetAttribute(ctx, path.Root("sid"), &sid)...)
	if diags.HasError() || !skip.ValueBool() {
		return
	}
	name := sid.ValueString()
	if label != "" && !req.State.GetAttribute(ctx, path.Root(label), &shown).HasError() && shown.ValueString() != "" {
		name = shown.ValueString() + " (" + name + ")"
	}
	resp.Diagnostics.AddWarning(fmt.Sprintf("%s %s will be kept in Twilio, not destroyed", what, name),
		fmt.Sprintf("skip_destroy = true: the plan lists it as destroyed, but the apply only removes it from the "+
			"Terraform state. It stays in Twilio as it is, working (and billed, for numbers), and no configuration "+
			"manages it any more. To manage it again later, import it; to really delete it, set skip_destroy = "+
			"false and apply before destroying (a destroy plans from the state).%s", keptOnDestroyNote(what)))
}

// keptOnDestroyNote adds what keeping one kind of object means for the others.
func keptOnDestroyNote(what string) string {
	if what == "Twilio subaccount" {
		return " The subaccount stays open with whatever is still in it."
	}
	return ""
}

// checkKeyReach fails the plan when the provider authenticates with an API key and the resource is planned
// in another account, or in an account not known until apply (a subaccount created in the same apply).
// Twilio refuses an API key on any other account's resources, even a Main key on its own subaccounts: "Main
// account API Keys are only available to access main account resources. Access to subaccount resources will
// be denied" (https://www.twilio.com/docs/iam/api/subaccounts); failing at apply would come after the
// subaccounts were created, with every object inside them refused. It reports whether the plan may go on.
func (r *resourceBase) checkKeyReach(planned types.String, diags *diag.Diagnostics) bool {
	if !r.data.known() || !r.data.client.UsesAPIKey() || planned.IsNull() {
		return true
	}
	own := r.data.client.AccountSID()
	if !planned.IsUnknown() && planned.ValueString() == own {
		return true
	}
	target := "account_sid " + planned.ValueString() + " is another account"
	if planned.IsUnknown() {
		target = "account_sid is not known until apply (it comes from an object not created yet, such as a " +
			"twilio_subaccount), so it cannot be the provider's own account as far as this plan can tell"
	}
	diags.AddAttributeError(path.Root("account_sid"), "An API key cannot manage another account's resources",
		fmt.Sprintf("The provider authenticates with API key %s of account %s, and %s. Twilio refuses an API key on "+
			"any other account's resources, even a Main key on the subaccounts of its own account, so the apply "+
			"would fail halfway: after the subaccounts were created, with everything inside them refused. Nothing "+
			"was created.\n\nTo fix it, configure the provider with the main account's auth token instead of the "+
			"key (auth_token or TWILIO_AUTH_TOKEN; unset api_key_sid/api_key_secret, TWILIO_API_KEY and "+
			"TWILIO_API_SECRET): with it the provider obtains each subaccount's own credentials. Or manage this "+
			"account's resources with a provider configured with that account's own credentials (a provider "+
			"alias), and leave account_sid unset there.", r.data.client.APIKeySID(), own, target))
	return false
}

// checkAccountExists fails the plan when a new account_sid names no account under the provider's
// account, so a mistyped SID is reported by name instead of as Twilio's bare 20404 halfway through an
// apply. Other look-up failures are left to the apply, which reports them in full.
func (r *resourceBase) checkAccountExists(ctx context.Context, account string, diags *diag.Diagnostics) {
	if !r.data.known() || account == "" || account == r.data.client.AccountSID() {
		return
	}
	// NOTE: a closed account still exists (Twilio keeps it 30 days); creating in it fails at apply with
	// Twilio's own error, which says so.
	err := r.data.accounts.check(ctx, account, func(ctx context.Context) error {
		_, err := r.data.client.FindAccount(ctx, account)
		return err
	})
	if twilioclient.IsNotFound(err) {
		diags.AddAttributeError(path.Root("account_sid"), "No such Twilio account",
			fmt.Sprintf("account_sid %s is no account under your main account %s: Twilio has no account with "+
				"that SID. Check it for a typo; a subaccount managed here is twilio_subaccount.<name>.sid.",
				account, r.data.client.AccountSID()))
	}
}

// idAttribute is the resource's `id`, the same value as `sid`. Terraform shows a resource's `id` in its
// progress lines ("Creation complete after 1s [id=AC…]"), which is where people look for a new SID.
func idAttribute() schema.StringAttribute {
	return stableComputedAttribute("The same as `sid`; Terraform shows it in its progress lines.")
}

// stableComputedAttribute is a string Twilio sets when the object is made and that then stays, so a plan
// keeps the known value instead of showing it as "known after apply".
func stableComputedAttribute(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// sidAttribute is the computed SID of a resource, stable once created.
func sidAttribute(prefix, what string) schema.StringAttribute {
	return stableComputedAttribute(fmt.Sprintf("SID of the %s (`%s…`).", what, prefix))
}

// returnedSecretAttribute is a secret Twilio returns (a key's secret, a subaccount's auth token): computed,
// sensitive, and kept from the state, as Twilio may never show it again.
func returnedSecretAttribute(desc string) schema.StringAttribute {
	a := stableComputedAttribute(desc)
	a.Sensitive = true
	return a
}

func dateCreatedAttribute() schema.StringAttribute {
	return stableComputedAttribute("When the object was created, as Twilio reports it.")
}

// webhookURLAttribute is an optional URL Twilio calls. Removing it from the configuration clears it in
// Twilio.
func webhookURLAttribute(desc string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc + " Removing it from the configuration clears it in Twilio.",
		Optional:            true,
		Validators:          append([]validator.String{webhookURLValidator}, validators...),
	}
}

// httpMethodAttribute is the method for a webhook; Twilio defaults every one of them to POST.
func httpMethodAttribute(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc + " `GET` or `POST`; defaults to `POST`, Twilio's default.",
		Optional:            true,
		Computed:            true,
		Default:             stringdefault.StaticString("POST"),
		Validators:          []validator.String{stringvalidator.OneOf("GET", "POST")},
	}
}

// friendlyNameValidators enforce Twilio's limit for friendly names: 64 characters, not bytes, so a name with
// accents or other non-ASCII letters gets the same 64 as an ASCII one.
func friendlyNameValidators() []validator.String {
	return []validator.String{stringvalidator.UTF8LengthBetween(1, 64)}
}

// clearable is the form value for an optional attribute: the empty string clears it in Twilio.
func clearable(v types.String) *string {
	s := v.ValueString()
	return &s
}

// defaultTimeout bounds a resource operation when its timeouts block says nothing; it covers retries.
const defaultTimeout = 5 * time.Minute

// ambiguousCreateHint explains what may exist after a failed create: nothing when the request never
// reached Twilio, possibly the object when it was sent and the answer was lost (timeout, reset or 5xx).
func ambiguousCreateHint(err error, kind, what string) string {
	if !twilioclient.IsSent(err) {
		return "\n\nNothing reached Twilio, so nothing was created; applying again is safe."
	}
	if !twilioclient.IsAmbiguous(err) {
		return ""
	}
	return fmt.Sprintf("\n\nThe outcome is unknown: Twilio may have created %s. It was not retried, to avoid a "+
		"duplicate. Look for it in the Twilio Console or API; if it exists, import it with `terraform import` "+
		"(see the twilio_%s documentation) instead of applying again.", what, kind)
}

// falseWhenNull fills in the default of a Terraform-side flag added after state was first written: state
// from an older provider holds null there, and without this an upgrade would plan "+ flag = false" on
// every resource.
func falseWhenNull(v types.Bool) types.Bool {
	if v.IsNull() {
		return types.BoolValue(false)
	}
	return v
}

// dataSourceBase is resourceBase for data sources.
type dataSourceBase struct {
	data *providerData
	name string
}

func (d *dataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.name
}

func (d *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configureClient(req.ProviderData, &resp.Diagnostics)
}

// timeoutsBlock is the timeouts block of a resource: create and delete, and update when it has one.
func timeoutsBlock(ctx context.Context, update bool) map[string]schema.Block {
	return map[string]schema.Block{"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: update, Delete: true})}
}

// skipDestroyAttribute is skip_destroy for an object that costs more to lose than to keep: kept says
// why a destroy should keep it.
func skipDestroyAttribute(kept string) schema.BoolAttribute {
	return falseByDefaultAttribute("When `true`, destroying the resource only removes it from the Terraform state and the " +
		"object stays in Twilio: " + kept + " Defaults to `false`.")
}

// falseByDefaultAttribute is an optional flag that is false unless configured, so removing it from the
// configuration sets it back to false.
func falseByDefaultAttribute(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: desc,
		Optional:            true,
		Computed:            true,
		Default:             booldefault.StaticBool(false),
	}
}

// skipDestroy ends a Delete with a warning when skip_destroy is set; it reports whether it did.
func skipDestroy(skip types.Bool, what, sid, account string, diags *diag.Diagnostics) bool {
	if !skip.ValueBool() {
		return false
	}
	diags.AddWarning(what+" kept", fmt.Sprintf("skip_destroy is set: %s %s was removed from the state but still "+
		"exists in account %s.", what, sid, account))
	return true
}
