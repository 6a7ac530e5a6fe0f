package provider

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ managedResource = (*addressResource)(nil)

// NewAddressResource is the factory for twilio_address.
func NewAddressResource() resource.Resource {
	r := &addressResource{resourceBase: resourceBase{name: "address"}}
	r.accountObject = accountObject[addressModel, twilioclient.Address]{base: &r.resourceBase,
		noun:  "address",
		byKey: (*twilioclient.Client).FindAddress, prefix: "AD",
		create:  r.create,
		flatten: flattenPlain(flattenAddress),
		// Every field is sent, so a Console edit the plan reverts is undone whatever it touched.
		update: func(ctx context.Context, c *twilioclient.Client, plan, state *addressModel) (*twilioclient.Address, error) {
			return c.UpdateAddress(ctx, state.AccountSID.ValueString(), state.SID.ValueString(), expandAddressUpdate(plan))
		},
		updateError: func(err error, summary string, plan, _ *addressModel, diags *diag.Diagnostics) bool {
			return addressSuggestionError(err, plan, summary, diags)
		},
		updated: func(ctx context.Context, _ *twilioclient.Client, a *twilioclient.Address, plan *addressModel, state *tfsdk.State, diags *diag.Diagnostics) {
			r.applied(ctx, a, plan, state, diags)
		},
		beforeDelete: addressInUse,
		remove:       removeByKey[addressModel]((*twilioclient.Client).DeleteAddress),
	}
	return r
}

type addressResource struct {
	resourceBase
	accountObject[addressModel, twilioclient.Address]
}

