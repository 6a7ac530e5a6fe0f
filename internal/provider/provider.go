// Package provider is the Terraform glue: the provider configuration and one file per resource, data
// source and ephemeral resource. Twilio calls go through internal/twilioclient.
package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var (
	_ provider.Provider                       = (*twilioProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*twilioProvider)(nil)
	_ provider.ProviderWithListResources      = (*twilioProvider)(nil)
	_ provider.ProviderWithFunctions          = (*twilioProvider)(nil)
	_ provider.ProviderWithActions            = (*twilioProvider)(nil)
)

// Environment variables read when the matching attribute is not set: the names every Twilio SDK and the
// Twilio CLI use, plus the project's own for the emulator address.
const (
	EnvAccountSID   = "TWILIO_ACCOUNT_SID"
	EnvAuthToken    = "TWILIO_AUTH_TOKEN"
	EnvAPIKeySID    = "TWILIO_API_KEY"
	EnvAPIKeySecret = "TWILIO_API_SECRET"
	EnvRegion       = "TWILIO_REGION"
	EnvEdge         = "TWILIO_EDGE"
	EnvBaseURL      = "TWILIO_BASE_URL"
	EnvMaxRetries   = "TWILIO_MAX_RETRIES"
)

// New returns the provider factory for a given version string.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &twilioProvider{version: version}
	}
}

type twilioProvider struct {
	version string
}

type providerModel struct {
	AccountSID     types.String `tfsdk:"account_sid"`
	AuthToken      types.String `tfsdk:"auth_token"`
	APIKeySID      types.String `tfsdk:"api_key_sid"`
	APIKeySecret   types.String `tfsdk:"api_key_secret"`
	Region         types.String `tfsdk:"region"`
	Edge           types.String `tfsdk:"edge"`
	BaseURL        types.String `tfsdk:"base_url"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	MaxConcurrency types.Int64  `tfsdk:"max_concurrency"`
}

func (p *twilioProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "twilio"
	resp.Version = p.version
}

func (p *twilioProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages Twilio subaccounts, API keys, TwiML applications, phone numbers and access " +
			"tokens. Authenticate with an account SID and auth token, or an account SID and an API key pair; " +
			"every value can come from the environment variables Twilio's SDKs and CLI use.",
		Attributes: map[string]schema.Attribute{
			"account_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the account to act as (`AC…`). Defaults to `TWILIO_ACCOUNT_SID`.",
				Optional:            true,
				Validators:          []validator.String{sidValidator("AC")},
			},
			"auth_token": schema.StringAttribute{
				MarkdownDescription: "Auth token of the account. Defaults to `TWILIO_AUTH_TOKEN`. Conflicts with the API " +
					"key pair.",
				Optional:  true,
				Sensitive: true,
			},
			"api_key_sid": schema.StringAttribute{
				MarkdownDescription: "SID of an API key (`SK…`) to authenticate with instead of the auth token. " +
					"Defaults to `TWILIO_API_KEY`. Keys of a main account cannot manage its subaccounts' resources.",
				Optional:   true,
				Validators: []validator.String{sidValidator("SK")},
			},
			"api_key_secret": schema.StringAttribute{
				MarkdownDescription: "Secret of the API key. Defaults to `TWILIO_API_SECRET`.",
				Optional:            true,
				Sensitive:           true,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "Twilio processing region the requests go to: `us1`, `ie1` or `au1`. Defaults to " +
					"`TWILIO_REGION`; unset means Twilio's default host (`api.twilio.com`, processed in `us1`). A region " +
					"needs credentials made in that region. Without `edge`, the region's own edge is used (`us1` " +
					"`ashburn`, `ie1` `dublin`, `au1` `sydney`), so requests go to `{product}.{edge}.{region}.twilio.com`; " +
					"the retired `api.{region}.twilio.com` hosts are never used. The retired region-style IDs " +
					"(`br1`, `de1`, `jp1`, `sg1`, `us2`) are refused with the edge each became. Twilio does not offer " +
					"every product in every region: Functions and Assets (`twilio_serverless_*`) and Studio " +
					"(`twilio_studio_flow`, a public beta in `ie1`) are not offered in `au1`, and such resources are " +
					"refused at plan time there.",
				Optional:   true,
				Validators: []validator.String{routingValidator(false)},
			},
			"edge": schema.StringAttribute{
				MarkdownDescription: "Twilio edge location to send requests through: a public edge (`ashburn`, `dublin`, " +
					"`frankfurt`, `roaming`, `sao-paulo`, `singapore`, `sydney`, `tokyo`, `umatilla`, `osaka`) or, with " +
					"Twilio Interconnect, a private one (`ashburn-ix`, `frankfurt-ix`, `london-ix`, `san-jose-ix`, " +
					"`sao-paulo-ix`, `singapore-ix`, `sydney-ix`, `tokyo-ix`). Defaults to `TWILIO_EDGE`, then to the " +
					"region's own edge. An edge without a region means `us1`.",
				Optional:   true,
				Validators: []validator.String{routingValidator(true)},
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Send every request to this server instead of Twilio, for the project's local " +
					"Twilio emulator. Defaults to `TWILIO_BASE_URL`. Only `https://` URLs, or `http://` to a loopback " +
					"address (`127.0.0.1`, `::1`, `localhost`), are accepted.",
				Optional:   true,
				Validators: []validator.String{baseURLValidator},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times a rate-limited or failed request is retried "+
					"(with exponential backoff, honouring `Retry-After`). Defaults to `TWILIO_MAX_RETRIES` or %d.",
					twilioclient.DefaultMaxRetries),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"max_concurrency": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("Most requests in flight at once per set of credentials; Twilio "+
					"limits concurrent requests per account. Defaults to %d.", twilioclient.DefaultMaxConcurrency),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(1, 100)},
			},
		},
	}
}

