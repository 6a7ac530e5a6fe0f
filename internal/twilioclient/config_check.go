package twilioclient

import (
	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// ConfigError is one thing wrong with a Config, tied to the provider attribute (and environment variable)
// it came from, so the provider can point at it. It never quotes a secret.
type ConfigError struct {
	// Attribute is the provider attribute at fault, e.g. "api_key_sid".
	Attribute string
	// Summary is a short title, e.g. "Invalid Twilio API key SID".
	Summary string
	// Detail says what is wrong and what to do.
	Detail string
}

func (e *ConfigError) Error() string { return e.Detail }

// bothWays names the two ways to authenticate, for every credential message.
const bothWays = "Authenticate with account_sid and auth_token (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN), or " +
	"with account_sid and an API key pair, api_key_sid and api_key_secret (TWILIO_API_KEY and TWILIO_API_SECRET)."

// Check is the one rule for a configuration's credentials, base URL, region and edge: the first problem
// found, or nil. New refuses what Check refuses, and the provider reports it on the attribute.
func (cfg Config) Check() *ConfigError {
	hasToken := cfg.AuthToken != ""
	hasKeySID, hasKeySecret := cfg.APIKeySID != "", cfg.APIKeySecret != ""
	switch {
	case cfg.AccountSID == "":
		return &ConfigError{"account_sid", "Missing Twilio account SID",
			"The provider needs the SID of the account to act as. " + bothWays}
	case !sids.Valid("AC", cfg.AccountSID):
		return &ConfigError{"account_sid", "Invalid Twilio account SID",
			"account_sid (or TWILIO_ACCOUNT_SID) must be " + sids.Shape("AC") + "."}
	case hasToken && (hasKeySID || hasKeySecret):
		return &ConfigError{"auth_token", "Conflicting Twilio credentials",
			"Both an auth token and an API key are configured (from attributes or environment variables); " +
				"set only one. " + bothWays}
	case !hasToken && !hasKeySID && !hasKeySecret:
		return &ConfigError{"auth_token", "Missing Twilio credentials",
			"No auth token or API key is configured. " + bothWays}
	case hasKeySID != hasKeySecret:
		missing := "api_key_secret"
		if !hasKeySID {
			missing = "api_key_sid"
		}
		return &ConfigError{missing, "Incomplete Twilio API key",
			"An API key needs both api_key_sid and api_key_secret. " + bothWays}
	case hasKeySID && !sids.Valid("SK", cfg.APIKeySID):
		return &ConfigError{"api_key_sid", "Invalid Twilio API key SID",
			"api_key_sid (or TWILIO_API_KEY) must be " + sids.Shape("SK") + "."}
	}
	if cfg.BaseURL != "" {
		if err := ValidateBaseURL(cfg.BaseURL); err != nil {
			return &ConfigError{"base_url", "Invalid Twilio base URL", err.Error() + "."}
		}
	}
	if _, _, err := twilioregion.Resolve(cfg.Region, ""); err != nil {
		return &ConfigError{"region", "Invalid Twilio region", "region (or TWILIO_REGION): " + err.Error() + "."}
	}
	if _, _, err := twilioregion.Resolve("", cfg.Edge); err != nil {
		return &ConfigError{"edge", "Invalid Twilio edge", "edge (or TWILIO_EDGE): " + err.Error() + "."}
	}
	if _, _, err := twilioregion.Resolve(cfg.Region, cfg.Edge); err != nil {
		return &ConfigError{"edge", "Invalid Twilio edge", "region and edge: " + err.Error() + "."}
	}
	return nil
}
