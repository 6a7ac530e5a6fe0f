package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
)

// NOTE: there is deliberately no Renew: a Twilio access token cannot be extended, only replaced, and a
// replacement would be a different value than the one Terraform already handed out.
var (
	_ ephemeral.EphemeralResourceWithConfigure      = (*accessTokenEphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithValidateConfig = (*accessTokenEphemeralResource)(nil)
)

// NewAccessTokenEphemeralResource is the factory for the twilio_access_token ephemeral resource.
func NewAccessTokenEphemeralResource() ephemeral.EphemeralResource {
	return &accessTokenEphemeralResource{}
}

type accessTokenEphemeralResource struct {
	data *providerData
}

const accessTokenEphemeralDescription = "Mints a Twilio access token: the short-lived JWT that Twilio's " +
	"client-side SDKs (Voice, Video, Conversations, Sync) present to Twilio, signed with an API key. The token " +
	"is built locally; no request is sent to Twilio. Requires Terraform 1.10+ or OpenTofu 1.11+.\n\n" +
	"Unlike the `twilio_access_token` data source, the token is **never written to the plan or the state**. " +
	"A fresh token is minted each time Terraform runs (once for the plan, once for the apply), and it can only " +
	"be used where ephemeral values are accepted: write-only arguments (Terraform 1.11+, OpenTofu 1.11+), " +
	"provider configuration blocks, other ephemeral resources, locals, and ephemeral variables and outputs of " +
	"modules. To hand a token to something that keeps it, such as a secret store, pass it to a write-only " +
	"argument.\n\n" +
	"Tokens cannot be renewed or extended: choose a `ttl` that covers their use after the run ends."

func (r *accessTokenEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_token"
}

func (r *accessTokenEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = accessTokenEphemeralSchema(accessTokenEphemeralDescription)
}

func (r *accessTokenEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	r.data = configureClient(req.ProviderData, &resp.Diagnostics)
}

func (r *accessTokenEphemeralResource) ValidateConfig(ctx context.Context, req ephemeral.ValidateConfigRequest, resp *ephemeral.ValidateConfigResponse) {
	validateAccessTokenConfig(ctx, req.Config, &resp.Diagnostics)
}

func (r *accessTokenEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	if m, ok := mintConfigured(ctx, req.Config, r.data, &resp.Diagnostics); ok {
		resp.Diagnostics.Append(resp.Result.Set(ctx, m)...)
	}
}
