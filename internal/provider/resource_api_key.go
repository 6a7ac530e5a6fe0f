package provider

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var (
	_ resource.ResourceWithConfigure      = (*apiKeyResource)(nil)
	_ resource.ResourceWithIdentity       = (*apiKeyResource)(nil)
	_ resource.ResourceWithImportState    = (*apiKeyResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*apiKeyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*apiKeyResource)(nil)
)

// Key types as Terraform and Twilio's IAM API name them.
const (
	apiKeyTypeStandard   = "standard"
	apiKeyTypeRestricted = "restricted"
)

// NewAPIKeyResource is the factory for twilio_api_key.
func NewAPIKeyResource() resource.Resource { return &apiKeyResource{} }

type apiKeyResource struct {
	resourceBase
}

type apiKeyModel struct {
	ID           types.String         `tfsdk:"id"`
	SID          types.String         `tfsdk:"sid"`
	AccountSID   types.String         `tfsdk:"account_sid"`
	FriendlyName types.String         `tfsdk:"friendly_name"`
	KeyType      types.String         `tfsdk:"key_type"`
	Policy       jsontypes.Normalized `tfsdk:"policy"`
	Secret       types.String         `tfsdk:"secret"`
	DateCreated  types.String         `tfsdk:"date_created"`
	Timeouts     timeouts.Value       `tfsdk:"timeouts"`
}

func (r *apiKeyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_api_key"
}

func (r *apiKeyResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = accountObjectIdentitySchema("SK", "API key")
}

func (r *apiKeyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An API key of the provider's account or of a subaccount: credentials for SDKs, the " +
			"REST API and access tokens that can be revoked without touching the auth token.\n\n" +
			"A `standard` key (the default) can call every API except those managing accounts and keys. A " +
			"`restricted` key can only do what its `policy` allows.\n\n" +
			"~> **Twilio returns the secret only once, when the key is created.** It is kept in the Terraform " +
			"state (protect the state; outputs of it must be `sensitive`). An imported key has no `secret`, " +
			"because Twilio cannot return it again. To rotate a key, replace it: `terraform apply " +
			"-replace=twilio_api_key.example`; with `lifecycle { create_before_destroy = true }` the new key " +
			"exists before the old one is revoked.\n\n" +
			"~> **Destroying or replacing the key revokes it at once:** anything still using its secret stops " +
			"working.\n\n" +
			"The key is created under a one-off temporary name (`terraform-pending-…`) and renamed to " +
			"`friendly_name` at once, so that a key whose creation answer was lost (a timeout, a Ctrl-C) can be " +
			"recognised beyond doubt and revoked, never one made by someone else. A key still named " +
			"`terraform-pending-…` after a crash is an abandoned create whose secret nobody has: revoke it.",
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("SK", "API key"),
			// NOTE: UseStateForUnknown comes first: left out of the configuration, account_sid is unknown in
			// every update plan, which RequiresReplace takes for a change whenever ModifyPlan cannot fill in
			// the provider's account (provider configuration not yet known). ModifyPlan decides replacement
			// when the defaulted account differs from the key's.
			"account_sid": accountSIDAttribute("API key", stringplanmodifier.UseStateForUnknown(),
				stringplanmodifier.RequiresReplace()),
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Name of the key, at most 64 characters. Optional; removing it from the " +
					"configuration clears it in Twilio.",
				Optional:   true,
				Validators: friendlyNameValidators(),
			},
			"key_type": schema.StringAttribute{
				MarkdownDescription: "`standard` (default) or `restricted`. A restricted key is created through " +
					"Twilio's IAM API with the owning account's own credentials and needs a `policy`. Changing " +
					"it replaces the key.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString(apiKeyTypeStandard),
				Validators:    []validator.String{stringvalidator.OneOf(apiKeyTypeStandard, apiKeyTypeRestricted)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"policy": schema.StringAttribute{
				MarkdownDescription: "What a restricted key may do, as a JSON object; required with `key_type = " +
					"\"restricted\"` and not allowed otherwise. For example `jsonencode({ allow = " +
					"[\"/twilio/messaging/messages/read\"] })`; see Twilio's list of permissions for restricted " +
					"API keys. Changes are applied in place. Formatting and key order do not matter: a policy that " +
					"is the same JSON never shows a difference.",
				CustomType: jsontypes.NormalizedType{},
				Optional:   true,
				// NOTE: Computed only so that samePolicyPlan may keep the state's formatting when the
				// configuration merely reformats the JSON; Terraform rejects such a plan for a purely optional
				// attribute. The value is always the configuration's otherwise.
				Computed:      true,
				Validators:    []validator.String{policyObjectValidator{}},
				PlanModifiers: []planmodifier.String{samePolicyPlan{}},
			},
			"secret": schema.StringAttribute{
				MarkdownDescription: "The key's secret, returned by Twilio only when the key is created. It " +
					"cannot be recovered later: after `terraform import` it is null. To get a new secret, replace " +
					"the key (`terraform apply -replace=...`).",
				Computed:      true,
				Sensitive:     true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"date_created": dateCreatedAttribute(),
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

// ValidateConfig ties policy to key_type at plan time, before anything reaches Twilio.
func (r *apiKeyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var keyType types.String
	var policy jsontypes.Normalized
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("key_type"), &keyType)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("policy"), &policy)...)
	if resp.Diagnostics.HasError() || keyType.IsUnknown() {
		return
	}
	restricted := keyType.ValueString() == apiKeyTypeRestricted
	switch {
	case restricted && policy.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("policy"), "Missing API key policy",
			"A key with key_type = \"restricted\" needs a policy: a JSON object listing what it may do, e.g. "+
				"jsonencode({ allow = [\"/twilio/messaging/messages/read\"] }).")
	case !restricted && !policy.IsNull() && !policy.IsUnknown():
		resp.Diagnostics.AddAttributeError(path.Root("policy"), "Policy needs a restricted API key",
			"policy only applies to restricted keys: set key_type = \"restricted\", or remove policy for a "+
				"standard key.")
	}
}

