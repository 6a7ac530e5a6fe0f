package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var (
	_ managedResource                     = (*incomingNumberResource)(nil)
	_ resource.ResourceWithValidateConfig = (*incomingNumberResource)(nil)
)

// NewIncomingNumberResource is the factory for twilio_incoming_number.
func NewIncomingNumberResource() resource.Resource {
	return &incomingNumberResource{resourceBase: resourceBase{
		plan: planSteps{kept: "Twilio phone number", keptLabel: "phone_number", account: movableAccountSID}}}
}

func (r *incomingNumberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_incoming_number"
	// NOTE: a number moves between accounts of one family in place (account_sid is updated, not replaced),
	// so its identity's account_sid may change.
	resp.ResourceBehavior.MutableIdentity = true
}

func (r *incomingNumberResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = accountObjectIdentitySchema("PN", "phone number")
}

func (r *incomingNumberResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A phone number bought by an account: which account owns it, and where its calls and " +
			"messages go.\n\n" +
			"Set `phone_number` to buy that exact number, or `area_code` (and `country`) to buy any number there. " +
			"Calls go to at most one of `voice_url`, `voice_application_sid`, `studio_flow_sid` or `trunk_sid`; " +
			"with none of them the number takes no calls (an SMS-only number). Switching from one target to another " +
			"clears the old one in Twilio.\n\n" +
			"~> **Destroying releases the number, and a released number may be impossible to buy back.** So does " +
			"every change that forces replacement: a new `phone_number`, `area_code` or `country`. Set " +
			"`skip_destroy = true` to keep the number in Twilio when the resource is destroyed, and consider " +
			"`lifecycle { prevent_destroy = true }`.\n\n" +
			"Changing `account_sid` moves the number to that account in place (same SID, same number, never " +
			"released): both accounts must belong to one main account, and only the main account's auth token may " +
			"move numbers between them. Twilio drops application and trunk bindings on a move, since those belong to " +
			"the old account; the provider sets the configured ones again in the new account. A regulated number " +
			"(one with a `bundle_sid`) needs a bundle and an address of the receiving account, sent with the move " +
			"itself: set `bundle_sid` and `address_sid` to the new account's (`twilio_bundle_clone` copies a bundle " +
			"into it).\n\n" +
			fmt.Sprintf("**Refresh of a number its account no longer has.** Someone may have moved it to another "+
				"account of the family in the Console, where it is still billed, so the provider searches the family "+
				"before calling it gone: one request listing the accounts and one fetch per other open account (at "+
				"most %d at a time), only when the number's own account answers 404. The search covers families of "+
				"up to %d accounts; a bigger family, a failed request, or credentials that may not list accounts (a "+
				"standard API key) make the refresh fail with an error and keep the number in the state, since only "+
				"a search of every account that finds nothing proves the number was released. A number created in "+
				"the last %s that answers 404 is fetched again for up to %s first: Twilio's reads can lag its writes.",
				twilioclient.FamilySearchParallelism, twilioclient.FamilySearchLimit, staleReadWindowText, staleReadBudgetText),
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"sid":         sidAttribute("PN", "incoming phone number"),
			"account_sid": accountSIDAttribute("number; changing it moves the number to that account without releasing it"),
			"phone_number": schema.StringAttribute{
				MarkdownDescription: "The number in E.164 form, e.g. `+14155550100`. Set it to buy exactly that number " +
					"(changing it releases the old number and buys the new one); otherwise it is the number bought by " +
					"`area_code`. Exactly one of `phone_number` and `area_code` must be set.",
				Optional: true,
				Computed: true,
				Validators: []validator.String{
					e164Validator,
					stringvalidator.ExactlyOneOf(path.MatchRoot("phone_number"), path.MatchRoot("area_code")),
				},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
					stringplanmodifier.RequiresReplaceIfConfigured(),
				},
			},
			"area_code": schema.StringAttribute{
				MarkdownDescription: "Buy any available number in this area code: three digits in the US and Canada " +
					"(e.g. `415`), the leading digits of the national number elsewhere (e.g. `20` for London). Changing " +
					"it releases the number and buys another, unless the current number is already in the new area " +
					"code. Twilio does not report it, so it stays empty after an import.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^[0-9]{2,6}$`), "must be 2 to 6 digits")},
			},
			"country": schema.StringAttribute{
				MarkdownDescription: "ISO 3166-1 alpha-2 country of `area_code`, e.g. `GB`. Unset means `US`; `US` and " +
					"`CA` buy by area code in one request, other countries search Twilio's available numbers first. " +
					"Changing it releases the number and buys another.",
				Optional: true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(regexp.MustCompile(`^[A-Z]{2}$`), "must be an ISO 3166-1 alpha-2 code such as US or GB"),
					stringvalidator.AlsoRequires(path.MatchRoot("area_code")),
				},
			},
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Name of the number, at most 64 characters. Twilio names a number after itself, " +
					"e.g. `(415) 555-0100`; removing `friendly_name` from the configuration restores that name.",
				Optional:      true,
				Computed:      true,
				Validators:    friendlyNameValidators(),
				PlanModifiers: []planmodifier.String{incomingNumberFriendlyNamePlan{}},
			},
			"voice_url":    webhookURLAttribute("URL Twilio requests when the number receives a call."),
			"voice_method": httpMethodAttribute("Method for `voice_url` (`POST` with `studio_flow_sid`)."),
			"voice_application_sid": incomingNumberSIDAttribute("AP", "TwiML application (`twilio_twiml_app`) that "+
				"handles calls, in the number's account"),
			"studio_flow_sid": incomingNumberSIDAttribute("FW", "Studio flow, in the number's account, that handles "+
				"calls. Twilio stores it as the number's voice URL, `https://webhooks.twilio.com/v1/Accounts/{AccountSid}/"+
				"Flows/{FlowSid}`, called with POST"),
			"trunk_sid":              incomingNumberSIDAttribute("TK", "Elastic SIP trunk that receives calls"),
			"voice_fallback_url":     webhookURLAttribute("URL Twilio requests when `voice_url` fails."),
			"voice_fallback_method":  httpMethodAttribute("Method for `voice_fallback_url`."),
			"status_callback":        webhookURLAttribute("URL Twilio sends call status events to."),
			"status_callback_method": httpMethodAttribute("Method for `status_callback`."),
			"voice_caller_id_lookup": falseByDefaultAttribute("Whether Twilio looks up the caller's name (CNAM) for incoming calls, at a " +
				"charge. Defaults to `false`."),
			"sms_url": webhookURLAttribute("URL Twilio requests when the number receives a message.",
				stringvalidator.ConflictsWith(path.MatchRoot("sms_application_sid"))),
			"sms_method":          httpMethodAttribute("Method for `sms_url`."),
			"sms_fallback_url":    webhookURLAttribute("URL Twilio requests when `sms_url` fails."),
			"sms_fallback_method": httpMethodAttribute("Method for `sms_fallback_url`."),
			"sms_application_sid": incomingNumberSIDAttribute("AP", "TwiML application that handles messages, in "+
				"the number's account", stringvalidator.ConflictsWith(path.MatchRoot("sms_url"))),
			"bundle_sid": incomingNumberSIDAttribute("BU", "regulatory bundle the number is bought and kept "+
				"under. Most countries outside the US and Canada require one: a `twilio-approved` bundle of the "+
				"number's own account, approved for the number's country and type (the `twilio_regulatory_bundle` "+
				"data source finds one; `twilio_bundle_clone` copies the main account's into a subaccount). It is sent "+
				"in the purchase request itself. When the bundle's values are known at plan time, a bundle that is "+
				"not approved, not of the number's account or for another country fails the plan, before anything is "+
				"bought"),
			"address_sid":              incomingNumberAddressAttributes["address_sid"],
			"identity_sid":             incomingNumberAddressAttributes["identity_sid"],
			"emergency_address_sid":    incomingNumberAddressAttributes["emergency_address_sid"],
			"emergency_status":         incomingNumberAddressAttributes["emergency_status"],
			"emergency_address_status": incomingNumberAddressAttributes["emergency_address_status"],
			"address_requirements":     incomingNumberAddressAttributes["address_requirements"],
			"skip_destroy": falseByDefaultAttribute("When `true`, destroying the resource only removes it from the Terraform state and " +
				"the account keeps the number. Defaults to `false`."),
			"capabilities": schema.SingleNestedAttribute{
				MarkdownDescription: "What the number can do.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"voice": schema.BoolAttribute{MarkdownDescription: "Receives and makes calls.", Computed: true},
					"sms":   schema.BoolAttribute{MarkdownDescription: "Receives and sends SMS.", Computed: true},
					"mms":   schema.BoolAttribute{MarkdownDescription: "Receives and sends MMS.", Computed: true},
					"fax":   schema.BoolAttribute{MarkdownDescription: "Receives and sends faxes.", Computed: true},
				},
			},
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

