package provider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"mime"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/serverlessruntime"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

// twilio_serverless_function and twilio_serverless_asset: a Function or Asset together with its current
// code. Twilio keeps the slot (SID, name) apart from the code (immutable Versions, uploaded to
// serverless-upload.twilio.com); users think of "the function and its code", so one resource owns both and
// a code change uploads a new Version in place. The SID, and hence the URL path, stay the same.

var (
	_ managedResource                       = (*serverlessCodeResource)(nil)
	_ resource.ResourceWithConfigValidators = (*serverlessCodeResource)(nil)
)

// NewServerlessFunctionResource is the factory for twilio_serverless_function.
func NewServerlessFunctionResource() resource.Resource {
	return newServerlessCodeResource(twilioclient.KindFunction)
}

// NewServerlessAssetResource is the factory for twilio_serverless_asset.
func NewServerlessAssetResource() resource.Resource {
	return newServerlessCodeResource(twilioclient.KindAsset)
}

// newServerlessCodeResource gives functions and assets the engine's Delete; their Read and Update are their
// own, as the code lives in versions beside the object.
func newServerlessCodeResource(kind twilioclient.CodeKind) *serverlessCodeResource {
	r := &serverlessCodeResource{kind: kind, resourceBase: resourceBase{
		plan: planSteps{product: twilioregion.ProductServerless, account: fixedAccountSID}}}
	r.accountObject = accountObject[serverlessCodeModel, twilioclient.Code]{base: &r.resourceBase,
		noun: "Twilio Serverless " + r.what(),
		// An import takes ZS…/ZH… (the provider's account), AC…/ZS…/ZH…, or an identity. The code itself is not
		// imported (a function's hash is: see Read), so the first plan after an import records content or source
		// without uploading when the code is the same.
		importing: serviceChildImport{what: "Serverless " + r.what(), parts: r.parts(), cleared: []string{"latest_version_sid"}},
		create:    r.create,
		remove: func(ctx context.Context, c *twilioclient.Client, m *serverlessCodeModel) error {
			return c.DeleteCode(ctx, m.AccountSID.ValueString(), m.ServiceSID.ValueString(), r.kind, m.SID.ValueString())
		},
	}
	return r
}

type serverlessCodeResource struct {
	resourceBase
	accountObject[serverlessCodeModel, twilioclient.Code]
	kind twilioclient.CodeKind
}

type serverlessCodeModel struct {
	accountObjectFields
	ServiceSID       types.String   `tfsdk:"service_sid"`
	FriendlyName     types.String   `tfsdk:"friendly_name"`
	Path             types.String   `tfsdk:"path"`
	Visibility       types.String   `tfsdk:"visibility"`
	Content          types.String   `tfsdk:"content"`
	Source           types.String   `tfsdk:"source"`
	ContentSHA256    types.String   `tfsdk:"content_sha256"`
	LatestVersionSID types.String   `tfsdk:"latest_version_sid"`
	Timeouts         timeouts.Value `tfsdk:"timeouts"`
}

func (r *serverlessCodeResource) what() string { return strings.ToLower(r.kind.String()) }

func (r *serverlessCodeResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_serverless_" + r.what()
}

func (r *serverlessCodeResource) parts() []sidPart {
	return []sidPart{{"service_sid", "ZS", "Serverless service"}, {"sid", "ZH", "Serverless " + r.what()}}
}

