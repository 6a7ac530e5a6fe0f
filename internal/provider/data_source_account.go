package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var _ datasource.DataSourceWithConfigure = (*accountDataSource)(nil)

// NewAccountDataSource is the factory for twilio_account.
func NewAccountDataSource() datasource.DataSource {
	return &accountDataSource{dataSourceBase: dataSourceBase{name: "account"}}
}

type accountDataSource struct {
	dataSourceBase
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

func (d *accountDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a Twilio account: the provider's own account, or one of its subaccounts by SID. " +
			"The auth token is deliberately not exposed.",
		Attributes: map[string]schema.Attribute{
			"sid": schema.StringAttribute{
				MarkdownDescription: "SID of the account (`AC…`). Defaults to the provider's account.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{sidValidator("AC")},
			},
			"friendly_name": schema.StringAttribute{MarkdownDescription: "Name of the account.", Computed: true},
			"status": schema.StringAttribute{
				MarkdownDescription: "`active`, `suspended` or `closed`.", Computed: true,
			},
			"type": schema.StringAttribute{MarkdownDescription: "`Trial` or `Full`.", Computed: true},
			"owner_account_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the parent account; a main account is its own owner.", Computed: true,
			},
			"date_created": schema.StringAttribute{
				MarkdownDescription: "When the account was created (RFC 2822, as Twilio reports it).", Computed: true,
			},
			"date_updated": schema.StringAttribute{
				MarkdownDescription: "When the account was last changed (RFC 2822).", Computed: true,
			},
		},
	}
}

func (d *accountDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, client := beginDataRead[accountDataSourceModel](ctx, &d.dataSourceBase, req, resp)
	if client == nil {
		return
	}
	sid := accountOrProvider(cfg.SID, client)
	acct, err := client.FindAccount(ctx, sid)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading Twilio account %s", sid), errorDetail(err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, flattenAccountDataSource(acct))...)
}

func flattenAccountDataSource(a *twilioclient.Account) accountDataSourceModel {
	return accountDataSourceModel{
		SID:             stringValue(a.Sid),
		FriendlyName:    stringValue(a.FriendlyName),
		Status:          stringValue(a.Status),
		Type:            stringValue(a.Type),
		OwnerAccountSID: stringValue(a.OwnerAccountSid),
		DateCreated:     stringValue(a.DateCreated),
		DateUpdated:     stringValue(a.DateUpdated),
	}
}
