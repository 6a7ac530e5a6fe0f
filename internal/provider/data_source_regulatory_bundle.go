package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewRegulatoryBundleDataSource is the factory for the twilio_regulatory_bundle data source.
func NewRegulatoryBundleDataSource() datasource.DataSource { return newRegulatoryBundleDataSource() }

func newRegulatoryBundleDataSource() *dataSource[regulatoryBundleModel] {
	return &dataSource[regulatoryBundleModel]{dataSourceBase: dataSourceBase{name: "regulatory_bundle"},
		schema: regulatoryBundleDataSourceSchema, exactlyOne: []string{"sid", "friendly_name"}, read: readRegulatoryBundle}
}

type regulatoryBundleModel struct {
	SID            types.String `tfsdk:"sid"`
	FriendlyName   types.String `tfsdk:"friendly_name"`
	AccountSID     types.String `tfsdk:"account_sid"`
	Status         types.String `tfsdk:"status"`
	RegulationSID  types.String `tfsdk:"regulation_sid"`
	IsoCountry     types.String `tfsdk:"iso_country"`
	NumberType     types.String `tfsdk:"number_type"`
	EndUserType    types.String `tfsdk:"end_user_type"`
	Email          types.String `tfsdk:"email"`
	StatusCallback types.String `tfsdk:"status_callback"`
	ValidUntil     types.String `tfsdk:"valid_until"`
	DateCreated    types.String `tfsdk:"date_created"`
	DateUpdated    types.String `tfsdk:"date_updated"`
}

// bundleStatuses are Twilio's bundle statuses
// (https://www.twilio.com/docs/phone-numbers/regulatory/api/bundles#bundle-statuses).
var bundleStatuses = []string{
	twilioclient.BundleStatusDraft, twilioclient.BundleStatusPendingReview, twilioclient.BundleStatusInReview,
	twilioclient.BundleStatusRejected, twilioclient.BundleStatusApproved, twilioclient.BundleStatusProvisionallyApproved,
}

func regulatoryBundleDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Looks up a regulatory bundle: the end-user and documents Twilio approved for numbers " +
			"of one country and type. Most countries outside the US and Canada sell numbers only under a " +
			"`twilio-approved` bundle of the number's own account (`bundle_sid` of `twilio_incoming_number`); " +
			"`twilio_bundle_clone` copies a bundle of the main account into a subaccount.\n\n" +
			"Find it by `sid` or by `friendly_name`, optionally requiring a `status`. Reading fails, naming what " +
			"was found, when no bundle or more than one matches, or when the bundle found is not in the " +
			"required status. Bundles are made and submitted in the Twilio Console and reviewed by Twilio; " +
			"this provider does not create them.",
		Attributes: map[string]schema.Attribute{
			"sid": lookupString("SID of the bundle (`BU…`). Exactly one of `sid` and `friendly_name` must be set.", sidValidator("BU")),
			"friendly_name": lookupString("Name of the bundle, matched exactly. Exactly one of `sid` and `friendly_name` " +
				"must be set; the name must match exactly one bundle (with `status`, one bundle in that status)."),
			"account_sid": lookupString("SID of the account (`AC…`) that owns the bundle: the provider's account or one of "+
				"its subaccounts (read with the subaccount's own credentials, which needs the main account's auth "+
				"token). Defaults to the provider's account.", sidValidator("AC")),
			"status": lookupString("The bundle's status: one of `"+strings.Join(bundleStatuses, "`, `")+"`. When "+
				"set, only a bundle in this status matches, so `status = \"twilio-approved\"` fails the plan while "+
				"the bundle is not approved.", stringvalidator.OneOf(bundleStatuses...)),
			"regulation_sid":  computedString("SID (`RN…`) of the regulation the bundle was reviewed against."),
			"iso_country":     computedString("ISO 3166-1 alpha-2 country of the bundle's regulation, e.g. `GB`."),
			"number_type":     computedString("Number type of the bundle's regulation: `local`, `mobile`, `national` or `toll-free`."),
			"end_user_type":   computedString("End-user type of the bundle's regulation: `individual` or `business`."),
			"email":           computedString("Address Twilio sends status updates to."),
			"status_callback": computedString("URL Twilio calls when the status changes, or null."),
			"valid_until": computedString("When an approved bundle stops being valid (RFC 3339), or null when it has no end " +
				"date; Twilio sets one when a regulation changes and the bundle must be updated, and rejects the " +
				"bundle after it. Reading the bundle warns from 30 days before; a number's plan refuses a bundle " +
				"past it."),
			"date_created": computedString("When the bundle was created (RFC 3339)."),
			"date_updated": computedString("When the bundle was last changed (RFC 3339)."),
		},
	}
}