func (r *serverlessCodeResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	w := r.what()
	intro := "A Twilio Serverless Function (Node.js code that answers HTTP requests, such as a voice webhook) " +
		"together with its code. "
	codeNote := "`content` or `source` (a file) holds the JavaScript."
	if r.kind == twilioclient.KindAsset {
		intro = "A Twilio Serverless Asset (a static file served by the service's environments) together with its " +
			"content. "
		codeNote = "`content` (text) or `source` (a file, any bytes) holds the file; its MIME type follows the " +
			"extension of `path`."
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: intro + codeNote + "\n\n" +
			"Twilio keeps code as immutable versions. Changing the code, `path` or `visibility` uploads a new version " +
			"(to serverless-upload.twilio.com) in place: `latest_version_sid` changes and the SID stays, so the URL " +
			"(an environment's domain plus `path`) is stable. Nothing runs until a `twilio_serverless_build` of " +
			"`latest_version_sid` is deployed by a `twilio_serverless_deployment`; reference `latest_version_sid` from " +
			"the build so that one apply uploads, builds and deploys.\n\n" +
			"A version uploaded outside Terraform (the Console editor, the Twilio CLI) shows in the plan as a change " +
			"of `content_sha256`" + map[bool]string{true: " (an asset's content cannot be read back, so any such version does)",
			false: ""}[r.kind == twilioclient.KindAsset] + ", and the apply uploads the configured code again.\n\n" +
			"Twilio deletes versions no build holds, and a " + w + " left without versions, up to 7 days after they " +
			"were made ([retention policy](https://www.twilio.com/docs/serverless/api)): a " + w + " uploaded but never " +
			"built is then planned again and one apply makes and uploads it anew. Code larger than Twilio takes " +
			"(25 MB; 10 MB for a private asset) is refused at plan time.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("ZH", "Serverless "+w),
			"account_sid": accountSIDAttribute(w+"'s service; like Studio, Serverless only accepts an account's own "+
				"credentials, so for a subaccount the provider acts with the subaccount's auth token (which needs the main "+
				"account's auth token, not an API key)", stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"service_sid": serviceSIDAttribute(w),
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Name of the " + w + " in the Console; at most 255 characters.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, 255)},
			},
			"path": schema.StringAttribute{
				MarkdownDescription: "URL path the " + w + " answers at in every environment it is deployed to, starting " +
					"with `/` (e.g. `/voice`); at most 255 characters. Changing it uploads a new version.",
				Required: true,
				Validators: []validator.String{stringvalidator.UTF8LengthBetween(1, 255),
					stringvalidator.RegexMatches(pathPattern, "must start with / (Twilio adds one otherwise, and the "+
						"state would then differ from the configuration)")},
			},
			"visibility": schema.StringAttribute{
				MarkdownDescription: "Who may call it: `public` (anyone), `protected` (only requests signed by Twilio, " +
					"such as its webhooks; the default, as in the Console) or `private` (only other functions of the " +
					"service). Changing it uploads a new version.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("protected"),
				Validators: []validator.String{stringvalidator.OneOf("public", "protected", "private")},
			},
			"content": schema.StringAttribute{
				MarkdownDescription: "The code itself (e.g. `file(\"voice.js\")` or a heredoc). Exactly one of " +
					"`content` and `source`. Kept in the state; prefer `source` for large files.",
				Optional: true,
			},
			"source": schema.StringAttribute{
				MarkdownDescription: "Path of a file holding the code, read at plan and apply time (use " +
					"`\"${path.module}/functions/voice.js\"`). Exactly one of `content` and `source`. Only the file's " +
					"hash (`content_sha256`) is kept in the state, so editing the file plans a new version.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"content_sha256": schema.StringAttribute{
				MarkdownDescription: "SHA-256 (hex) of the code of the latest version; what tells the plan that the " +
					"code changed. Empty when Twilio holds a version whose content the provider cannot read.",
				Computed: true,
			},
			"latest_version_sid": schema.StringAttribute{
				MarkdownDescription: "SID (`ZN…`) of the version holding the current code; changes with every upload. " +
					"Give it to `twilio_serverless_build`.",
				Computed: true,
			},
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

// pathPattern is a URL path as Twilio stores it.
var pathPattern = regexp.MustCompile(`^/`)

func (r *serverlessCodeResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("content"), path.MatchRoot("source")),
	}
}