func (p *twilioProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// NOTE: a provider block fed from other resources (a subaccount's SID and auth token) is unknown during
	// the first plan. Failing here would make such configurations impossible; resources get a placeholder
	// that lets plans through and errors only if a call must really be made.
	if cfg.anyUnknown() {
		handOut(resp, &providerData{})
		return
	}

	clientCfg := twilioclient.Config{
		AccountSID:     stringOrEnv(cfg.AccountSID, EnvAccountSID),
		AuthToken:      stringOrEnv(cfg.AuthToken, EnvAuthToken),
		APIKeySID:      stringOrEnv(cfg.APIKeySID, EnvAPIKeySID),
		APIKeySecret:   stringOrEnv(cfg.APIKeySecret, EnvAPIKeySecret),
		Region:         stringOrEnv(cfg.Region, EnvRegion),
		Edge:           stringOrEnv(cfg.Edge, EnvEdge),
		BaseURL:        stringOrEnv(cfg.BaseURL, EnvBaseURL),
		UserAgent:      "terraform-provider-twilio/" + p.version,
		MaxRetries:     twilioclient.DefaultMaxRetries,
		MaxConcurrency: int(cfg.MaxConcurrency.ValueInt64()),
		Logger:         tfLogger{},
	}
	if req.TerraformVersion != "" {
		clientCfg.UserAgent += " terraform/" + req.TerraformVersion
	}
	if !cfg.MaxRetries.IsNull() {
		clientCfg.MaxRetries = int(cfg.MaxRetries.ValueInt64())
	} else if v := os.Getenv(EnvMaxRetries); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 20 {
			resp.Diagnostics.AddAttributeError(path.Root("max_retries"), "Invalid "+EnvMaxRetries,
				fmt.Sprintf("%s must be a whole number from 0 to 20, got %q.", EnvMaxRetries, v))
			return
		}
		clientCfg.MaxRetries = n
	}

	if !validateCredentials(clientCfg, &resp.Diagnostics) {
		return
	}
	client, err := twilioclient.New(clientCfg)
	if err != nil {
		resp.Diagnostics.AddError("Invalid Twilio provider configuration", err.Error())
		return
	}
	handOut(resp, &providerData{client: client})
}

// handOut gives every kind of type the provider registers the same providerData (configureClient takes it).
func handOut(resp *provider.ConfigureResponse, data *providerData) {
	resp.ResourceData, resp.DataSourceData, resp.EphemeralResourceData, resp.ListResourceData = data, data, data, data
	resp.ActionData = data
}

