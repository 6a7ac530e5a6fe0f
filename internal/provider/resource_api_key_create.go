package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

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
