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

// NewAccountDataSource is the factory for twilio_account.
func NewAccountDataSource() datasource.DataSource {
	return &dataSource[accountDataSourceModel]{dataSourceBase: dataSourceBase{name: "account"},
		schema: accountDataSourceSchema, read: readAccountDataSource}
}

type accountDataSourceModel struct {
	SID             types.String `tfsdk:"sid"`
	FriendlyName    types.String `tfsdk:"friendly_name"`
	Status          types.String `tfsdk:"status"`
	Type            types.String `tfsdk:"type"`
	OwnerAccountSID types.String `tfsdk:"owner_account_sid"`
	DateCreated     types.String `tfsdk:"date_created"`
	DateUpdated     types.String `tfsdk:"date_updated"`
}

func accountDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Reads a Twilio account: the provider's own account, or one of its subaccounts by SID. " +
			"The auth token is deliberately not exposed.",
		Attributes: map[string]schema.Attribute{
			"sid":               lookupString("SID of the account (`AC…`). Defaults to the provider's account.", sidValidator("AC")),
			"friendly_name":     computedString("Name of the account."),
			"status":            computedString("`active`, `suspended` or `closed`."),
			"type":              computedString("`Trial` or `Full`."),
			"owner_account_sid": computedString("SID of the parent account; a main account is its own owner."),
			"date_created":      computedString("When the account was created (RFC 2822, as Twilio reports it)."),
			"date_updated":      computedString("When the account was last changed (RFC 2822)."),
		},
	}
}

func readAccountDataSource(ctx context.Context, client *twilioclient.Client, cfg *accountDataSourceModel, diags *diag.Diagnostics) *accountDataSourceModel {
	sid := accountOrProvider(cfg.SID, client)
	acct, err := client.FindAccount(ctx, sid)
	if err != nil {
		diags.AddError(fmt.Sprintf("Reading Twilio account %s", sid), errorDetail(err))
		return nil
	}
	return flattenAccountDataSource(acct)
}

func flattenAccountDataSource(a *twilioclient.Account) *accountDataSourceModel {
	return &accountDataSourceModel{
		SID:             stringValue(a.Sid),
		FriendlyName:    stringValue(a.FriendlyName),
		Status:          stringValue(a.Status),
		Type:            stringValue(a.Type),
		OwnerAccountSID: stringValue(a.OwnerAccountSid),
		DateCreated:     stringValue(a.DateCreated),
		DateUpdated:     stringValue(a.DateUpdated),
	}
}
