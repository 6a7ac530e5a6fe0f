package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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
	_ managedResource                     = (*apiKeyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*apiKeyResource)(nil)
)

// Key types as Terraform and Twilio's IAM API name them.
const (
	apiKeyTypeStandard   = "standard"
	apiKeyTypeRestricted = "restricted"
)

// NewAPIKeyResource is the factory for twilio_api_key.
func NewAPIKeyResource() resource.Resource {
	// A key cannot move between accounts: a different planned account replaces it.
	r := &apiKeyResource{resourceBase: resourceBase{name: "api_key", plan: planSteps{account: fixedAccountSID}}}
	// A standard key and a restricted one (IAM) take different calls: the hooks choose by key_type. IAM sees
	// standard and restricted keys alike, so an import looks for either there. The secret cannot be imported:
	// Twilio never returns it after creation.
	r.accountObject = accountObject[apiKeyModel, twilioclient.Key]{base: &r.resourceBase,
		noun:  "Twilio API key",
		byKey: (*twilioclient.Client).FindRestrictedKey, prefix: "SK", what: "API key",
		find: func(ctx context.Context, c *twilioclient.Client, m *apiKeyModel) (*twilioclient.Key, error) {
			if m.KeyType.ValueString() == apiKeyTypeStandard {
				return c.FindKey(ctx, m.AccountSID.ValueString(), m.SID.ValueString())
			}
			// Only IAM returns the policy. NOTE: a key just imported has no key_type yet; IAM fetches every key
			// and answers policy null for standard ones, so its answer tells the two types apart (flatten).
			return c.FindRestrictedKey(ctx, m.AccountSID.ValueString(), m.SID.ValueString())
		},
		create: r.create,
		flatten: flattenPlain(func(k *twilioclient.Key, m *apiKeyModel) {
			if t := m.KeyType.ValueString(); t != apiKeyTypeStandard && t != apiKeyTypeRestricted {
				m.KeyType = types.StringValue(apiKeyTypeStandard)
				if k.Policy != "" {
					m.KeyType = types.StringValue(apiKeyTypeRestricted)
				}
			}
			flattenAPIKey(k, m)
		}),
		update: updateAPIKey,
		// NOTE: deleting revokes the key immediately; requests signed with its secret fail from now on.
		remove: func(ctx context.Context, c *twilioclient.Client, m *apiKeyModel) error {
			if m.KeyType.ValueString() == apiKeyTypeRestricted {
				return c.DeleteRestrictedKey(ctx, m.AccountSID.ValueString(), m.SID.ValueString())
			}
			return c.DeleteKey(ctx, m.AccountSID.ValueString(), m.SID.ValueString())
		},
		deleting: "Revoking",
	}
	return r
}

type apiKeyResource struct {
	resourceBase
	accountObject[apiKeyModel, twilioclient.Key]
}

type apiKeyModel struct {
	accountObjectFields
	FriendlyName types.String         `tfsdk:"friendly_name"`
	KeyType      types.String         `tfsdk:"key_type"`
	Policy       jsontypes.Normalized `tfsdk:"policy"`
	Secret       types.String         `tfsdk:"secret"`
	Timeouts     timeouts.Value       `tfsdk:"timeouts"`
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
				Validators:    []validator.String{policyObjectValidator},
				PlanModifiers: []planmodifier.String{samePolicyPlan{}},
			},
			"secret": returnedSecretAttribute("The key's secret, returned by Twilio only when the key is created. It " +
				"cannot be recovered later: after `terraform import` it is null. To get a new secret, replace " +
				"the key (`terraform apply -replace=...`)."),
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
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

func (r *apiKeyResource) create(ctx context.Context, client *twilioclient.Client, plan *apiKeyModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
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
	key := createAPIKey(ctx, client, accountSID, plan, &resp.Diagnostics)
	if key == nil {
		return
	}
	flattenAPIKey(&key.Key, plan)
	// NOTE: the only time Twilio ever shows the secret; Read and Update never touch it again.
	plan.Secret = types.StringValue(key.Secret)
	resp.Diagnostics.Append(resp.State.Set(ctx, *plan)...)
}

// updateAPIKey renames the key, and changes a restricted key's policy; anything else replaces the key.
// Timeouts alone need no call. The secret stays the one the create returned: its plan modifier
// (returnedSecretAttribute) plans the state's, and flattenAPIKey leaves it alone.
func updateAPIKey(ctx context.Context, c *twilioclient.Client, plan, state *apiKeyModel) (*twilioclient.Key, error) {
	if plan.FriendlyName.Equal(state.FriendlyName) && plan.Policy.Equal(state.Policy) {
		return nil, nil
	}
	accountSID, sid := state.AccountSID.ValueString(), state.SID.ValueString()
	// A null friendly_name is sent as "", which clears the name in Twilio.
	name := plan.FriendlyName.ValueString()
	if state.KeyType.ValueString() == apiKeyTypeRestricted {
		return c.UpdateRestrictedKey(ctx, accountSID, sid, name, plan.Policy.ValueString())
	}
	return c.UpdateKey(ctx, accountSID, sid, name)
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

const policyObjectDescription = `must be a JSON object such as {"allow":["/twilio/messaging/messages/read"]}`

// policyObjectValidator requires a JSON object; jsontypes.Normalized already rejects invalid JSON.
var policyObjectValidator = stringCheck{description: policyObjectDescription, check: func(req validator.StringRequest, resp *validator.StringResponse) {
	var doc any
	if json.Unmarshal([]byte(req.ConfigValue.ValueString()), &doc) != nil {
		return
	}
	if _, ok := doc.(map[string]any); !ok {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid API key policy",
			fmt.Sprintf("%s %s (write it with jsonencode), got %s.", req.Path, policyObjectDescription, req.ConfigValue.ValueString()))
	}
}}

