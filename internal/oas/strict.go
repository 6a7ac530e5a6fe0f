package oas

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/tenantwire/terraform-provider-twilio/internal/sids"

	"github.com/getkin/kin-openapi/openapi3"
)

// tightenResponses turns the response schemas of a spec into the contract the emulator must meet.
//
// NOTE: Twilio's specs mark no response property as required and leave additionalProperties open, so
// taken literally they accept {} for an Account, and a renamed "sid" passes. Twilio itself always
// sends every documented property (null when it has no value; that is what "nullable" is for), and
// that full shape is what twilio-go and the provider decode. So every object schema reachable from a
// response requires all of its documented properties and forbids any other. Objects that declare no
// properties (subresource_uris, links, a flow's definition) stay open.
//
// Where Twilio's own response examples (captured from the real API) show that Twilio sends less, more
// or something else than its schema says, the contract follows Twilio, as listed in the relax* rules
// below; TestTwilioExamplesPass proves the examples of every operation the emulator serves pass.
//
// Request bodies are left as they are: Twilio's request fields are optional unless the spec says
// otherwise. Undeclared request fields are reported by checkUnknownRequestFields instead, because
// kin-openapi's form decoder drops fields the schema does not declare before validating.
func tightenResponses(doc *openapi3.T) {
	relaxEnums(doc)
	extras := map[*openapi3.Schema][]string{}
	for name, props := range relaxExtraProperties {
		if ref := doc.Components.Schemas[name]; ref != nil && ref.Value != nil {
			extras[ref.Value] = props
		}
	}
	seen := map[*openapi3.Schema]bool{}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.Responses == nil {
				continue
			}
			for _, resp := range op.Responses.Map() {
				if resp == nil || resp.Value == nil {
					continue
				}
				for _, media := range resp.Value.Content {
					if media.Schema == nil || media.Schema.Value == nil {
						continue
					}
					closeObject(media.Schema.Value, seen, extras)
					if strings.HasPrefix(op.OperationID, relaxUnpagedListPrefix) {
						top := media.Schema.Value
						top.Required = slices.DeleteFunc(top.Required, func(p string) bool { return pagingProperties[p] })
					}
				}
			}
		}
	}
}

// relaxExtraProperties lists properties Twilio sends that a schema does not declare. They are allowed,
// not required. Twilio's IncomingPhoneNumber examples (create, fetch, update, list) all carry
// subresource_uris (assigned_add_ons), which api.v2010.account.incoming_phone_number lacks.
var relaxExtraProperties = map[string][]string{
	"api.v2010.account.incoming_phone_number": {"subresource_uris"},
}

// relaxEnumValues lists values Twilio documents for an enum after the pinned description was made: node24
// is a build runtime since 2026-07-08
// (https://www.twilio.com/en-us/changelog/node-js-v24-is-now-available-for-twilio-functions), and
// build_enum_runtime still ends at node22. internal/serverlessruntime holds the runtimes and their dates.
var relaxEnumValues = map[string][]any{
	"build_enum_runtime": {"node24"},
}

// relaxEnums adds relaxEnumValues to their schemas.
func relaxEnums(doc *openapi3.T) {
	for name, values := range relaxEnumValues {
		if ref := doc.Components.Schemas[name]; ref != nil && ref.Value != nil {
			for _, v := range values {
				if !slices.Contains(ref.Value.Enum, v) {
					ref.Value.Enum = append(ref.Value.Enum, v)
				}
			}
		}
	}
}

// relaxUnpagedListPrefix names the AvailablePhoneNumbers list operations. Their schema has the usual
// paging fields, but Twilio does not page these lists: its examples carry only the numbers (or
// countries) and uri. The paging fields stay allowed.
const relaxUnpagedListPrefix = "ListAvailablePhoneNumber"

var pagingProperties = map[string]bool{
	"end": true, "first_page_uri": true, "next_page_uri": true, "page": true, "page_size": true,
	"previous_page_uri": true, "start": true,
}

// relaxOptionalFormat marks objects whose properties are optional: the phone-number capabilities
// object is annotated @JsonInclude(NON_NULL) (unset capabilities are left out), and Twilio's examples
// of available numbers omit "fax".
const relaxOptionalFormat = "phone-number-capabilities"

// relaxEmptySIDSuffix names SID references that Twilio sends as "" when unset, against their pattern:
// IncomingPhoneNumber examples show "voice_application_sid": "" and "sms_application_sid": "". Twilio
// distinguishes "" from null there, so the contract is "" or a SID, never null.
const relaxEmptySIDSuffix = "_application_sid"

