package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

var _ datasource.DataSourceWithValidateConfig = (*accessTokenDataSource)(nil)

// NewAccessTokenDataSource is the factory for the twilio_access_token data source.
func NewAccessTokenDataSource() datasource.DataSource {
	return &accessTokenDataSource{dataSource[accessTokenModel]{dataSourceBase: dataSourceBase{name: "access_token"},
		schema: func() dsschema.Schema { return accessTokenDataSourceSchema(accessTokenDataSourceDescription) }}}
}

// accessTokenDataSource mints locally, with no request to Twilio: its own Read takes the place of the
// data-source base's.
type accessTokenDataSource struct {
	dataSource[accessTokenModel]
}

const accessTokenDataSourceDescription = "Mints a Twilio access token: the short-lived JWT that Twilio's " +
	"client-side SDKs (Voice, Video, Conversations, Sync) present to Twilio, signed with an API key. The token " +
	"is built locally; no request is sent to Twilio.\n\n" +
	"~> **A new token is minted at every read**, so `token`, `jti` and `expires_at` change at every plan and " +
	"refresh, and anything that uses them plans a change every time. The token is also stored in the state " +
	"(marked sensitive). With Terraform 1.10+ or OpenTofu 1.11+, use the `twilio_access_token` **ephemeral " +
	"resource** instead: it takes the same arguments and keeps the token out of plan and state.\n\n" +
	"Use this data source only with older versions, or to hand a token to something that must store it, such " +
	"as a sensitive output that a deployment script reads."

func (d *accessTokenDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	validateAccessTokenConfig(ctx, req.Config, &resp.Diagnostics)
}

func (d *accessTokenDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if m, ok := mintConfigured(ctx, req.Config, d.data, &resp.Diagnostics); ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
	}
}