// Creating a key safely when Twilio's answer is lost. The secret is only in the create's answer, so a key
// whose answer was lost can never be adopted; it must be revoked, or it stays a live credential nobody
// holds. Revoking is only safe for a key this request provably made: a name is no proof (a for_each
// sibling or a person in the Console can create a key of the same name at the same moment, and revoking
// theirs breaks whatever uses it). So every key is created under a one-off marker name no one else can
// produce, then renamed to its configured name: after a lost answer, the key bearing the marker is ours
// beyond doubt, and is revoked before the key is created again.

// keyMarkerPrefix starts the temporary name of a key being created. A key still named so after a crash is
// an abandoned create whose secret nobody has: safe to revoke.
const keyMarkerPrefix = "terraform-pending-"

func newKeyMarker() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return keyMarkerPrefix + hex.EncodeToString(b)
}

// createAPIKey creates the planned key and returns it with its secret, or nil after reporting why not.
func createAPIKey(ctx context.Context, client *twilioclient.Client, accountSID string, plan *apiKeyModel, diags *diag.Diagnostics) *twilioclient.NewKey {
	restricted := plan.KeyType.ValueString() == apiKeyTypeRestricted
	summary := fmt.Sprintf("Creating Twilio API key in account %s", accountSID)
	for attempt := 1; ; attempt++ {
		marker := newKeyMarker()
		var key *twilioclient.NewKey
		var err error
		if restricted {
			key, err = client.CreateRestrictedKey(ctx, accountSID, marker, plan.Policy.ValueString())
		} else {
			key, err = client.CreateKey(ctx, accountSID, marker)
		}
		if err == nil {
			return renameNewKey(ctx, client, key, plan, diags)
		}
		if !twilioclient.IsAmbiguous(err) {
			diags.AddError(summary, errorDetail(err)+ambiguousCreateHint(err, "api_key", "an API key"))
			return nil
		}
		found, lookupErr := lookupAfterLostAnswer(ctx, func(ctx context.Context) ([]twilioclient.Key, error) {
			return client.FindKeysNamed(ctx, accountSID, marker, restricted)
		})
		if lookupErr != nil {
			diags.AddError(summary, fmt.Sprintf("%s\n\nThe request was sent but its answer was lost, and looking for "+
				"the key it may have made kept failing (%s). If account %s has a key named %q, this request made "+
				"it and nobody has its secret: revoke it, then apply again.", errorDetail(err), errorDetail(lookupErr),
				accountSID, marker))
			return nil
		}
		if len(found) == 0 {
			diags.AddError(summary, lostAnswerDetail(err, nil, "", "api_key", fmt.Sprintf("key named %q", marker)))
			return nil
		}
		rctx, cancel := detached(ctx)
		for _, k := range found {
			var rerr error
			if restricted {
				rerr = client.DeleteRestrictedKey(rctx, accountSID, k.SID)
			} else {
				rerr = client.DeleteKey(rctx, accountSID, k.SID)
			}
			if rerr != nil && !twilioclient.IsNotFound(rerr) {
				cancel()
				diags.AddError(summary, fmt.Sprintf("%s\n\nThe request was sent but its answer, with the secret, was "+
					"lost. The key it made, %s (named %q), could not be revoked: %s. Revoke it by hand (nobody has "+
					"its secret), then apply again.", errorDetail(err), k.SID, marker, errorDetail(rerr)))
				return nil
			}
		}
		cancel()
		if attempt == 2 || ctx.Err() != nil {
			diags.AddError(summary, fmt.Sprintf("%s\n\nThe request was sent but its answer, with the secret, was "+
				"lost; the key it made (%s) was revoked, so nothing is left behind. Apply again.", errorDetail(err),
				found[0].SID))
			return nil
		}
		diags.AddWarning("Created the Twilio API key again after a lost answer",
			fmt.Sprintf("The first create got no answer (%s); the key it made (%s, recognised by its one-off "+
				"temporary name) was revoked, since its secret was lost, and the key was created again.", err, found[0].SID))
	}
}

// renameNewKey gives a key created under its marker the configured name. If that fails the key is still
// returned (its secret must reach the state), named by its marker: the next plan shows the rename.
func renameNewKey(ctx context.Context, client *twilioclient.Client, key *twilioclient.NewKey, plan *apiKeyModel, diags *diag.Diagnostics) *twilioclient.NewKey {
	// NOTE: on a detached context: a Ctrl-C right after the create must not leave the marker name behind.
	rctx, cancel := detached(ctx)
	defer cancel()
	name := plan.FriendlyName.ValueString()
	var renamed *twilioclient.Key
	var err error
	if plan.KeyType.ValueString() == apiKeyTypeRestricted {
		renamed, err = client.UpdateRestrictedKey(rctx, key.AccountSID, key.SID, name, plan.Policy.ValueString())
	} else {
		renamed, err = client.UpdateKey(rctx, key.AccountSID, key.SID, name)
	}
	if err != nil {
		diags.AddWarning(fmt.Sprintf("Twilio API key %s was created but not renamed", key.SID),
			fmt.Sprintf("The key exists and its secret is in the state, but it still has its temporary name %q; "+
				"the next apply renames it. %s", key.FriendlyName, errorDetail(err)))
		return key
	}
	key.Key = *renamed
	return key
}