// alwaysSent are the properties every Twilio object that has them carries a value in: its identity,
// owner, creation date and status. The specs mark them nullable like every other property, which would
// let a response with "sid": null pass; Twilio's examples never send them null or empty.
var alwaysSent = map[string]bool{
	"sid": true, "account_sid": true, "owner_account_sid": true, "date_created": true, "status": true,
}

// relaxDecimalString is the form Twilio sends number-typed decimals in: latitude and longitude of
// available numbers (and prices) arrive as strings such as "19.720000" in Twilio's examples; twilio-go
// decodes either form (client.UnmarshalFloat32).
const relaxDecimalString = `^-?[0-9]+(\.[0-9]+)?$`

func closeObject(s *openapi3.Schema, seen map[*openapi3.Schema]bool, extras map[*openapi3.Schema][]string) {
	if s == nil || seen[s] {
		return
	}
	seen[s] = true
	if s.Type.Is(openapi3.TypeNumber) {
		s.Type = &openapi3.Types{openapi3.TypeNumber, openapi3.TypeString}
		s.Pattern = relaxDecimalString
	}
	if len(s.Properties) > 0 {
		if s.Format != relaxOptionalFormat {
			s.Required = slices.Sorted(maps.Keys(s.Properties))
		}
		closed := false
		s.AdditionalProperties = openapi3.AdditionalProperties{Has: &closed}
		for name, p := range s.Properties {
			if p == nil || p.Value == nil {
				continue
			}
			if strings.HasSuffix(name, relaxEmptySIDSuffix) && p.Value.Pattern != "" {
				p.Value.Pattern = "^$|" + p.Value.Pattern
				p.Value.MinLength = 0
				p.Value.Nullable = false
			}
			if alwaysSent[name] {
				p.Value.Nullable = false
				if p.Value.Type.Is(openapi3.TypeString) && p.Value.MinLength == 0 {
					p.Value.MinLength = 1
				}
			}
		}
		for _, name := range extras[s] {
			if _, declared := s.Properties[name]; !declared {
				s.Properties[name] = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
			}
		}
	}
	for _, p := range s.Properties {
		if p != nil {
			closeObject(p.Value, seen, extras)
		}
	}
	if s.Items != nil {
		closeObject(s.Items.Value, seen, extras)
	}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
		for _, ref := range group {
			if ref != nil {
				closeObject(ref.Value, seen, extras)
			}
		}
	}
}

// adaptFormFields adjusts the fields of form request bodies to what Twilio accepts on the wire:
//
//   - Free-form fields (IAM's Policy, Studio's Definition and Parameters, declared with an empty schema
//     {}) are a string holding JSON, which is what Twilio decodes and twilio-go sends. NOTE:
//     kin-openapi's form decoder cannot decode a value for a schema without a type; it yields null and
//     then reports "Value is not nullable" for every request that sets such a field.
//   - Optional SID fields (VoiceApplicationSid, TrunkSid, ...) also accept the empty string: sending
//     the field empty is how a reference is cleared, as for the optional URL fields (see validateURI),
//     and the provider clears a removed attribute that way. Their pattern would otherwise reject it.
func adaptFormFields(doc *openapi3.T) {
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.RequestBody == nil || op.RequestBody.Value == nil {
				continue
			}
			media := op.RequestBody.Value.Content.Get("application/x-www-form-urlencoded")
			if media == nil || media.Schema == nil || media.Schema.Value == nil {
				continue
			}
			body := media.Schema.Value
			for name, p := range body.Properties {
				if p == nil || p.Value == nil || p.Ref != "" {
					continue
				}
				switch {
				case p.Value.Type == nil:
					p.Value.Type = &openapi3.Types{openapi3.TypeString}
					p.Value.Format = formatJSONText
				case sidPattern.MatchString(p.Value.Pattern) && !slices.Contains(body.Required, name):
					p.Value.Pattern = "^$|" + p.Value.Pattern
					p.Value.MinLength = 0
				}
			}
		}
	}
}

// sidPattern matches the pattern Twilio gives SID fields, e.g. ^AP[0-9a-fA-F]{32}$, as package sid writes it.
var sidPattern = regexp.MustCompile("^" + strings.Replace(regexp.QuoteMeta(sids.SpecPattern("@@")), "@@", "[A-Z]{2}", 1) + "$")