type addressModel struct {
	accountObjectFields
	CustomerName       types.String   `tfsdk:"customer_name"`
	FriendlyName       types.String   `tfsdk:"friendly_name"`
	Street             types.String   `tfsdk:"street"`
	StreetSecondary    types.String   `tfsdk:"street_secondary"`
	City               types.String   `tfsdk:"city"`
	Region             types.String   `tfsdk:"region"`
	PostalCode         types.String   `tfsdk:"postal_code"`
	IsoCountry         types.String   `tfsdk:"iso_country"`
	EmergencyEnabled   types.Bool     `tfsdk:"emergency_enabled"`
	AutoCorrectAddress types.Bool     `tfsdk:"auto_correct_address"`
	Validated          types.Bool     `tfsdk:"validated"`
	Verified           types.Bool     `tfsdk:"verified"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// isoCountryPattern is an ISO 3166-1 alpha-2 code, the form Twilio's IsoCountry takes.
var isoCountryPattern = regexp.MustCompile(`^[A-Z]{2}$`)

func requiredAddressPart(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Required:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

func (r *addressResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An address on file in an account (Twilio's Addresses API): the end user's physical " +
			"location, which some countries require before a number can be bought there (see " +
			"`address_requirements` of `twilio_available_phone_numbers` and `address_sid` of " +
			"`twilio_incoming_number`), and, when `emergency_enabled`, the location emergency calls from a number " +
			"report (`emergency_address_sid`).\n\n" +
			"An address can only be used by numbers of its own account. It cannot be deleted while a number " +
			"uses it: destroy or change those numbers first (Terraform does this in the right order when the " +
			"numbers refer to `twilio_address.<name>.sid`).",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("AD", "address"),
			// NOTE: Twilio cannot move an address to another account.
			"account_sid": accountSIDAttribute("address", stringplanmodifier.UseStateForUnknown(),
				stringplanmodifier.RequiresReplace()),
			"customer_name": requiredAddressPart("Name of the person or business at the address: yours, or your " +
				"customer's when the numbers are resold."),
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "A name for the address, at most 64 characters, or 32 for an `emergency_enabled` " +
					"address (Twilio's limits). Removing it from the configuration clears it in Twilio.",
				Optional:   true,
				Validators: friendlyNameValidators(),
			},
			"street": requiredAddressPart("Number and street."),
			"street_secondary": schema.StringAttribute{
				MarkdownDescription: "Apartment, suite, floor or building. Removing it from the configuration clears it " +
					"in Twilio.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"city":        requiredAddressPart("City."),
			"region":      requiredAddressPart("State or region; for US addresses the two-letter state code (`CA`)."),
			"postal_code": requiredAddressPart("Postal code."),
			"iso_country": schema.StringAttribute{
				MarkdownDescription: "Country, as an ISO 3166-1 alpha-2 code (`US`, `GB`). Twilio cannot change an " +
					"address's country, so changing it replaces the address (and a number that uses it must " +
					"then use the new one).",
				Required: true,
				Validators: []validator.String{stringvalidator.RegexMatches(isoCountryPattern,
					"must be an ISO 3166-1 alpha-2 country code in capitals, such as US or GB")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"emergency_enabled": falseByDefaultAttribute("Whether the address may be a number's emergency address (`emergency_address_sid`). " +
				"Defaults to `false`."),
			"auto_correct_address": falseByDefaultAttribute("Whether Twilio may store a corrected form of an address its validation nearly " +
				"matches. Defaults to `false`, unlike Twilio: Twilio then refuses the address (error 21629) and " +
				"names its suggestion, which the error shows at each attribute to change, so the configuration " +
				"stays what Twilio stores. With `true` the next plan " +
				"shows any correction Twilio made as a change to apply."),
			"validated": schema.BoolAttribute{
				MarkdownDescription: "Whether Twilio validated the address against local regulation; `false` also " +
					"where the country does not require validation.",
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"verified": schema.BoolAttribute{
				MarkdownDescription: "Whether the address is verified by documents (regulatory bundles).",
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

func (r *addressResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	checkEmergencyFriendlyName(ctx, req, resp)
	r.defaultAccountSID(ctx, req, resp, false)
}

func (r *addressResource) create(ctx context.Context, client *twilioclient.Client, plan *addressModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	accountSID, customer := plan.AccountSID.ValueString(), plan.CustomerName.ValueString()
	what, summary := fmt.Sprintf("an address for %q", customer), fmt.Sprintf("Creating address in account %s", accountSID)
	a := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.Address]{
		kind: "address", scope: accountSID, name: customer, what: what, summary: summary,
		find: func(ctx context.Context, since time.Time) ([]twilioclient.Address, error) {
			return client.FindAddressesCreatedSince(ctx, accountSID, customer, since)
		},
		check: func(a *twilioclient.Address) candidate {
			var m addressModel
			flattenAddress(a, &m)
			return differsIf(*a.Sid, !reflect.DeepEqual(addressFields(&m), addressFields(plan)),
				"street, city, region, postal code, country or flags")
		},
		failed: func(err error, _ *createRecord) *twilioclient.Address {
			if !addressSuggestionError(err, plan, summary, &resp.Diagnostics) {
				resp.Diagnostics.AddError(summary, errorDetail(err)+ambiguousCreateHint(err, "address", what))
			}
			return nil
		},
	}, func(ctx context.Context) (*twilioclient.Address, error) {
		return client.CreateAddress(ctx, accountSID, expandAddressCreate(plan))
	})
	if a == nil {
		return
	}
	r.applied(ctx, a, plan, &resp.State, &resp.Diagnostics)
}

// addressInUse refuses to delete an address a number uses. A number must keep the address its country
// requires, and an emergency address is what emergency services are sent to: the provider refuses rather
// than rely on Twilio's answer (which Twilio does not document). A failed check leaves the decision to Twilio.
func addressInUse(ctx context.Context, c *twilioclient.Client, m *addressModel, diags *diag.Diagnostics) bool {
	account, sid := m.objectKey()
	users, listErr := c.NumbersUsingAddress(ctx, account, sid)
	if listErr != nil || len(users) == 0 {
		return false
	}
	diags.AddError(fmt.Sprintf("Address %s is in use", sid),
		fmt.Sprintf("Address %s of account %s is the address or emergency address of %s, so it cannot be "+
			"deleted. Destroy those numbers, or change their address_sid / emergency_address_sid to another "+
			"address, first; when the numbers refer to this resource (twilio_address.<name>.sid) Terraform "+
			"does it in that order by itself.", sid, account, strings.Join(users, ", ")))
	return true
}

// applied records a create or update: the computed attributes from Twilio's answer, the configured ones
// as planned. Should Twilio have corrected the address (auto_correct_address), the next refresh shows the
// difference as a change, rather than this apply failing as inconsistent.
func (r *addressResource) applied(ctx context.Context, a *twilioclient.Address, m *addressModel, state *tfsdk.State, diags *diag.Diagnostics) {
	m.SID = stringValue(a.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(a.AccountSid)
	m.Validated = types.BoolValue(a.Validated != nil && *a.Validated)
	m.Verified = types.BoolValue(a.Verified != nil && *a.Verified)
	m.DateCreated = stringValue(a.DateCreated)
	diags.Append(state.Set(ctx, *m)...)
}

func expandAddressCreate(m *addressModel) *twilioclient.CreateAddressParams {
	p := &twilioclient.CreateAddressParams{}
	p.SetCustomerName(m.CustomerName.ValueString())
	p.SetStreet(m.Street.ValueString())
	p.StreetSecondary = m.StreetSecondary.ValueStringPointer()
	p.SetCity(m.City.ValueString())
	p.SetRegion(m.Region.ValueString())
	p.SetPostalCode(m.PostalCode.ValueString())
	p.SetIsoCountry(m.IsoCountry.ValueString())
	p.FriendlyName = m.FriendlyName.ValueStringPointer()
	p.SetEmergencyEnabled(m.EmergencyEnabled.ValueBool())
	p.SetAutoCorrectAddress(m.AutoCorrectAddress.ValueBool())
	return p
}

// expandAddressUpdate sends every field; an optional one that is null in the plan is sent empty, which
// clears it.
func expandAddressUpdate(m *addressModel) *twilioclient.UpdateAddressParams {
	p := &twilioclient.UpdateAddressParams{}
	p.SetCustomerName(m.CustomerName.ValueString())
	p.SetStreet(m.Street.ValueString())
	p.StreetSecondary = clearable(m.StreetSecondary)
	p.SetCity(m.City.ValueString())
	p.SetRegion(m.Region.ValueString())
	p.SetPostalCode(m.PostalCode.ValueString())
	p.FriendlyName = clearable(m.FriendlyName)
	p.SetEmergencyEnabled(m.EmergencyEnabled.ValueBool())
	p.SetAutoCorrectAddress(m.AutoCorrectAddress.ValueBool())
	return p
}

// addressFields are what a create sends and Twilio stores, for matching an address found after a lost
// answer.
func addressFields(m *addressModel) [9]string {
	return [9]string{m.CustomerName.ValueString(), m.FriendlyName.ValueString(), m.Street.ValueString(),
		m.StreetSecondary.ValueString(), m.City.ValueString(), m.Region.ValueString(), m.PostalCode.ValueString(),
		m.IsoCountry.ValueString(), fmt.Sprint(m.EmergencyEnabled.ValueBool())}
}

// flattenAddress maps Twilio's address onto the model. auto_correct_address is a request flag Twilio does
// not store: it keeps its configured value, or false.
func flattenAddress(a *twilioclient.Address, m *addressModel) {
	m.SID = stringValue(a.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(a.AccountSid)
	m.CustomerName = stringValue(a.CustomerName)
	m.FriendlyName = optionalString(a.FriendlyName)
	m.Street = stringValue(a.Street)
	m.StreetSecondary = optionalString(a.StreetSecondary)
	m.City = stringValue(a.City)
	m.Region = stringValue(a.Region)
	m.PostalCode = stringValue(a.PostalCode)
	m.IsoCountry = stringValue(a.IsoCountry)
	m.EmergencyEnabled = types.BoolValue(a.EmergencyEnabled != nil && *a.EmergencyEnabled)
	m.AutoCorrectAddress = falseWhenNull(m.AutoCorrectAddress)
	m.Validated = types.BoolValue(a.Validated != nil && *a.Validated)
	m.Verified = types.BoolValue(a.Verified != nil && *a.Verified)
	m.DateCreated = stringValue(a.DateCreated)
}

// maxEmergencyFriendlyName is Twilio's limit for an emergency address's friendly name: "up to 64
// characters long for Regulatory Compliance addresses and 32 characters long for Emergency addresses"
// (FriendlyName of UpdateAddress, api v2010). CreateAddress states only 64, but the provider sends the
// friendly name with every update, so a longer name on an emergency address would be refused by the first
// update after the create: it is refused before the create too.
const maxEmergencyFriendlyName = 32

// checkEmergencyFriendlyName refuses, at plan time, a friendly name Twilio would refuse for an emergency
// address, when the plan creates the address or changes its name or emergency_enabled. A destroy, or a plan
// that leaves both as they are (an address made in the Console with a longer name and imported), is never
// blocked by it.
func checkEmergencyFriendlyName(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan addressModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !plan.EmergencyEnabled.ValueBool() || plan.FriendlyName.IsUnknown() {
		return
	}
	if !req.State.Raw.IsNull() {
		var state addressModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if resp.Diagnostics.HasError() || (state.FriendlyName.Equal(plan.FriendlyName) && state.EmergencyEnabled.Equal(plan.EmergencyEnabled)) {
			return
		}
	}
	if n := utf8.RuneCountInString(plan.FriendlyName.ValueString()); n > maxEmergencyFriendlyName {
		resp.Diagnostics.AddAttributeError(path.Root("friendly_name"), "Friendly name too long for an emergency address",
			fmt.Sprintf("friendly_name has %d characters; Twilio allows at most %d for an address with "+
				"emergency_enabled = true (64 for other addresses). Shorten it.", n, maxEmergencyFriendlyName))
	}
}

// addressSuggestionFields maps the fields of Twilio's 21629 suggestion to the attributes that hold them.
var addressSuggestionFields = []struct{ field, attr string }{
	{"CustomerName", "customer_name"}, {"Street", "street"}, {"Locality", "city"}, {"Region", "region"},
	{"PostalCode", "postal_code"}, {"IsoCountry", "iso_country"},
}

// addressSuggestionError turns Twilio's 21629 (the address nearly matches a valid one and
// auto_correct_address is false) into errors at the attributes whose value differs from Twilio's suggestion,
// each naming the suggested value, so the fix is where the error points. Twilio writes the suggestion into
// the message: "Failed to validate address. Check the suggested address. | FriendlyName: …, Street: …, …"
// (https://www.twilio.com/docs/sip-trunking/api/emergency-calling). It reports false for other errors.
func addressSuggestionError(err error, plan *addressModel, summary string, diags *diag.Diagnostics) bool {
	var te *twilioclient.Error
	if !twilioclient.IsCode(err, 21629) || !errors.As(err, &te) {
		return false
	}
	suggested := parseAddressSuggestion(te.Message)
	have := map[string]string{"customer_name": plan.CustomerName.ValueString(), "street": plan.Street.ValueString(),
		"city": plan.City.ValueString(), "region": plan.Region.ValueString(), "postal_code": plan.PostalCode.ValueString(),
		"iso_country": plan.IsoCountry.ValueString()}
	fix := "Write the suggested value in the configuration if it is the right address, or set " +
		"auto_correct_address = true to let Twilio store its correction (the next plan then shows it as a change)."
	pointed := false
	for _, f := range addressSuggestionFields {
		v, ok := suggested[f.field]
		if !ok || strings.EqualFold(strings.TrimSpace(v), strings.TrimSpace(have[f.attr])) {
			continue
		}
		pointed = true
		diags.AddAttributeError(path.Root(f.attr), summary,
			fmt.Sprintf("Twilio could not validate the address as written and suggests %s = %q instead of %q. %s\n\n%s",
				f.attr, v, have[f.attr], fix, errorDetail(err)))
	}
	if !pointed {
		diags.AddAttributeError(path.Root("street"), summary,
			fmt.Sprintf("Twilio could not validate the address as written and suggests another form of it. %s\n\n%s",
				fix, errorDetail(err)))
	}
	return true
}

// parseAddressSuggestion reads the "Key: value, Key: value" list after the "|" of a 21629 message.
func parseAddressSuggestion(msg string) map[string]string {
	_, list, ok := strings.Cut(msg, "|")
	if !ok {
		return nil
	}
	out := map[string]string{}
	key := ""
	for _, part := range strings.Split(list, ",") {
		k, v, ok := strings.Cut(part, ":")
		if k = strings.TrimSpace(k); ok && k != "" && !strings.Contains(k, " ") {
			key = k
			out[key] = strings.TrimSpace(v)
		} else if key != "" {
			// A comma inside a value (a street such as "1 Main St, Suite 2").
			out[key] += "," + part
		}
	}
	return out
}
