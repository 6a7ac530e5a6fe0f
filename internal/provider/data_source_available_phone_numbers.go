package provider

import (
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewAvailablePhoneNumbersDataSource is the factory for twilio_available_phone_numbers.
func NewAvailablePhoneNumbersDataSource() datasource.DataSource {
	return &dataSource[availablePhoneNumbersModel]{dataSourceBase: dataSourceBase{name: "available_phone_numbers"},
		schema: availablePhoneNumbersSchema, read: searchAvailablePhoneNumbers}
}

type availablePhoneNumbersModel struct {
	Country      types.String `tfsdk:"country"`
	Type         types.String `tfsdk:"type"`
	AreaCode     types.String `tfsdk:"area_code"`
	Contains     types.String `tfsdk:"contains"`
	Capabilities types.Set    `tfsdk:"capabilities"`
	Limit        types.Int64  `tfsdk:"limit"`
	Numbers      types.List   `tfsdk:"numbers"`
}

// availablePhoneNumbersDefaultLimit keeps the state small while leaving enough numbers to choose from.
const availablePhoneNumbersDefaultLimit = 20

var (
	availablePhoneNumberType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"phone_number": types.StringType, "friendly_name": types.StringType, "locality": types.StringType,
		"region": types.StringType, "postal_code": types.StringType, "iso_country": types.StringType,
		"rate_center": types.StringType, "lata": types.StringType, "address_requirements": types.StringType,
		"beta":         types.BoolType,
		"capabilities": types.ObjectType{AttrTypes: numberCapabilityTypes},
	}}
	availablePhoneNumbersTypes = []string{twilioclient.NumberTypeLocal, twilioclient.NumberTypeMobile, twilioclient.NumberTypeTollFree}
)

func availablePhoneNumbersSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Searches the phone numbers Twilio offers for purchase, to pick one for " +
			"`twilio_incoming_number.phone_number`.\n\n" +
			"Twilio's offer changes from minute to minute, so the result is a snapshot: each read may return other " +
			"numbers. Feed a chosen number into a resource only with care (for example through a variable you " +
			"pin after the first apply), or Terraform may plan to replace the number when the search changes. " +
			"A search that matches nothing returns an empty `numbers` list; a `type` Twilio does not sell in " +
			"`country` (such as `mobile` in `US`) is an error.",
		Attributes: map[string]schema.Attribute{
			"country": schema.StringAttribute{
				MarkdownDescription: "ISO 3166-1 alpha-2 code of the country, e.g. `US` or `GB`.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(regexp.MustCompile(`^[A-Z]{2}$`), "must be an ISO 3166-1 alpha-2 code in capitals, such as US or GB"),
				},
			},
			"type": lookupString("`local` (default), `mobile` or `toll_free`. Not every country has every type: "+
				"Twilio sells no `mobile` numbers in the US, for example.", stringvalidator.OneOf(availablePhoneNumbersTypes...)),
			"area_code": schema.StringAttribute{
				MarkdownDescription: "Three-digit area code, e.g. `415`. Twilio applies it to US and Canadian numbers only.",
				Optional:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(regexp.MustCompile(`^[2-9][0-9]{2}$`), "must be a three-digit area code of the US or Canada, such as 415"),
				},
			},
			"contains": schema.StringAttribute{
				MarkdownDescription: "Pattern the number must contain: at least two digits, letters (matched as keypad " +
					"digits, so `TWILIO` finds 894546) or `*` for any one digit. A leading `+` anchors it at the start " +
					"of the E.164 number, e.g. `+1415`.",
				Optional: true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(regexp.MustCompile(`^\+?[0-9A-Za-z*]{2,}$`),
						"must be at least two digits, letters or *, optionally after a leading +"),
				},
			},
			"capabilities": schema.SetAttribute{
				MarkdownDescription: "Capabilities every returned number must have: any of `voice`, `sms`, `mms` and " +
					"`fax`. Unset means any.",
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.Set{
					setvalidator.ValueStringsAre(stringvalidator.OneOf("voice", "sms", "mms", "fax")),
				},
			},
			"limit": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("Most numbers to return, 1 to 1000; defaults to %d. Twilio may "+
					"return fewer.", availablePhoneNumbersDefaultLimit),
				Optional:   true,
				Computed:   true,
				Validators: []validator.Int64{int64validator.Between(1, 1000)},
			},
			"numbers": schema.ListNestedAttribute{
				MarkdownDescription: "The numbers found, in Twilio's order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"phone_number":  computedString("The number in E.164 form, e.g. `+14155550100`."),
					"friendly_name": computedString("The number formatted for people, e.g. `(415) 555-0100`."),
					"locality":      computedString("City of the number, where Twilio knows it."),
					"region":        computedString("State, province or region abbreviation, where Twilio knows it."),
					"postal_code":   computedString("Postal code of the number's location, where Twilio knows it."),
					"iso_country":   computedString("ISO 3166-1 alpha-2 country of the number."),
					"rate_center":   computedString("Rate center (US and Canada only)."),
					"lata":          computedString("Local access and transport area (US and Canada only)."),
					"address_requirements": computedString("Address Twilio requires before selling the number: `none`, `any`, " +
						"`local` or `foreign`."),
					"beta":         computedBool("Whether the number is new to Twilio's platform."),
					"capabilities": numberCapabilitiesDataSourceAttribute(),
				}},
			},
		},
	}
}

