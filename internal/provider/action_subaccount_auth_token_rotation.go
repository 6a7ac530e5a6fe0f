package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// NewSubaccountAuthTokenRotationAction is twilio_subaccount_auth_token_rotation.
func NewSubaccountAuthTokenRotationAction() action.Action {
	return &subaccountAction[subaccountActionModel]{actionBase: actionBase{name: "subaccount_auth_token_rotation"},
		description: "Rotates a subaccount's auth token (Terraform 1.14+), with no downtime for the " +
			"provider itself: creates a " +
			"secondary auth token with the subaccount's own credentials (Accounts v1 `/v1/AuthTokens/Secondary`; " +
			"those endpoints act on the account whose credentials call them, so the parent's would rotate the " +
			"parent's token), checks that the old and the new token both authenticate, then promotes the new " +
			"one (`/v1/AuthTokens/Promote`), after which Twilio refuses the old token. The provider must use the " +
			"parent's auth token (Twilio shows a subaccount's token to nothing else); the main account, a closed " +
			"or suspended subaccount and an account outside the provider's family are refused with nothing " +
			"changed. The token is never printed. An action cannot write another resource's state: the " +
			"`auth_token` of a `twilio_subaccount` resource for this subaccount is refreshed by the next plan or " +
			"apply, which reads the new token from Twilio, so providers configured from it get the new one. " +
			"Whatever else holds the old token (an application's settings, a provider alias configured with " +
			"`auth_token = twilio_subaccount.<name>.auth_token` in the same run) is refused from the promote " +
			"on: run the action alone with `terraform apply -invoke=...`, then refresh, never from an " +
			"`action_trigger` in a run that also uses that alias.",
		accountDesc: "SID of the subaccount (`AC…`) whose auth token is rotated.",
		verb:        "rotate the auth token of", plan: planAuthTokenRotation, invoke: invokeAuthTokenRotation,
	}
}

// planAuthTokenRotation refuses an API key, which cannot see a subaccount's auth token.
func planAuthTokenRotation(a *actionBase, resp *action.ModifyPlanResponse) {
	if a.data.known() && a.data.client.UsesAPIKey() {
		resp.Diagnostics.AddAttributeError(path.Root("account_sid"), "Cannot rotate a subaccount's auth token with an API key",
			"Rotating needs the subaccount's own auth token, which Twilio shows only to the parent's auth token. "+
				"Configure the provider with account_sid and auth_token. Nothing was changed.")
	}
}

func invokeAuthTokenRotation(ctx context.Context, client *twilioclient.Client, cfg subaccountActionModel, resp *action.InvokeResponse) {
	sid := cfg.AccountSID.ValueString()
	acct := findActionSubaccount(ctx, client, sid, "rotate the auth token of", &resp.Diagnostics)
	if acct == nil {
		return
	}
	if stringValue(acct.Status).ValueString() == twilioclient.AccountStatusSuspended {
		resp.Diagnostics.AddAttributeError(path.Root("account_sid"), fmt.Sprintf("Cannot rotate the auth token of account %s", sid),
			"The subaccount is suspended, and Twilio refuses a suspended account's own credentials (error 20005), "+
				"which the rotation needs. Reactivate it (action twilio_subaccount_status), rotate, then suspend it "+
				"again. Nothing was changed.")
		return
	}
	progress(resp, fmt.Sprintf("Rotating the auth token of subaccount %s: secondary token, check, promote.", sid))
	if _, err := client.RotateSubaccountAuthToken(ctx, sid); err != nil {
		step := "The rotation stopped."
		var re *twilioclient.RotationError
		if errors.As(err, &re) {
			step = "The rotation stopped: " + string(re.Step) + "."
			if re.Step != twilioclient.RotationPromoted {
				step += " Invoke the action again: it deletes any unused secondary token first."
			}
		}
		resp.Diagnostics.AddError(fmt.Sprintf("Could not rotate the auth token of subaccount %s", sid), step+"\n\n"+err.Error())
		return
	}
	progress(resp, fmt.Sprintf("Subaccount %s has a new auth token; the old one no longer works. Refresh the "+
		"state (the next plan does) to store it in twilio_subaccount.auth_token.", sid))
}
