package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var (
	_ datasource.DataSourceWithConfigure        = (*incomingNumberDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*incomingNumberDataSource)(nil)
)

// NewIncomingNumberDataSource is the factory for the twilio_incoming_number data source.
func NewIncomingNumberDataSource() datasource.DataSource {
	return &incomingNumberDataSource{dataSourceBase: dataSourceBase{name: "incoming_number"}}
}

type incomingNumberDataSource struct {
	dataSourceBase
}

type incomingNumberDataSourceModel struct {
	numberView
	DateUpdated types.String `tfsdk:"date_updated"`
}

func (d *incomingNumberDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a phone number an account already owns, by SID or by the number itself: to " +
			"reference a number Terraform does not manage, or to see its current configuration before adopting it " +
			"into a `twilio_incoming_number` resource with an import. Reading it fails when the account has no such " +
			"number.",
		Attributes: map[string]schema.Attribute{
			"sid": schema.StringAttribute{
				MarkdownDescription: "SID of the number (`PN…`). Exactly one of `sid` and `phone_number` must be set.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{sidValidator("PN")},
			},
			"phone_number": schema.StringAttribute{
				MarkdownDescription: "The number in E.164 form, e.g. `+14155550100`. Exactly one of `sid` and " +
					"`phone_number` must be set.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{e164Validator},
			},
			"account_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the account (`AC…`) that owns the number: the provider's account or one " +
					"of its subaccounts. Defaults to the provider's account.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{sidValidator("AC")},
			},
			"friendly_name": str("Name of the number."),
			"voice_url":     str("URL Twilio requests when the number receives a call; null when unset."),
			"voice_method":  str("Method for `voice_url`."),
			"voice_application_sid": str("TwiML application that handles calls, or null. Twilio ignores " +
				"`voice_url` while it is set."),
			"studio_flow_sid": str("Studio flow that handles calls, when `voice_url` is the webhook of a flow in " +
				"the number's account; null otherwise."),
			"trunk_sid":              str("Elastic SIP trunk that receives calls, or null."),
			"voice_fallback_url":     str("URL Twilio requests when `voice_url` fails, or null."),
			"voice_fallback_method":  str("Method for `voice_fallback_url`."),
			"status_callback":        str("URL Twilio sends call status events to, or null."),
			"status_callback_method": str("Method for `status_callback`."),
			"voice_caller_id_lookup": schema.BoolAttribute{
				MarkdownDescription: "Whether Twilio looks up callers' names (CNAM).", Computed: true,
			},
			"sms_url":             str("URL Twilio requests when the number receives a message, or null."),
			"sms_method":          str("Method for `sms_url`."),
			"sms_fallback_url":    str("URL Twilio requests when `sms_url` fails, or null."),
			"sms_fallback_method": str("Method for `sms_fallback_url`."),
			"sms_application_sid": str("TwiML application that handles messages, or null."),
			"bundle_sid": str("Regulatory bundle (`BU…`) the number is kept under, or null; most countries " +
				"outside the US and Canada require one."),
			"capabilities": schema.SingleNestedAttribute{
				MarkdownDescription: "What the number can do.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"voice": schema.BoolAttribute{MarkdownDescription: "Receives and makes calls.", Computed: true},
					"sms":   schema.BoolAttribute{MarkdownDescription: "Receives and sends SMS.", Computed: true},
					"mms":   schema.BoolAttribute{MarkdownDescription: "Receives and sends MMS.", Computed: true},
					"fax":   schema.BoolAttribute{MarkdownDescription: "Receives and sends faxes.", Computed: true},
				},
			},
			"date_created": str("When the number was bought (RFC 2822, as Twilio reports it)."),
			"date_updated": str("When the number was last changed (RFC 2822)."),
		},
	}
}

func (d *incomingNumberDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("sid"), path.MatchRoot("phone_number")),
	}
}

func (d *incomingNumberDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, client := beginDataRead[incomingNumberDataSourceModel](ctx, &d.dataSourceBase, req, resp)
	if client == nil {
		return
	}
	accountSID := accountOrProvider(cfg.AccountSID, client)
	var (
		n    *twilioclient.IncomingNumber
		err  error
		what string
	)
	if sid := cfg.SID.ValueString(); sid != "" {
		what = "number " + sid
		n, err = client.FindIncomingNumber(ctx, accountSID, sid)
	} else {
		what = "number " + cfg.PhoneNumber.ValueString()
		n, err = client.FindIncomingNumberByPhoneNumber(ctx, accountSID, cfg.PhoneNumber.ValueString())
	}
	if err != nil {
		summary := fmt.Sprintf("Reading Twilio incoming %s in account %s", what, accountSID)
		if twilioclient.IsNotFound(err) {
			resp.Diagnostics.AddError(summary, fmt.Sprintf("Account %s has no %s. Check the value, and set "+
				"account_sid when the number belongs to a subaccount (the provider's account is the default).\n\n%s",
				accountSID, what, errorDetail(err)))
			return
		}
		resp.Diagnostics.AddError(summary, errorDetail(err))
		return
	}
	var m incomingNumberDataSourceModel
	m.flatten(n)
	m.DateUpdated = stringValue(n.DateUpdated)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