func searchAvailablePhoneNumbers(ctx context.Context, client *twilioclient.Client, cfg *availablePhoneNumbersModel, diags *diag.Diagnostics) *availablePhoneNumbersModel {
	if cfg.Type.IsNull() {
		cfg.Type = types.StringValue(twilioclient.NumberTypeLocal)
	}
	if cfg.Limit.IsNull() {
		cfg.Limit = types.Int64Value(availablePhoneNumbersDefaultLimit)
	}
	q := twilioclient.AvailableNumberQuery{
		Country: cfg.Country.ValueString(), Type: cfg.Type.ValueString(), Contains: cfg.Contains.ValueString(),
		Limit: int(cfg.Limit.ValueInt64()),
	}
	if !cfg.AreaCode.IsNull() {
		// The validator admits three digits only, so this cannot fail.
		q.AreaCode, _ = strconv.Atoi(cfg.AreaCode.ValueString())
	}
	var caps []string
	diags.Append(cfg.Capabilities.ElementsAs(ctx, &caps, false)...)
	if diags.HasError() {
		return nil
	}
	for _, c := range caps {
		switch c {
		case "voice":
			q.Voice = true
		case "sms":
			q.SMS = true
		case "mms":
			q.MMS = true
		case "fax":
			q.Fax = true
		}
	}

	found, err := client.SearchAvailableNumbers(ctx, client.AccountSID(), q)
	if err != nil {
		if twilioclient.IsNotFound(err) {
			// NOTE: Twilio answers 404 for a country and type it has no numbers of at all, e.g. US mobile
			// numbers or a country code it does not know, which differs from a search that matches nothing.
			diags.AddAttributeError(path.Root("type"), "No such Twilio phone numbers",
				fmt.Sprintf("Twilio offers no %s numbers in %q (for example, it sells no mobile numbers in the US), or "+
					"%q is not a country it sells numbers in. Try another type, or check the country code.\n\n%s",
					q.Type, q.Country, q.Country, errorDetail(err)))
			return nil
		}
		diags.AddError(fmt.Sprintf("Searching Twilio's available %s numbers in %s", q.Type, q.Country), errorDetail(err))
		return nil
	}
	numbers, d := flattenAvailablePhoneNumbers(found)
	if diags.Append(d...); diags.HasError() {
		return nil
	}
	cfg.Numbers = numbers
	return cfg
}

func flattenAvailablePhoneNumbers(found []twilioclient.AvailableNumber) (types.List, diag.Diagnostics) {
	var diags diag.Diagnostics
	elems := make([]attr.Value, 0, len(found))
	for _, n := range found {
		var c twilioclient.AvailableNumberCapabilities
		if n.Capabilities != nil {
			c = *n.Capabilities
		}
		caps := numberCapabilities(c.Voice, c.Sms, c.Mms, c.Fax)
		obj, d := types.ObjectValue(availablePhoneNumberType.AttrTypes, map[string]attr.Value{
			"phone_number":         stringValue(n.PhoneNumber),
			"friendly_name":        stringValue(n.FriendlyName),
			"locality":             optionalString(n.Locality),
			"region":               optionalString(n.Region),
			"postal_code":          optionalString(n.PostalCode),
			"iso_country":          stringValue(n.IsoCountry),
			"rate_center":          optionalString(n.RateCenter),
			"lata":                 optionalString(n.Lata),
			"address_requirements": optionalString(n.AddressRequirements),
			"beta":                 types.BoolValue(n.Beta != nil && *n.Beta),
			"capabilities":         caps,
		})
		diags.Append(d...)
		elems = append(elems, obj)
	}
	list, d := types.ListValue(availablePhoneNumberType, elems)
	diags.Append(d...)
	return list, diags
}
