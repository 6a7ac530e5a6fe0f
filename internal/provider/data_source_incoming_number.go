package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewIncomingNumberDataSource is the factory for the twilio_incoming_number data source.
func NewIncomingNumberDataSource() datasource.DataSource {
	return &dataSource[incomingNumberDataSourceModel]{dataSourceBase: dataSourceBase{name: "incoming_number"},
		schema: incomingNumberDataSourceSchema, exactlyOne: []string{"sid", "phone_number"}, read: readIncomingNumberDataSource}
}

type incomingNumberDataSourceModel struct {
	numberView
	DateUpdated types.String `tfsdk:"date_updated"`
}

func incomingNumberDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Looks up a phone number an account already owns, by SID or by the number itself: to " +
			"reference a number Terraform does not manage, or to see its current configuration before adopting it " +
			"into a `twilio_incoming_number` resource with an import. Reading it fails when the account has no such " +
			"number.",
		Attributes: map[string]schema.Attribute{
			"sid": lookupString("SID of the number (`PN…`). Exactly one of `sid` and `phone_number` must be set.", sidValidator("PN")),
			"phone_number": lookupString("The number in E.164 form, e.g. `+14155550100`. Exactly one of `sid` and "+
				"`phone_number` must be set.", e164Validator),
			"account_sid": lookupString("SID of the account (`AC…`) that owns the number: the provider's account or one "+
				"of its subaccounts. Defaults to the provider's account.", sidValidator("AC")),
			"friendly_name": computedString("Name of the number."),
			"voice_url":     computedString("URL Twilio requests when the number receives a call; null when unset."),
			"voice_method":  computedString("Method for `voice_url`."),
			"voice_application_sid": computedString("TwiML application that handles calls, or null. Twilio ignores " +
				"`voice_url` while it is set."),
			"studio_flow_sid": computedString("Studio flow that handles calls, when `voice_url` is the webhook of a flow in " +
				"the number's account; null otherwise."),
			"trunk_sid":              computedString("Elastic SIP trunk that receives calls, or null."),
			"voice_fallback_url":     computedString("URL Twilio requests when `voice_url` fails, or null."),
			"voice_fallback_method":  computedString("Method for `voice_fallback_url`."),
			"status_callback":        computedString("URL Twilio sends call status events to, or null."),
			"status_callback_method": computedString("Method for `status_callback`."),
			"voice_caller_id_lookup": computedBool("Whether Twilio looks up callers' names (CNAM)."),
			"sms_url":                computedString("URL Twilio requests when the number receives a message, or null."),
			"sms_method":             computedString("Method for `sms_url`."),
			"sms_fallback_url":       computedString("URL Twilio requests when `sms_url` fails, or null."),
			"sms_fallback_method":    computedString("Method for `sms_fallback_url`."),
			"sms_application_sid":    computedString("TwiML application that handles messages, or null."),
			"bundle_sid": computedString("Regulatory bundle (`BU…`) the number is kept under, or null; most countries " +
				"outside the US and Canada require one."),
			"capabilities": numberCapabilitiesDataSourceAttribute(),
			"date_created": computedString("When the number was bought (RFC 2822, as Twilio reports it)."),
			"date_updated": computedString("When the number was last changed (RFC 2822)."),
		},
	}
}

func readIncomingNumberDataSource(ctx context.Context, client *twilioclient.Client, cfg *incomingNumberDataSourceModel, diags *diag.Diagnostics) *incomingNumberDataSourceModel {
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
			diags.AddError(summary, fmt.Sprintf("Account %s has no %s. Check the value, and set "+
				"account_sid when the number belongs to a subaccount (the provider's account is the default).\n\n%s",
				accountSID, what, errorDetail(err)))
			return nil
		}
		diags.AddError(summary, errorDetail(err))
		return nil
	}
	var m incomingNumberDataSourceModel
	m.flatten(n)
	m.DateUpdated = stringValue(n.DateUpdated)
	return &m
}
