package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// The account-state policy, in one place. Twilio refuses requests made for a suspended or closed account
// with error 20005 (https://www.twilio.com/docs/errors/20005), to its own credentials (Studio, Serverless
// and IAM need them) and to its parent alike. What that means for an object the account owns:
//   - closed: Twilio deleted the account's objects with it (they can never come back): Read removes the
//     object from the state and Delete is done;
//   - suspended: the objects still exist, only hidden: Read keeps the state with a warning (refusing the
//     plan would block the very apply that reactivates the account), and Delete fails with the fix;
//   - anything else is the object's own error.
// Every Read and Delete of an account-owned object ends in finishRead / finishDelete, so the policy
// changes here for all of them.

// accountStateOf tells what a 20005 error means for an object of accountSID: closed (its objects are
// gone), or a hint to reactivate a suspended account. It asks Twilio for the account's status, with the
// parent's credentials, only after a 20005 about a subaccount.
func accountStateOf(ctx context.Context, client *twilioclient.Client, accountSID string, err error) (closed bool, hint string) {
	if !twilioclient.IsAccountInactive(err) || client == nil {
		return false, ""
	}
	if accountSID == client.AccountSID() {
		return false, "\n\nThe provider's own account is suspended or closed: reactivate it in the Twilio Console."
	}
	acct, findErr := client.FindAccount(ctx, accountSID)
	if findErr != nil || acct.Status == nil {
		return false, ""
	}
	switch *acct.Status {
	case twilioclient.AccountStatusClosed:
		return true, fmt.Sprintf("\n\nSubaccount %s is closed: Twilio deleted its objects with it, and it can have "+
			"no new ones.", accountSID)
	case twilioclient.AccountStatusSuspended:
		return false, fmt.Sprintf("\n\nThe credentials are fine: subaccount %s is suspended, and Twilio refuses to "+
			"show or change its objects while it is. Reactivate the subaccount (twilio_subaccount status = "+
			"\"active\") to manage them.", accountSID)
	}
	return false, ""
}

// finishRead ends every Read whose fetch failed: gone (404, or a closed account) leaves the state with a
// warning so the next plan creates the object again; a suspended account keeps the state with a warning;
// anything else is an error that keeps the state.
func finishRead(ctx context.Context, client *twilioclient.Client, accountSID string, err error, what string, resp *resource.ReadResponse) {
	closed, hint := accountStateOf(ctx, client, accountSID, err)
	switch {
	case twilioclient.IsNotFound(err) || closed:
		resp.Diagnostics.AddWarning(what+" is gone",
			what+" no longer exists in Twilio (deleted, released or closed outside Terraform); it was removed "+
				"from the state and the next apply creates it again.")
		resp.State.RemoveResource(ctx)
	case hint != "" || twilioclient.IsAccountInactive(err):
		if hint == "" {
			hint = "\n\nIts account is suspended, so Twilio refuses to show it. Reactivate the account " +
				"(twilio_subaccount status = \"active\") to refresh it."
		}
		resp.Diagnostics.AddWarning(what+" not refreshed", errorDetail(err)+hint+
			" The state keeps the last known values until the account is active again.")
	default:
		resp.Diagnostics.AddError("Reading "+what, errorDetail(err))
	}
}

// finishDelete ends every Delete: gone already (404, or the account closed) is done; anything else is an
// error, with the fix when the account is suspended.
func finishDelete(ctx context.Context, client *twilioclient.Client, accountSID string, err error, summary string, diags *diag.Diagnostics) {
	if err == nil || twilioclient.IsNotFound(err) {
		return
	}
	if closed, hint := accountStateOf(ctx, client, accountSID, err); !closed {
		diags.AddError(summary, errorDetail(err)+hint)
	}
}

// notListedWhileInactive is the warning of a query that meets a suspended account: what could not be listed,
// and why; the query goes on with the other accounts (the same policy as Read: suspended is not gone).
func notListedWhileInactive(what, account string, err error) (summary, detail string) {
	return fmt.Sprintf("Twilio %s of %s not listed", what, account),
		"The account is suspended, so Twilio refuses to show them; reactivate it (twilio_subaccount status = " +
			"\"active\") and query again. " + errorDetail(err)
}

// readObject is how a Read fetches its object: a 404 for an object created moments ago is asked again
// (readAllowingLag), and a failure ends the Read by the account-state policy (finishRead). It returns the
// object, or nil when the Read is over.
func readObject[T any](ctx context.Context, client *twilioclient.Client, account string, dateCreated types.String, what string,
	resp *resource.ReadResponse, fetch func() (*T, error)) *T {
	obj, err := readAllowingLag(ctx, dateCreated, fetch)
	if err != nil {
		finishRead(ctx, client, account, err, what, resp)
		return nil
	}
	return obj
}