// managedTypes are the resources, each with its list resource where users adopt it in bulk. Resources and
// ListResources both read this one table, so a type is registered once and a list resource always has its
// managed resource (the framework refuses one without).
var managedTypes = []struct {
	resource func() resource.Resource
	list     func() list.ListResource
}{
	{NewSubaccountResource, NewSubaccountListResource},
	{NewAPIKeyResource, NewAPIKeyListResource},
	{NewTwimlAppResource, NewTwimlAppListResource},
	{NewIncomingNumberResource, NewIncomingNumberListResource},
	{NewStudioFlowResource, NewStudioFlowListResource},
	{NewServerlessServiceResource, NewServerlessServiceListResource},
	{NewServerlessEnvironmentResource, nil},
	{NewServerlessVariableResource, nil},
	{NewServerlessFunctionResource, nil},
	{NewServerlessAssetResource, nil},
	{NewServerlessBuildResource, nil},
	{NewServerlessDeploymentResource, nil},
	{NewBundleCloneResource, nil},
	{NewAddressResource, NewAddressListResource},
	{NewUsageTriggerResource, NewUsageTriggerListResource},
	{NewA2PBrandRegistrationResource, NewA2PBrandRegistrationListResource},
	{NewA2PCampaignResource, NewA2PCampaignListResource},
	{NewTollfreeVerificationResource, NewTollfreeVerificationListResource},
	{NewDialingPermissionsResource, nil},
	{NewMessagingServiceResource, NewMessagingServiceListResource},
	{NewMessagingServicePhoneNumberResource, NewMessagingServicePhoneNumberListResource},
	{NewMessagingAlphaSenderResource, NewMessagingAlphaSenderListResource},
	{NewMessagingShortCodeResource, NewMessagingShortCodeListResource},
	{NewTrustHubEndUserResource, NewTrustHubEndUserListResource},
	{NewTrustHubSupportingDocumentResource, NewTrustHubSupportingDocumentListResource},
	{NewTrustHubCustomerProfileResource, NewTrustHubCustomerProfileListResource},
	{NewTrustHubTrustProductResource, NewTrustHubTrustProductListResource},
}

func (p *twilioProvider) Resources(_ context.Context) []func() resource.Resource {
	out := make([]func() resource.Resource, 0, len(managedTypes))
	for _, t := range managedTypes {
		out = append(out, t.resource)
	}
	return out
}

func (p *twilioProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewAccountDataSource,
		NewAccessTokenDataSource,
		NewAvailablePhoneNumbersDataSource,
		NewIncomingNumberDataSource,
		NewRegulatoryBundleDataSource,
	}
}

func (p *twilioProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		NewAccessTokenEphemeralResource,
	}
}

// ListResources are what `terraform query` (Terraform 1.14+) searches to adopt objects made outside
// Terraform.
func (p *twilioProvider) ListResources(_ context.Context) []func() list.ListResource {
	var out []func() list.ListResource
	for _, t := range managedTypes {
		if t.list != nil {
			out = append(out, t.list)
		}
	}
	return out
}

// Actions are operations a configuration triggers (Terraform 1.14+; OpenTofu has none).
func (p *twilioProvider) Actions(_ context.Context) []func() action.Action {
	return []func() action.Action{
		NewSubaccountStatusAction,
		NewSubaccountAuthTokenRotationAction,
	}
}

// Functions are pure (no Twilio call), so they work in any configuration, even before the provider is
// configured (Terraform 1.8+, OpenTofu 1.7+).
func (p *twilioProvider) Functions(_ context.Context) []func() function.Function {
	return []func() function.Function{
		NewE164Function,
		NewParseSIDFunction,
	}
}

func (cfg providerModel) anyUnknown() bool {
	for _, v := range []types.String{cfg.AccountSID, cfg.AuthToken, cfg.APIKeySID, cfg.APIKeySecret, cfg.Region, cfg.Edge, cfg.BaseURL} {
		if v.IsUnknown() {
			return true
		}
	}
	return cfg.MaxRetries.IsUnknown() || cfg.MaxConcurrency.IsUnknown()
}

func stringOrEnv(v types.String, env string) string {
	if !v.IsNull() {
		return v.ValueString()
	}
	return os.Getenv(env)
}
