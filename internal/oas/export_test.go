package oas

import (
	"errors"

	"github.com/getkin/kin-openapi/openapi3"
)

// ExampleResult is the outcome of validating one of Twilio's response examples.
type ExampleResult struct {
	Operation, Status, Example string
	Err                        error
}

// ResponseExamples validates every response example of the given qualified operations against the
// tightened response schemas, with the formats and options the middleware uses. An operation that is
// not found yields a result with an error, so a typo cannot pass silently.
func ResponseExamples(v *Validator, operations []string) []ExampleResult {
	want := map[string]bool{}
	for _, op := range operations {
		want[op] = true
	}
	var results []ExampleResult
	for _, s := range v.specs {
		for _, item := range s.doc.Paths.Map() {
			for _, op := range item.Operations() {
				name := s.name + "." + op.OperationID
				if !want[name] {
					continue
				}
				delete(want, name)
				for status, resp := range op.Responses.Map() {
					for _, media := range resp.Value.Content {
						for exName, ex := range media.Examples {
							if ex == nil || ex.Value == nil {
								continue
							}
							opts := append(schemaOptions(), openapi3.VisitAsResponse(), openapi3.MultiErrors())
							err := media.Schema.Value.VisitJSON(ex.Value.Value, opts...)
							results = append(results, ExampleResult{Operation: name, Status: status, Example: exName, Err: err})
						}
					}
				}
			}
		}
	}
	for name := range want {
		results = append(results, ExampleResult{Operation: name, Err: errNoOperation})
	}
	return results
}

var errNoOperation = errors.New("no such operation in the loaded specs")