func (r *apiKeyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	// A key cannot move between accounts: a different planned account replaces it.
	r.defaultAccountSID(ctx, req, resp, false)
}

func (r *apiKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer identityAfterCreate(ctx, resp)
	var plan apiKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client := r.data.ready(&resp.Diagnostics)
	if client == nil {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	accountSID := plan.AccountSID.ValueString()
	if plan.AccountSID.IsUnknown() {
		// The provider configuration was unknown at plan time; it is known now.
		accountSID = client.AccountSID()
	}
	if plan.KeyType.ValueString() == apiKeyTypeRestricted {
		// Resolve the account's own credentials first, so that a failure there is reported as what it is.
		if _, err := client.ForAccount(ctx, accountSID); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Creating restricted Twilio API key in account %s", accountSID),
				"Restricted keys are created through Twilio's IAM API with the owning account's own "+
					"credentials, which could not be obtained; nothing was created. "+errorDetail(err))
			return
		}
	}
	key := createAPIKey(ctx, client, accountSID, &plan, &resp.Diagnostics)
	if key == nil {
		return
	}
	flattenAPIKey(&key.Key, &plan)
	// NOTE: the only time Twilio ever shows the secret; Read and Update never touch it again.
	plan.Secret = types.StringValue(key.Secret)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *apiKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	defer identityAfterRead(ctx, req, resp)
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !r.data.known() {
		return
	}
	client := r.data.client
	accountSID, sid := state.AccountSID.ValueString(), state.SID.ValueString()
	key, err := readAllowingLag(ctx, state.DateCreated, func() (*twilioclient.Key, error) {
		if state.KeyType.ValueString() == apiKeyTypeStandard {
			return client.FindKey(ctx, accountSID, sid)
		}
		// Only IAM returns the policy. NOTE: a key just imported has no key_type yet; IAM fetches every key
		// and answers policy null for standard ones, so its answer tells the two types apart.
		return client.FindRestrictedKey(ctx, accountSID, sid)
	})
	if err == nil && state.KeyType.ValueString() != apiKeyTypeStandard && state.KeyType.ValueString() != apiKeyTypeRestricted {
		state.KeyType = types.StringValue(apiKeyTypeStandard)
		if key.Policy != "" {
			state.KeyType = types.StringValue(apiKeyTypeRestricted)
		}
	}
	if err != nil {
		finishRead(ctx, client, accountSID, err, fmt.Sprintf("Twilio API key %s", sid), resp)
		return
	}
	flattenAPIKey(key, &state)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *apiKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer identityAfterUpdate(ctx, resp)
	var plan, state apiKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client := r.data.ready(&resp.Diagnostics)
	if client == nil {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	// Only the name and the policy can change in place; anything else replaces the key. Timeouts alone
	// need no call.
	if !plan.FriendlyName.Equal(state.FriendlyName) || !plan.Policy.Equal(state.Policy) {
		accountSID, sid := state.AccountSID.ValueString(), state.SID.ValueString()
		// A null friendly_name is sent as "", which clears the name in Twilio.
		name := plan.FriendlyName.ValueString()
		var key *twilioclient.Key
		var err error
		if state.KeyType.ValueString() == apiKeyTypeRestricted {
			key, err = client.UpdateRestrictedKey(ctx, accountSID, sid, name, plan.Policy.ValueString())
		} else {
			key, err = client.UpdateKey(ctx, accountSID, sid, name)
		}
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Updating Twilio API key %s", sid), errorDetail(err))
			return
		}
		flattenAPIKey(key, &plan)
	}
	plan.Secret = state.Secret
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *apiKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client := r.data.ready(&resp.Diagnostics)
	if client == nil {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	// NOTE: deleting revokes the key immediately; requests signed with its secret fail from now on.
	accountSID, sid := state.AccountSID.ValueString(), state.SID.ValueString()
	var err error
	if state.KeyType.ValueString() == apiKeyTypeRestricted {
		err = client.DeleteRestrictedKey(ctx, accountSID, sid)
	} else {
		err = client.DeleteKey(ctx, accountSID, sid)
	}
	finishDelete(ctx, client, accountSID, err, fmt.Sprintf("Revoking Twilio API key %s", sid), &resp.Diagnostics)
}

