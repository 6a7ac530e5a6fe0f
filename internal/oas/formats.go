package oas

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// twilioFormats returns validators for the string formats Twilio's specs use that kin-openapi does not
// know. Without them kin-openapi silently accepts any string for an unknown format, so
// "date_created": "yesterday" would pass. They are passed per validation
// (openapi3.WithStringFormatValidators) rather than registered with the global
// openapi3.DefineStringFormat*, so they cannot leak into other users of kin-openapi in the same binary.
//
// Formats left alone on purpose: "date-time" and "date" are kin-openapi's built-in RFC 3339 checks,
// which is what Studio and the usage records send; "uri-map", "phone-number-capabilities",
// "ice-server", "endpoint" and "twiml" are on objects or free text and have nothing to check beyond
// the schema; the IAM Organizations formats ("OrganizationSid", "UserSid", ...) sit on operations the
// emulator does not serve. Twilio's SIDs carry no "sid" format: each has a pattern (^AC[0-9a-fA-F]{32}$),
// which kin-openapi already checks.
func twilioFormats() map[string]openapi3.StringFormatValidator {
	return map[string]openapi3.StringFormatValidator{
		"date-time-rfc-2822": openapi3.NewCallbackValidator(validateRFC2822),
		"uri":                openapi3.NewCallbackValidator(validateURI),
		"phone-number":       openapi3.NewCallbackValidator(validatePhoneNumber),
		"http-method":        openapi3.NewCallbackValidator(validateHTTPMethod),
		"iso-country-code":   openapi3.NewRegexpFormatValidator(`^[A-Z]{2}$`),
		"currency":           openapi3.NewRegexpFormatValidator(`^[A-Za-z]{3}$`),
		formatJSONText:       openapi3.NewCallbackValidator(validateJSONText),
	}
}

// formatJSONText is this package's own format for free-form form fields; see adaptFormFields.
const formatJSONText = "x-json-text"

func validateJSONText(s string) error {
	if !json.Valid([]byte(s)) {
		return errors.New("not JSON (Twilio decodes this free-form field as JSON)")
	}
	return nil
}

// validateRFC2822 accepts the dates the 2010 API sends, e.g. "Thu, 30 Jul 2015 20:00:00 +0000" (RFC
// 1123 with a numeric zone, which is RFC 2822's form). twilio-go parses them with the same layout.
func validateRFC2822(s string) error {
	if _, err := time.Parse(time.RFC1123Z, s); err != nil {
		return fmt.Errorf("not an RFC 2822 date like %q", "Thu, 30 Jul 2015 20:00:00 +0000")
	}
	return nil
}

// validateURI accepts an absolute http(s) URL or a path. Twilio marks both webhook URLs
// ("https://example.com/voice") and its own relative paging links ("/2010-04-01/Accounts.json?Page=1")
// as "uri", so relative references must pass. The empty string passes too: it is how a webhook URL is
// cleared on update (the form field sent empty).
func validateURI(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("not a URI: %w", err)
	}
	if u.IsAbs() {
		if u.Host == "" {
			return errors.New("absolute URI without a host")
		}
		return nil
	}
	if !strings.HasPrefix(u.Path, "/") {
		return errors.New("neither an absolute URL nor a path")
	}
	return nil
}

// phoneNumberPattern accepts E.164 ("+14155550100") and the national display form Twilio uses for
// available numbers' friendly_name ("(415) 555-0100"), which the spec also marks "phone-number". It
// rejects words, so a swapped field ("friendly_name" in "phone_number") is still caught.
var phoneNumberPattern = regexp.MustCompile(`^(\+[1-9][0-9]{1,14}|[0-9()+.\- ]*[0-9][0-9()+.\- ]*)$`)

func validatePhoneNumber(s string) error {
	if !phoneNumberPattern.MatchString(s) {
		return errors.New("not a phone number (E.164 like +14155550100, or a display form like (415) 555-0100)")
	}
	return nil
}

// validateHTTPMethod checks the webhook method fields. Every such field also carries an enum
// (GET, POST), so this only matters for the few that do not.
func validateHTTPMethod(s string) error {
	switch s {
	case "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD":
		return nil
	}
	return fmt.Errorf("not an HTTP method: %q", s)
}
