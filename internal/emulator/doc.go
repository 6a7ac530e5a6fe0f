// Package emulator is a stateful, in-memory fake of the Twilio REST endpoints
// that the provider uses: subaccounts, API keys (2010 and IAM v1), TwiML
// applications, incoming and available phone numbers, Studio v2 flows and
// Serverless v1 (services, environments, variables, and the code resources).
//
// It reproduces Twilio's wire format (form-encoded requests, snake_case JSON,
// RFC 2822 dates on the 2010 API, ISO 8601 on Studio, Twilio's error JSON and
// pagination envelopes) and the authorization rules between a main account,
// its subaccounts and their API keys, so that the provider and its
// acceptance tests can be exercised offline.
//
// An [Emulator] is an [net/http.Handler]; tests can mount it on an
// httptest server or call [Start] to serve it on a loopback address. It also
// injects faults ([Fault]) and records every Twilio API request ([Request]).
//
// Routing: requests whose Host is api.twilio.com, iam.twilio.com or
// studio.twilio.com only reach that product's paths; any other Host (for
// example 127.0.0.1:8718) is routed by path alone, so curl works.
//
// ASSUMPTION(null-for-empty): where Twilio documents an empty string for an unset field but the
// OpenAPI description constrains the field with a SID pattern or a URI
// format, the emulator answers null. Clients treat null and "" alike, and
// null keeps every response valid against Twilio's own specification.
package emulator
