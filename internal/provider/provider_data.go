package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// providerData is what Configure hands to resources. client is nil while the provider configuration is
// still unknown (planned from values of resources not yet created).
type providerData struct {
	client *twilioclient.Client
	// kept and released are filled by twilio_incoming_number (deletes with skip_destroy; destroy plans) and
	// read by twilio_subaccount (close_guard.go).
	kept, released numberSet
	// accounts are the accounts known to exist (accounts_seen.go), one look-up per account and process.
	accounts seenAccounts
	// deleted are the numbers this apply released, which the close guard of their subaccount counts on.
	deleted numberSet
}

// configureClient extracts the provider data in a resource's, data source's or ephemeral resource's
// Configure. A nil result with no error means the provider is not configured yet (early validation).
func configureClient(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return pd
}

// ready returns the client, or adds an error when the provider configuration is still unknown at the
// time a Twilio call has to be made.
func (pd *providerData) ready(diags *diag.Diagnostics) *twilioclient.Client {
	if pd == nil || pd.client == nil {
		diags.AddError("Twilio provider is not configured",
			"The provider configuration depends on values that are not known yet (for example the SID and "+
				"auth token of a subaccount created in the same apply). Apply the resources it depends on first, "+
				"e.g. with -target, then apply again.")
		return nil
	}
	return pd.client
}

// known reports whether a client exists; Read uses it to leave state untouched when the provider cannot be
// configured yet instead of failing the whole plan.
func (pd *providerData) known() bool {
	return pd != nil && pd.client != nil
}

// validateCredentials turns missing or contradictory credentials into one attribute-pointed diagnostic
// that names both ways to authenticate.
func validateCredentials(cfg twilioclient.Config, diags *diag.Diagnostics) bool {
	const both = "Authenticate with account_sid and auth_token (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN), or " +
		"with account_sid and an API key pair, api_key_sid and api_key_secret (TWILIO_API_KEY and TWILIO_API_SECRET)."
	hasToken := cfg.AuthToken != ""
	hasKeySID, hasKeySecret := cfg.APIKeySID != "", cfg.APIKeySecret != ""
	switch {
	case cfg.AccountSID == "":
		diags.AddAttributeError(path.Root("account_sid"), "Missing Twilio account SID",
			"The provider needs the SID of the account to act as. "+both)
	case !twilioclient.ValidSID("AC", cfg.AccountSID):
		diags.AddAttributeError(path.Root("account_sid"), "Invalid Twilio account SID",
			"account_sid (or TWILIO_ACCOUNT_SID) must be AC followed by 32 hexadecimal digits.")
	case hasToken && (hasKeySID || hasKeySecret):
		diags.AddAttributeError(path.Root("auth_token"), "Conflicting Twilio credentials",
			"Both an auth token and an API key are configured (from attributes or environment variables); "+
				"set only one. "+both)
	case !hasToken && !hasKeySID && !hasKeySecret:
		diags.AddAttributeError(path.Root("auth_token"), "Missing Twilio credentials",
			"No auth token or API key is configured. "+both)
	case hasKeySID != hasKeySecret:
		missing := "api_key_secret"
		if !hasKeySID {
			missing = "api_key_sid"
		}
		diags.AddAttributeError(path.Root(missing), "Incomplete Twilio API key",
			"An API key needs both api_key_sid and api_key_secret. "+both)
	case hasKeySID && !twilioclient.ValidSID("SK", cfg.APIKeySID):
		diags.AddAttributeError(path.Root("api_key_sid"), "Invalid Twilio API key SID",
			"api_key_sid (or TWILIO_API_KEY) must be SK followed by 32 hexadecimal digits.")
	case cfg.BaseURL != "":
		if err := twilioclient.ValidateBaseURL(cfg.BaseURL); err != nil {
			diags.AddAttributeError(path.Root("base_url"), "Invalid Twilio base URL", err.Error()+".")
		}
	}
	if !diags.HasError() {
		validateRouting(cfg.Region, cfg.Edge, diags)
	}
	return !diags.HasError()
}

// validateRouting refuses a region or edge Twilio does not serve (unknown, or a retired region-style edge
// ID such as jp1) from attributes or TWILIO_REGION/TWILIO_EDGE, pointing at the attribute at fault.
func validateRouting(region, edge string, diags *diag.Diagnostics) {
	if _, _, err := twilioregion.Resolve(region, ""); err != nil {
		diags.AddAttributeError(path.Root("region"), "Invalid Twilio region", "region (or TWILIO_REGION): "+err.Error()+".")
		return
	}
	if _, _, err := twilioregion.Resolve("", edge); err != nil {
		diags.AddAttributeError(path.Root("edge"), "Invalid Twilio edge", "edge (or TWILIO_EDGE): "+err.Error()+".")
	}
}

// tfLogger sends the client layer's debug events to Terraform's log.
type tfLogger struct{}

func (tfLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(ctx, msg, fields)
}
