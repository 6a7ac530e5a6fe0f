package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/tenantwire/terraform-provider-twilio/internal/sids"
)

// Shared by the Serverless code resources (functions, assets, builds, deployments): objects under a
// service, addressed by the service's SID and their own, in the provider's account or a subaccount.

// sidPart is one SID of an import ID or identity: its attribute and prefix.
type sidPart struct {
	attr, prefix, what string
}

// serviceChildIdentitySchema is account_sid (optional in import blocks) plus the SIDs of the parts.
func serviceChildIdentitySchema(what string, parts ...sidPart) identityschema.Schema {
	attrs := map[string]identityschema.Attribute{
		"account_sid": identityschema.StringAttribute{
			OptionalForImport: true,
			Description: fmt.Sprintf("SID of the account (`AC…`) that owns the %s; an import block may leave it "+
				"out to mean the provider's account.", what),
		},
	}
	for _, p := range parts {
		attrs[p.attr] = identityschema.StringAttribute{
			RequiredForImport: true,
			Description:       fmt.Sprintf("SID of the %s (`%s…`).", p.what, p.prefix),
		}
	}
	return identityschema.Schema{Attributes: attrs}
}

// serviceSIDAttribute is the service an object belongs to; objects never move between services.
func serviceSIDAttribute(what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("SID of the Serverless service (`ZS…`) the %s belongs to, e.g. "+
			"`twilio_serverless_service.<name>.sid`. Changing it replaces the %s.", what, what),
		Required:      true,
		Validators:    []validator.String{sidValidator("ZS")},
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

// importServiceChild reads an import ID `[AC…/]<SID>/<SID>…` (the parts in order) or an identity, and
// stores account_sid and each part in the state. It returns the values by attribute.
func (r *resourceBase) importServiceChild(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse,
	parts ...sidPart) (map[string]string, bool) {
	values := map[string]string{}
	if req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull() {
		for _, name := range append([]string{"account_sid"}, partAttrs(parts)...) {
			var v types.String
			resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root(name), &v)...)
			values[name] = v.ValueString()
		}
	} else {
		ids := strings.Split(req.ID, "/")
		if len(ids) == len(parts)+1 {
			values["account_sid"], ids = ids[0], ids[1:]
		}
		if len(ids) == len(parts) {
			for i, p := range parts {
				values[p.attr] = ids[i]
			}
		}
	}
	if resp.Diagnostics.HasError() {
		return nil, false
	}
	valid := values["account_sid"] == "" || sids.Valid("AC", values["account_sid"])
	for _, p := range parts {
		valid = valid && sids.Valid(p.prefix, values[p.attr])
	}
	if !valid {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Expected %s or AC…/%s (%s), got %q.",
			importFormat(parts), importFormat(parts), sidsInWords, req.ID))
		return nil, false
	}
	if values["account_sid"] == "" {
		client := r.data.ready(&resp.Diagnostics)
		if client == nil {
			return nil, false
		}
		values["account_sid"] = client.AccountSID()
	}
	for name, v := range values {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
	return values, !resp.Diagnostics.HasError()
}

// serviceChildImport gives a code resource under the accountObject engine its identity and import
// (importServiceChild), with id the object's SID; cleared names attributes an import cannot know, stored
// empty.
type serviceChildImport struct {
	what    string
	parts   []sidPart
	cleared []string
}

func (s serviceChildImport) identitySchema() identityschema.Schema {
	return serviceChildIdentitySchema(s.what, s.parts...)
}

func (s serviceChildImport) importState(ctx context.Context, base *resourceBase, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	values, ok := base.importServiceChild(ctx, req, resp, s.parts...)
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), values["sid"])...)
	for _, attr := range s.cleared {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attr), "")...)
	}
}

func partAttrs(parts []sidPart) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.attr
	}
	return out
}

func importFormat(parts []sidPart) string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.prefix + "…"
	}
	return strings.Join(out, "/")
}

// addServerlessError reports a failed call with Twilio's answer and a hint.
func addServerlessError(diags *diag.Diagnostics, summary string, err error, hint string) {
	diags.AddError(summary, errorDetail(err)+hint)
}
