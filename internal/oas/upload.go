package oas

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// The Serverless upload host is not in Twilio's OpenAPI descriptions: Function and Asset Versions are
// created by "a POST request to the following, dedicated URL:
// https://serverless-upload.twilio.com/v1/Services/{ServiceSid}/Functions/{FunctionSid}/Versions" with a
// multipart form of Content (the file), Path and Visibility
// (https://www.twilio.com/docs/serverless/api/resource/function-version,
// https://www.twilio.com/docs/serverless/api/resource/asset-version). This file describes those two
// operations from those pages, reusing the Serverless spec's version schemas for the answers, so the
// upload traffic is checked like the rest. Operation IDs: serverless_upload_v1.CreateFunctionVersion and
// serverless_upload_v1.CreateAssetVersion.

const (
	uploadSpecName = "serverless_upload_v1"
	uploadHost     = "serverless-upload.twilio.com"
)

// uploadFields are the form fields the upload documentation names.
var uploadFields = []string{"Content", "Path", "Visibility"}

// uploadSpec derives the upload host's description from the loaded Serverless one.
func uploadSpec(serverless *openapi3.T) (*spec, error) {
	doc := &openapi3.T{
		OpenAPI:    serverless.OpenAPI,
		Info:       &openapi3.Info{Title: "Twilio - Serverless upload (described from Twilio's documentation)", Version: "1"},
		Servers:    openapi3.Servers{{URL: "https://" + uploadHost}},
		Components: serverless.Components,
		Security:   serverless.Security,
		Paths:      openapi3.NewPaths(),
	}
	for _, kind := range []struct{ coll, parent, op string }{
		{"Functions", "FunctionSid", "CreateFunctionVersion"},
		{"Assets", "AssetSid", "CreateAssetVersion"},
	} {
		fetch := serverless.Paths.Find("/v1/Services/{ServiceSid}/" + kind.coll + "/{" + kind.parent + "}/Versions/{Sid}")
		if fetch == nil || fetch.Get == nil || fetch.Get.Responses == nil || fetch.Get.Responses.Status(200) == nil {
			return nil, fmt.Errorf("the Serverless spec has no fetch of %s versions to describe the upload by", kind.coll)
		}
		var params openapi3.Parameters
		for _, p := range append(slices.Clone(fetch.Parameters), fetch.Get.Parameters...) {
			if p.Value != nil && p.Value.In == openapi3.ParameterInPath && p.Value.Name != "Sid" {
				params = append(params, p)
			}
		}
		visibility := openapi3.NewStringSchema()
		visibility.Enum = []any{"public", "protected", "private"}
		body := openapi3.NewObjectSchema().
			WithProperty("Content", openapi3.NewStringSchema().WithFormat("binary")).
			WithProperty("Path", openapi3.NewStringSchema()).
			WithPropertyRef("Visibility", &openapi3.SchemaRef{Value: visibility})
		body.Required = slices.Clone(uploadFields)
		created := openapi3.NewResponses()
		created.Delete("default")
		created.Set("201", &openapi3.ResponseRef{Value: &openapi3.Response{
			Description: ptr("Created"), Content: fetch.Get.Responses.Status(200).Value.Content,
		}})
		op := &openapi3.Operation{
			OperationID: kind.op,
			Parameters:  params,
			RequestBody: &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithRequired(true).
				WithContent(openapi3.NewContentWithFormDataSchema(body))},
			Responses: created,
		}
		doc.Paths.Set("/v1/Services/{ServiceSid}/"+kind.coll+"/{"+kind.parent+"}/Versions", &openapi3.PathItem{Post: op})
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("route the upload host: %w", err)
	}
	return &spec{name: uploadSpecName, host: uploadHost, doc: doc, router: router}, nil
}

func ptr[T any](v T) *T { return &v }

// checkUploadForm checks an upload's multipart form by hand: the generic body decoders cannot read a
// file part of any content type (an asset may be an image), so the body is excluded from the schema
// check and judged here: exactly the documented fields, Content a file part, Path and Visibility
// values, Visibility one of the documented three.
func checkUploadForm(r *http.Request, body []byte) error {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return fmt.Errorf("an upload must be multipart/form-data, not %q", r.Header.Get("Content-Type"))
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	form, err := mr.ReadForm(64 << 20)
	if err != nil {
		return fmt.Errorf("multipart body: %w", err)
	}
	defer func() { _ = form.RemoveAll() }()
	var problems []string
	for name := range form.Value {
		if !slices.Contains(uploadFields, name) || name == "Content" {
			problems = append(problems, "form field "+name+" is not a documented value field")
		}
	}
	for name := range form.File {
		if name != "Content" {
			problems = append(problems, "file part "+name+" is not documented")
		}
	}
	if len(form.File["Content"]) != 1 {
		problems = append(problems, "Content must be one file part")
	}
	for _, name := range []string{"Path", "Visibility"} {
		if len(form.Value[name]) != 1 {
			problems = append(problems, name+" must be given once")
		}
	}
	if v := form.Value["Visibility"]; len(v) == 1 && !slices.Contains([]string{"public", "protected", "private"}, v[0]) {
		problems = append(problems, "Visibility must be public, protected or private")
	}
	if len(problems) == 0 {
		return nil
	}
	slices.Sort(problems)
	return errors.New("upload form: " + strings.Join(problems, "; "))
}