func (r *incomingNumberResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg incomingNumberModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	checkIncomingNumberTargets(&cfg, false, &resp.Diagnostics)
	if !cfg.StudioFlowSID.IsNull() && cfg.VoiceMethod.ValueString() == "GET" {
		resp.Diagnostics.AddAttributeError(path.Root("voice_method"), "Studio flows are called with POST",
			"Twilio hands calls to a Studio flow with a POST to the flow's webhook; remove voice_method or set it to "+
				"\"POST\" when studio_flow_sid is set.")
	}
	if area := cfg.AreaCode.ValueString(); area != "" && incomingNumberNANP(cfg.Country) && !nanpAreaCode.MatchString(area) {
		resp.Diagnostics.AddAttributeError(path.Root("area_code"), "Invalid area code",
			fmt.Sprintf("US and Canadian area codes are three digits, the first 2 to 9 (e.g. 415), got %q.", area))
	}
}

// ModifyPlan fills in the provider's account and decides whether a new area code or country needs a new
// number.
func (r *incomingNumberResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.resourceBase.ModifyPlan(ctx, req, resp)
	if req.Plan.Raw.IsNull() && !req.State.Raw.IsNull() && r.data != nil {
		// A destroy releases the number before its subaccount closes; tell the subaccount's plan.
		var state incomingNumberModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if !state.SkipDestroy.ValueBool() {
			r.data.released.note(state.AccountSID.ValueString(), state.SID.ValueString())
		}
	}
	if !req.Plan.Raw.IsNull() {
		var cfg incomingNumberModel
		resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
		if !resp.Diagnostics.HasError() {
			checkIncomingNumberTargets(&cfg, true, &resp.Diagnostics)
			r.checkIncomingNumberBundle(ctx, req, resp)
			r.checkIncomingNumberAddresses(ctx, req, resp)
		}
	}
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || resp.Diagnostics.HasError() {
		return
	}
	var cfgArea, cfgCountry, stateArea, stateCountry, statePhone types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("area_code"), &cfgArea)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("country"), &cfgCountry)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("area_code"), &stateArea)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("country"), &stateCountry)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("phone_number"), &statePhone)...)
	if resp.Diagnostics.HasError() || cfgArea.IsNull() || cfgArea.IsUnknown() || cfgCountry.IsUnknown() {
		return
	}
	areaChanged := !cfgArea.Equal(stateArea)
	countryChanged := incomingNumberCountry(cfgCountry) != incomingNumberCountry(stateCountry)
	if !areaChanged && !countryChanged {
		return
	}
	// A number that already lies in the new area code is kept: only the way the configuration describes it
	// changed (bought by phone_number, imported, or an area code made more specific), and releasing a
	// number is irreversible.
	if incomingNumberInArea(statePhone.ValueString(), incomingNumberCountry(cfgCountry), cfgArea.ValueString()) {
		return
	}
	if areaChanged {
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("area_code"))
	}
	if countryChanged {
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("country"))
	}
}