// ImportState takes "AC…/SK…", a bare "SK…" found in the provider's account or a subaccount, or an identity
// { account_sid, sid } (without account_sid, like a bare SID). The secret cannot be imported: Twilio never
// returns it after creation.
func (r *apiKeyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	defer identityAfterImport(ctx, resp)
	r.importAccountObject(ctx, req, resp, "SK", "API key", func(ctx context.Context, c *twilioclient.Client, account, sid string) error {
		// IAM sees standard and restricted keys alike.
		_, err := c.FindRestrictedKey(ctx, account, sid)
		return err
	})
}

// flattenAPIKey copies what Twilio reports into m; the secret is the caller's business.
func flattenAPIKey(k *twilioclient.Key, m *apiKeyModel) {
	m.SID = types.StringValue(k.SID)
	m.ID = m.SID
	m.AccountSID = types.StringValue(k.AccountSID)
	m.FriendlyName = optionalString(&k.FriendlyName)
	m.DateCreated = types.StringValue(k.DateCreated)
	switch {
	case k.Policy == "":
		m.Policy = jsontypes.NewNormalizedNull()
	case !m.Policy.IsNull() && !m.Policy.IsUnknown() && policiesEqual(m.Policy.ValueString(), k.Policy):
		// Keep the configuration's formatting; Twilio answers compact JSON.
	default:
		m.Policy = jsontypes.NewNormalizedValue(k.Policy)
	}
}

// policiesEqual compares two policies as JSON values, the way jsontypes.Normalized does; invalid JSON
// equals nothing.
func policiesEqual(a, b string) bool {
	eq, diags := jsontypes.NewNormalizedValue(a).StringSemanticEquals(context.Background(), jsontypes.NewNormalizedValue(b))
	return eq && !diags.HasError()
}

// samePolicyPlan plans the policy in state when the configuration holds the same JSON written
// differently, so reformatting or reordering a policy never shows a difference.
type samePolicyPlan struct{}

func (samePolicyPlan) Description(context.Context) string {
	return "A policy that is the same JSON as the one in state, formatted differently, is not a change."
}

func (m samePolicyPlan) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (samePolicyPlan) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	switch {
	case req.ConfigValue.IsUnknown():
	case req.ConfigValue.IsNull():
		// Computed would otherwise carry the state's policy or an unknown value; no policy means none.
		resp.PlanValue = types.StringNull()
	case !req.StateValue.IsNull() && !req.StateValue.IsUnknown() &&
		policiesEqual(req.StateValue.ValueString(), req.ConfigValue.ValueString()):
		resp.PlanValue = req.StateValue
	default:
		resp.PlanValue = req.ConfigValue
	}
}

// policyObjectValidator requires a JSON object; jsontypes.Normalized already rejects invalid JSON.
type policyObjectValidator struct{}

func (policyObjectValidator) Description(context.Context) string {
	return `must be a JSON object such as {"allow":["/twilio/messaging/messages/read"]}`
}

func (v policyObjectValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v policyObjectValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var doc any
	if json.Unmarshal([]byte(req.ConfigValue.ValueString()), &doc) != nil {
		return
	}
	if _, ok := doc.(map[string]any); !ok {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid API key policy",
			fmt.Sprintf("%s %s (write it with jsonencode), got %s.", req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
	}
}