// ModifyPlan defaults account_sid, hashes the configured code and plans a new version (latest_version_sid
// unknown) exactly when the code, path or visibility differ from the state's latest version.
func (r *serverlessCodeResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.resourceBase.ModifyPlan(ctx, req, resp)
	if req.Plan.Raw.IsNull() || resp.Diagnostics.HasError() {
		return
	}
	var plan serverlessCodeModel
	resp.Diagnostics.Append(resp.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	hash := types.StringUnknown()
	if code, known, ok := r.code(plan, &resp.Diagnostics); !ok {
		return
	} else if known {
		hash = types.StringValue(sha256Hex(code))
		if !r.checkSize(plan, len(code), &resp.Diagnostics) {
			return
		}
	}
	plan.ContentSHA256 = hash
	plan.LatestVersionSID = types.StringUnknown()
	if !req.State.Raw.IsNull() {
		var state serverlessCodeModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if resp.Diagnostics.HasError() {
			return
		}
		if !codeChanges(plan, state) {
			plan.LatestVersionSID = state.LatestVersionSID
		}
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

// checkSize refuses at plan time code larger than Twilio takes for the version's kind and visibility
// (serverlessruntime.MaxVersionBytes), before anything is uploaded.
func (r *serverlessCodeResource) checkSize(plan serverlessCodeModel, size int, diags *diag.Diagnostics) bool {
	if plan.Visibility.IsUnknown() {
		return true
	}
	limit := serverlessruntime.MaxVersionBytes(r.kind == twilioclient.KindAsset, plan.Visibility.ValueString())
	if int64(size) <= limit {
		return true
	}
	attr := "source"
	if !plan.Content.IsNull() {
		attr = "content"
	}
	diags.AddAttributeError(path.Root(attr), fmt.Sprintf("The %s is too large for Twilio", r.what()),
		fmt.Sprintf("%s is %d bytes; Twilio takes at most %d MB for a %s %s. Make it smaller, split it, or host "+
			"the file elsewhere and link to it.", attr, size, limit>>20, plan.Visibility.ValueString(), r.what()))
	return false
}

// codeChanges reports whether the plan needs a new version.
func codeChanges(plan, state serverlessCodeModel) bool {
	return plan.ContentSHA256.IsUnknown() || !plan.ContentSHA256.Equal(state.ContentSHA256) ||
		!plan.Path.Equal(state.Path) || !plan.Visibility.Equal(state.Visibility) ||
		state.LatestVersionSID.ValueString() == ""
}

// code returns the configured code: content, or the source file's bytes. known is false while the
// configuration is not known yet (a source computed from another resource).
func (r *serverlessCodeResource) code(m serverlessCodeModel, diags interface {
	AddAttributeError(path.Path, string, string)
}) (code []byte, known, ok bool) {
	switch {
	case m.Content.IsUnknown() || m.Source.IsUnknown():
		return nil, false, true
	case !m.Content.IsNull():
		return []byte(m.Content.ValueString()), true, true
	case !m.Source.IsNull():
		b, err := os.ReadFile(m.Source.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("source"), "Cannot read the "+r.what()+"'s source file",
				fmt.Sprintf("%v. source is read relative to the directory Terraform runs in; use "+
					"\"${path.module}/...\" for a file next to the configuration.", err))
			return nil, false, false
		}
		return b, true, true
	}
	return nil, false, true
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// contentType is the MIME type of the upload: JavaScript for a function, the path's extension for an
// asset.
func (r *serverlessCodeResource) contentType(p string) string {
	if r.kind == twilioclient.KindFunction {
		return "application/javascript"
	}
	if t := mime.TypeByExtension(filepath.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func (r *serverlessCodeResource) create(ctx context.Context, client *twilioclient.Client, plan *serverlessCodeModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	code, ok := r.codeForApply(*plan, &resp.Diagnostics)
	if !ok {
		return
	}
	account, service := plan.AccountSID.ValueString(), plan.ServiceSID.ValueString()
	name := plan.FriendlyName.ValueString()
	// The name is all the request sends, so any of that name made since is a candidate.
	what := fmt.Sprintf("a %s named %q", r.what(), name)
	summary := fmt.Sprintf("Creating Twilio Serverless %s %q in service %s", r.what(), name, service)
	f := createAdopting(ctx, &resp.Diagnostics, lostCreate[twilioclient.Code]{
		kind: "serverless_" + r.what(), scope: account + "/" + service, name: name, what: what, summary: summary,
		find: func(ctx context.Context, since time.Time) ([]twilioclient.Code, error) {
			return client.FindCodeCreatedSince(ctx, account, service, r.kind, name, since)
		},
		check: func(c *twilioclient.Code) candidate { return candidate{sid: c.Sid} },
		failed: func(err error, _ *createRecord) *twilioclient.Code {
			addServerlessError(&resp.Diagnostics, summary, err, ambiguousCreateHint(err, "serverless_"+r.what(), what))
			return nil
		},
	}, func(ctx context.Context) (*twilioclient.Code, error) {
		return client.CreateCode(ctx, account, service, r.kind, name)
	})
	if f == nil {
		return
	}
	plan.SID, plan.ID = types.StringValue(f.Sid), types.StringValue(f.Sid)
	plan.AccountSID = types.StringValue(f.AccountSid)
	plan.DateCreated = timeValue(f.DateCreated)
	// NOTE: the state is recorded before the upload, so a failed upload leaves a tainted resource (replaced
	// by the next apply) rather than an untracked function.
	plan.LatestVersionSID, plan.ContentSHA256 = types.StringValue(""), types.StringValue("")
	resp.Diagnostics.Append(resp.State.Set(ctx, *plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if ctx.Err() != nil {
		// The function exists (adopted after a lost answer that outlasted the timeout or a Ctrl-C): finish
		// the create with its code within the grace Terraform gives operations in flight, rather than leave a
		// tainted function that the next apply would delete and make again.
		var cancelUpload context.CancelFunc
		ctx, cancelUpload = detached(ctx)
		defer cancelUpload()
	}
	if r.upload(ctx, client, plan, code, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, *plan)...)
	}
}

// codeForApply reads the code again at apply time; a source file edited since the plan is an error rather
// than an upload of code nobody reviewed.
func (r *serverlessCodeResource) codeForApply(plan serverlessCodeModel, diags interface {
	AddAttributeError(path.Path, string, string)
}) ([]byte, bool) {
	code, _, ok := r.code(plan, diags)
	if !ok {
		return nil, false
	}
	if got := sha256Hex(code); !plan.ContentSHA256.IsUnknown() && got != plan.ContentSHA256.ValueString() {
		diags.AddAttributeError(path.Root("source"), "The "+r.what()+"'s source file changed since the plan",
			fmt.Sprintf("The plan uploads code with SHA-256 %s, but the file now hashes to %s. Plan again to review "+
				"the new code.", plan.ContentSHA256.ValueString(), got))
		return nil, false
	}
	return code, true
}

// upload sends a new version and records it in m.
func (r *serverlessCodeResource) upload(ctx context.Context, client *twilioclient.Client, m *serverlessCodeModel, code []byte,
	diags interface{ AddError(string, string) }) bool {
	account, service, sid := m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.SID.ValueString()
	start := time.Now()
	v, err := client.UploadVersion(ctx, account, service, r.kind, sid, m.Path.ValueString(), m.Visibility.ValueString(),
		code, r.contentType(m.Path.ValueString()))
	if twilioclient.IsAmbiguous(err) {
		// The answer was lost, maybe not the version: a function version whose content, path and visibility
		// are exactly this upload's, made since, is this upload's result (versions are immutable). An
		// asset's content cannot be read back, so it is never adopted.
		if found := r.uploadedSince(ctx, client, m, code, start); found != nil {
			v, err = found, nil
		}
	}
	if err != nil {
		hint := ""
		if twilioclient.IsAmbiguous(err) {
			hint = "\n\nThe upload's outcome is unknown: Twilio may hold a new version nobody deploys. It was not " +
				"re-sent; the next apply uploads the code again (an unused version costs nothing)."
		}
		diags.AddError(fmt.Sprintf("Uploading the code of Twilio Serverless %s %s", r.what(), sid), errorDetail(err)+hint)
		return false
	}
	m.LatestVersionSID = types.StringValue(v.Sid)
	m.ContentSHA256 = types.StringValue(sha256Hex(code))
	m.Path, m.Visibility = types.StringValue(v.Path), types.StringValue(v.Visibility)
	return true
}

// uploadedSince finds the version a lost upload made: exactly one function version created since start
// with the uploaded content, path and visibility. nil when there is none, several, or the lookup fails.
func (r *serverlessCodeResource) uploadedSince(ctx context.Context, client *twilioclient.Client, m *serverlessCodeModel,
	code []byte, start time.Time) *twilioclient.CodeVersion {
	if r.kind != twilioclient.KindFunction {
		return nil
	}
	account, service, sid := m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.SID.ValueString()
	found, err := lookupAfterLostAnswer(ctx, func(ctx context.Context) ([]twilioclient.CodeVersion, error) {
		versions, err := client.ListVersions(ctx, account, service, r.kind, sid)
		if err != nil {
			return nil, err
		}
		var out []twilioclient.CodeVersion
		for _, v := range versions {
			if !twilioclient.CreatedAfter(v.DateCreated, start) ||
				v.Path != m.Path.ValueString() || v.Visibility != m.Visibility.ValueString() {
				continue
			}
			content, err := client.FunctionVersionContent(ctx, account, service, sid, v.Sid)
			if err != nil {
				return nil, err
			}
			if content == string(code) {
				out = append(out, v)
			}
		}
		return out, nil
	})
	if err != nil || len(found) != 1 {
		return nil
	}
	return &found[0]
}

func (r *serverlessCodeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, client, done := beginRead[serverlessCodeModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, sid := state.AccountSID.ValueString(), state.ServiceSID.ValueString(), state.SID.ValueString()
	what := fmt.Sprintf("Twilio Serverless %s %s", r.what(), sid)
	f := readObject(ctx, client, account, state.DateCreated, what, resp, func() (*twilioclient.Code, error) {
		return client.FindCode(ctx, account, service, r.kind, sid)
	})
	if f == nil {
		return
	}
	state.ID, state.FriendlyName, state.DateCreated = types.StringValue(f.Sid), types.StringValue(f.FriendlyName), timeValue(f.DateCreated)
	versions, err := client.ListVersions(ctx, account, service, r.kind, sid)
	if err != nil {
		resp.Diagnostics.AddError("Reading the versions of "+what, errorDetail(err))
		return
	}
	if len(versions) == 0 {
		// No code at all (an upload failed, or Twilio lost it): the next apply uploads.
		state.LatestVersionSID, state.ContentSHA256 = types.StringValue(""), types.StringValue("")
	} else if latest := versions[len(versions)-1]; latest.Sid != state.LatestVersionSID.ValueString() {
		// A version uploaded outside Terraform: show what it holds.
		state.LatestVersionSID = types.StringValue(latest.Sid)
		state.Path, state.Visibility = types.StringValue(latest.Path), types.StringValue(latest.Visibility)
		state.ContentSHA256 = types.StringValue("")
		if r.kind == twilioclient.KindFunction {
			content, err := client.FunctionVersionContent(ctx, account, service, sid, latest.Sid)
			if err != nil {
				resp.Diagnostics.AddError("Reading the code of "+what, errorDetail(err))
				return
			}
			state.ContentSHA256 = types.StringValue(sha256Hex([]byte(content)))
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *serverlessCodeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	ctx, plan, state, client, done := beginUpdate[serverlessCodeModel](ctx, &r.resourceBase, req, resp)
	defer done()
	if client == nil {
		return
	}
	account, service, sid := state.AccountSID.ValueString(), state.ServiceSID.ValueString(), state.SID.ValueString()
	if !plan.FriendlyName.Equal(state.FriendlyName) {
		if _, err := client.RenameCode(ctx, account, service, r.kind, sid, plan.FriendlyName.ValueString()); err != nil {
			addServerlessError(&resp.Diagnostics, fmt.Sprintf("Renaming Twilio Serverless %s %s", r.what(), sid), err, "")
			return
		}
	}
	if !codeChanges(plan, state) {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	code, ok := r.codeForApply(plan, &resp.Diagnostics)
	if !ok {
		return
	}
	if !r.upload(ctx, client, &plan, code, &resp.Diagnostics) {
		// The rename (if any) happened; keep the old code's values so the next plan uploads again.
		state.FriendlyName = plan.FriendlyName
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}