func readRegulatoryBundle(ctx context.Context, client *twilioclient.Client, cfg *regulatoryBundleModel, diags *diag.Diagnostics) *regulatoryBundleModel {
	account := accountOrProvider(cfg.AccountSID, client)
	status := cfg.Status.ValueString()
	var b *twilioclient.Bundle
	if sid := cfg.SID.ValueString(); sid != "" {
		summary := fmt.Sprintf("Reading Twilio regulatory bundle %s in account %s", sid, account)
		found, err := client.FindBundle(ctx, account, sid)
		switch {
		case twilioclient.IsNotFound(err):
			diags.AddAttributeError(path.Root("sid"), summary, fmt.Sprintf("Account %s has no bundle %s. "+
				"Check the SID, and set account_sid when the bundle belongs to a subaccount.\n\n%s", account, sid, errorDetail(err)))
			return nil
		case err != nil:
			diags.AddError(summary, errorDetail(err))
			return nil
		case status != "" && found.Status != status:
			diags.AddAttributeError(path.Root("status"), summary, fmt.Sprintf("Bundle %s (%q) is %s, not %s. "+
				"Twilio reviews submitted bundles; wait for the review, or use another bundle.", sid, found.FriendlyName,
				found.Status, status))
			return nil
		}
		b = found
	} else {
		name := cfg.FriendlyName.ValueString()
		summary := fmt.Sprintf("Reading Twilio regulatory bundle %q in account %s", name, account)
		list, err := client.ListBundles(ctx, account, twilioclient.BundleFilter{FriendlyName: name})
		if err != nil {
			diags.AddError(summary, errorDetail(err))
			return nil
		}
		var matches, others []string
		for i := range list {
			if status == "" || list[i].Status == status {
				matches = append(matches, list[i].SID)
				b = &list[i]
			} else {
				others = append(others, fmt.Sprintf("%s (%s)", list[i].SID, list[i].Status))
			}
		}
		switch {
		case len(matches) == 0 && len(others) > 0:
			diags.AddAttributeError(path.Root("status"), summary, fmt.Sprintf("No bundle named %q is %s; "+
				"account %s has %s. Twilio reviews submitted bundles; wait for the review, or choose another bundle.",
				name, status, account, strings.Join(others, ", ")))
			return nil
		case len(matches) == 0:
			diags.AddAttributeError(path.Root("friendly_name"), summary, fmt.Sprintf("Account %s has no "+
				"bundle named %q. Check the name (it is matched exactly), and set account_sid when the bundle "+
				"belongs to a subaccount.", account, name))
			return nil
		case len(matches) > 1:
			diags.AddAttributeError(path.Root("friendly_name"), summary, fmt.Sprintf("%d bundles of "+
				"account %s are named %q: %s. Look the one you mean up by sid, or narrow the match with status.",
				len(matches), account, name, strings.Join(matches, ", ")))
			return nil
		}
	}
	warnBundleExpiry(b, time.Now(), diags)
	return flattenRegulatoryBundle(b)
}

func flattenRegulatoryBundle(b *twilioclient.Bundle) *regulatoryBundleModel {
	return &regulatoryBundleModel{
		SID: types.StringValue(b.SID), FriendlyName: types.StringValue(b.FriendlyName),
		AccountSID: types.StringValue(b.AccountSID), Status: types.StringValue(b.Status),
		RegulationSID: optionalString(&b.RegulationSID), IsoCountry: optionalString(&b.IsoCountry),
		NumberType: optionalString(&b.NumberType), EndUserType: optionalString(&b.EndUserType),
		Email: types.StringValue(b.Email), StatusCallback: optionalString(&b.StatusCallback),
		ValidUntil: timeValue(b.ValidUntil), DateCreated: timeValue(b.DateCreated), DateUpdated: timeValue(b.DateUpdated),
	}
}