func (r *incomingNumberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	ctx, plan, client, done := beginCreate[incomingNumberModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	nameConfigured, ok := plannedNumber(ctx, req.Config, client, &plan, &resp.Diagnostics)
	if !ok {
		return
	}
	account := plan.AccountSID.ValueString()
	want := incomingNumberSettingsOf(&plan)
	params := want.createParams()
	number, area, country := plan.PhoneNumber.ValueString(), plan.AreaCode.ValueString(), incomingNumberCountry(plan.Country)
	what := number
	switch {
	case number != "":
		params.SetPhoneNumber(number)
	case country == "US" || country == "CA":
		params.SetAreaCode(area)
		what = "a number in area code " + area
	default:
		var ok bool
		if number, ok = r.pickAvailable(ctx, client, account, country, area, &resp.Diagnostics); !ok {
			return
		}
		params.SetPhoneNumber(number)
		what = number
	}
	summary := "Buying Twilio phone number " + number
	if number == "" {
		summary = "Buying a Twilio phone number in area code " + area
	}

	// NOTE: buying is one request carrying every setting, so a purchase either succeeds configured or fails:
	// a half-configured number would be tainted, and replacing it would release it.
	key := "number:" + number
	if number == "" {
		// NOTE: siblings buying in one area code are told apart by name, so only same-named ones conflict.
		key = "area:" + area + ":" + want.friendlyName
	}
	lost := r.lostPurchase(client, account, number, area, want)
	lost.scope, lost.name, lost.what, lost.summary = account, key, "number "+number, summary
	if number == "" {
		lost.what = what
	}
	lost.failed = func(err error, rec *createRecord) *twilioclient.IncomingNumber {
		if n := r.adoptRefusedNumber(ctx, client, account, number, rec, want, summary, err, &resp.Diagnostics); n != nil ||
			resp.Diagnostics.HasError() {
			return n
		}
		if detail := errorDetail(err) + incomingNumberBuyHint(err, what); !incomingNumberAddressError(err, summary, detail, &resp.Diagnostics) {
			resp.Diagnostics.AddError(summary, detail)
		}
		return nil
	}
	n := createAdopting(ctx, &resp.Diagnostics, lost, func(ctx context.Context) (*twilioclient.IncomingNumber, error) {
		return client.CreateIncomingNumber(ctx, account, params)
	})
	if n == nil {
		return
	}
	flattenIncomingNumber(n, &plan)
	warnEmergencyPending(n, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	resp.Diagnostics.Append(setIncomingNumberNameConfigured(ctx, resp.Private, nameConfigured)...)
}

func (r *incomingNumberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, client, done := beginRead[incomingNumberModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, sid := state.AccountSID.ValueString(), state.SID.ValueString()
	what := fmt.Sprintf("Twilio phone number %s (%s)", state.PhoneNumber.ValueString(), sid)
	n, err := readAllowingLag(ctx, state.DateCreated, func() (*twilioclient.IncomingNumber, error) {
		return client.FindIncomingNumber(ctx, account, sid)
	})
	if twilioclient.IsNotFound(err) {
		// Moved to another subaccount in the Console rather than released: report the move as drift of
		// account_sid (the plan moves it back) instead of forgetting a number that is still billed. Only a
		// search of every account that finds nothing makes the number gone.
		moved, ferr := client.FindIncomingNumberInFamily(ctx, sid, account)
		switch {
		case ferr == nil:
			n, err = moved, nil
		case !twilioclient.IsNotFound(ferr):
			resp.Diagnostics.AddError("Reading "+what, incomingNumberSearchFailed(account, ferr))
			return
		}
	}
	if err != nil {
		finishRead(ctx, client, account, err, what, resp)
		return
	}
	flattenIncomingNumber(n, &state)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *incomingNumberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	ctx, plan, state, client, done := beginUpdate[incomingNumberModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	nameConfigured, ok := plannedNumber(ctx, req.Config, client, &plan, &resp.Diagnostics)
	if !ok {
		return
	}
	sid, from, to := state.SID.ValueString(), state.AccountSID.ValueString(), plan.AccountSID.ValueString()
	have := incomingNumberSettingsOf(&state)
	var n *twilioclient.IncomingNumber
	// A new emergency address (or a move, which leaves the old account's behind) first waits until Twilio
	// has unregistered the current one.
	prepared, err := prepareEmergencyChange(ctx, client, from, sid, state.EmergencyAddressSID.ValueString(),
		state.EmergencyAddrStatus.ValueString(), plan.EmergencyAddressSID.ValueString(), from != to)
	if prepared != nil {
		// Record the removal at once: if what follows fails, the state must not claim the old address.
		cur := state
		flattenIncomingNumber(prepared, &cur)
		resp.Diagnostics.Append(resp.State.Set(ctx, cur)...)
		have = incomingNumberSettingsOf(&cur)
	}
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("emergency_address_sid"),
			fmt.Sprintf("Changing the emergency address of Twilio phone number %s (%s)", state.PhoneNumber.ValueString(), sid),
			emergencyErrorDetail(err))
		return
	}
	if from != to {
		moved, err := moveIncomingNumber(ctx, client, from, to, sid, incomingNumberSettingsOf(&plan))
		if err != nil {
			summary := fmt.Sprintf("Moving Twilio phone number %s (%s) to account %s", state.PhoneNumber.ValueString(), sid, to)
			detail := errorDetail(err) + "\n\nThe number is still in account " + from + "."
			if !incomingNumberAddressError(err, summary, detail, &resp.Diagnostics) &&
				!incomingNumberBundleError(err, summary, detail, &resp.Diagnostics) {
				resp.Diagnostics.AddError(summary, errorDetail(err)+"\n\nA number can move only between a main account "+
					"and its subaccounts, and only with the main account's auth token (not an API key, not a "+
					"subaccount's credentials). The number is still in account "+from+".")
			}
			return
		}
		n = moved
		// Record the move at once: if the settings below fail, the state must still name the new account.
		cur := state
		flattenIncomingNumber(moved, &cur)
		resp.Diagnostics.Append(resp.State.Set(ctx, cur)...)
		have = incomingNumberSettingsOf(&cur)
	}
	if params, changed := incomingNumberSettingsOf(&plan).updateParams(have); changed {
		updated, err := client.UpdateIncomingNumber(ctx, to, sid, params)
		if err != nil {
			summary := fmt.Sprintf("Updating Twilio phone number %s (%s)", state.PhoneNumber.ValueString(), sid)
			if !incomingNumberAddressError(err, summary, errorDetail(err), &resp.Diagnostics) {
				resp.Diagnostics.AddError(summary, errorDetail(err))
			}
			return
		}
		n = updated
	}
	if n != nil {
		flattenIncomingNumber(n, &plan)
		warnEmergencyPending(n, &resp.Diagnostics)
	} else {
		// Only Terraform-side attributes (skip_destroy, timeouts, how the number was chosen) changed.
		if plan.FriendlyName.IsUnknown() {
			plan.FriendlyName = state.FriendlyName
		}
		// A pending emergency registration leaves both statuses unknown in the plan (Twilio may finish
		// it meanwhile), and an apply must not answer unknown: ask Twilio where it stands, or keep the
		// last known values when it cannot say.
		if plan.EmergencyStatus.IsUnknown() || plan.EmergencyAddrStatus.IsUnknown() {
			plan.EmergencyStatus, plan.EmergencyAddrStatus = state.EmergencyStatus, state.EmergencyAddrStatus
			if cur, err := client.FindIncomingNumber(ctx, to, sid); err == nil {
				plan.EmergencyStatus = stringValue(cur.EmergencyStatus)
				plan.EmergencyAddrStatus = stringValue(cur.EmergencyAddressStatus)
			}
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	resp.Diagnostics.Append(setIncomingNumberNameConfigured(ctx, resp.Private, nameConfigured)...)
}

func (r *incomingNumberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	ctx, state, client, done := beginDelete[incomingNumberModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if resp.Diagnostics.HasError() {
		return
	}
	if state.SkipDestroy.ValueBool() {
		if r.data != nil {
			r.data.kept.note(state.AccountSID.ValueString(), state.SID.ValueString())
		}
		resp.Diagnostics.AddWarning("Twilio phone number kept",
			fmt.Sprintf("skip_destroy is set: %s (%s) was removed from the state but account %s still owns it. "+
				"Closing that account would release it: a twilio_subaccount refuses to close while it owns numbers, "+
				"unless release_numbers_on_close = true.",
				state.PhoneNumber.ValueString(), state.SID.ValueString(), state.AccountSID.ValueString()))
		return
	}
	if client == nil {
		return
	}

	// NOTE: releasing is irreversible; the number goes back to the carrier and may be sold to someone else.
	err := releaseIncomingNumber(ctx, client, state.AccountSID.ValueString(), state.SID.ValueString(),
		state.EmergencyAddressSID.ValueString())
	if err != nil && !twilioclient.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Releasing Twilio phone number %s (%s)", state.PhoneNumber.ValueString(), state.SID.ValueString()),
			emergencyErrorDetail(err))
		return
	}
}

// ImportState accepts "PN…", "AC…/PN…", "+14155550100", "AC…/+14155550100" and an identity
// { account_sid, sid }; without an account, the provider's is meant.
func (r *incomingNumberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	defer identityAfterImport(ctx, resp)
	parts := strings.Split(req.ID, "/")
	last := parts[len(parts)-1]
	account, sid, byIdentity := importedIdentity(ctx, req, &resp.Diagnostics)
	switch {
	case byIdentity:
		if !checkImportIdentity(account, sid, "PN", &resp.Diagnostics) {
			return
		}
		if account == "" {
			// As for a bare PN…: the provider's account, and the refresh finds a number held by a subaccount.
			client := r.data.ready(&resp.Diagnostics)
			if client == nil {
				return
			}
			account = client.AccountSID()
		}
	case len(parts) <= 2 && e164Pattern.MatchString(last) && (len(parts) == 1 || sids.Valid("AC", parts[0])):
		client := r.data.ready(&resp.Diagnostics)
		if client == nil {
			return
		}
		account = client.AccountSID()
		if len(parts) == 2 {
			account = parts[0]
		}
		n, err := client.FindIncomingNumberByPhoneNumber(ctx, account, last)
		if twilioclient.IsNotFound(err) && len(parts) == 1 {
			// A bare number may belong to a subaccount: find it in the family, as a bare PN… is.
			var owner string
			owner, err = findOwner(ctx, client, last, func(ctx context.Context, c *twilioclient.Client, acct, number string) error {
				found, ferr := c.FindIncomingNumberByPhoneNumber(ctx, acct, number)
				if ferr == nil {
					n = found
				}
				return ferr
			})
			account = owner
		}
		switch {
		case twilioclient.IsNotFound(err):
			where := "account " + account
			if len(parts) == 1 {
				where = fmt.Sprintf("account %s or in any of its open subaccounts", client.AccountSID())
			}
			resp.Diagnostics.AddError("Importing Twilio phone number "+last,
				fmt.Sprintf("There is no incoming number %s in %s. To name the account that owns it, import it as "+
					"AC…/%s.", last, where, last))
			return
		case err != nil:
			resp.Diagnostics.AddError("Importing Twilio phone number "+last,
				fmt.Sprintf("Looking the number up failed; to name the account that owns it, import it as AC…/%s. %s",
					last, errorDetail(err)))
			return
		}
		sid = *n.Sid
	case len(parts) <= 2 && sids.Valid("PN", last):
		var ok bool
		if account, sid, ok = r.parseImportID(req.ID, "PN", &resp.Diagnostics); !ok {
			return
		}
	default:
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import a phone number by its SID (PN…), AC…/PN…, its E.164 form (+14155550100) or "+
				"AC…/+14155550100 (%s). Got %q.", sidsInWords, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("sid"), sid)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_sid"), account)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("skip_destroy"), false)...)
}

// plannedNumber reads what a Create and an Update both take beyond the plan: whether friendly_name is
// configured (otherwise Twilio's default name is kept, see setIncomingNumberNameConfigured), and the account,
// the provider's own when the plan leaves it open. It reports false when the configuration could not be read.
func plannedNumber(ctx context.Context, config tfsdk.Config, client *twilioclient.Client, plan *incomingNumberModel, diags *diag.Diagnostics) (nameConfigured, ok bool) {
	var cfgName types.String
	if diags.Append(config.GetAttribute(ctx, path.Root("friendly_name"), &cfgName)...); diags.HasError() {
		return false, false
	}
	if plan.AccountSID.IsUnknown() || plan.AccountSID.ValueString() == "" {
		plan.AccountSID = types.StringValue(client.AccountSID())
	}
	return !cfgName.IsNull(), true
}
