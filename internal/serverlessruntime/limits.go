package serverlessruntime

import "time"

// Twilio's Functions & Assets count limits, as its "Functions & Assets (API-only)" page listed them
// (https://www.twilio.com/docs/runtime/functions-assets-api, "Limits": "An account can have 10 services. A
// service can have up to 25 environments. A build can contain up to 50 Function versions. A build can
// contain up to 1000 public/protected asset versions. A build can contain up to 50 private asset versions.
// An account can do up to 100 builds per hour."). The current Serverless API page
// (https://www.twilio.com/docs/serverless/api) no longer lists them, so internal/emulator/FIDELITY.md keeps
// them as the assumption serverless-count-limits: Twilio may since have raised them, never silently
// dropped the refusal.
const (
	MaxServicesPerAccount           = 10
	MaxEnvironmentsPerService       = 25
	MaxFunctionVersionsPerBuild     = 50
	MaxPublicAssetVersionsPerBuild  = 1000
	MaxPrivateAssetVersionsPerBuild = 50
	MaxBuildsPerHour                = 100
	BuildsPerHourWindow             = time.Hour
)
