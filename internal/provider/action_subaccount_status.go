package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

type subaccountStatusModel struct {
	subaccountActionModel
	Status types.String `tfsdk:"status"`
}

// NewSubaccountStatusAction is twilio_subaccount_status: the spend circuit breaker.
func NewSubaccountStatusAction() action.Action {
	return &subaccountAction[subaccountStatusModel]{actionBase: actionBase{name: "subaccount_status"},
		description: "Suspends or reactivates a subaccount of the provider's account (Terraform 1.14+): the " +
			"circuit breaker for a tenant whose spend alert fired, run with `terraform apply -invoke=action." +
			"twilio_subaccount_status.<name>` or from a resource's `lifecycle { action_trigger { ... } }`. A " +
			"suspended subaccount's own credentials are refused by Twilio (error 20005) until it is reactivated; " +
			"its numbers are kept. Idempotent: a subaccount already in the wanted status is left as it is. The main " +
			"account, an account outside the provider's family and a closed subaccount are refused with nothing " +
			"changed. If the subaccount is also a `twilio_subaccount` resource, its `status` attribute then differs " +
			"from the configuration and the next plan proposes to set it back: use the action for subaccounts " +
			"whose `status` is not managed, or change `status` in the configuration instead.",
		accountDesc: "SID of the subaccount (`AC…`).",
		attributes: map[string]schema.Attribute{
			"status": schema.StringAttribute{
				MarkdownDescription: "`suspended` to suspend the subaccount, `active` to reactivate it.",
				Required:            true,
				Validators: []validator.String{stringvalidator.OneOf(twilioclient.AccountStatusSuspended,
					twilioclient.AccountStatusActive)},
			},
		},
		verb: "change the status of", invoke: invokeSubaccountStatus,
	}
}

func invokeSubaccountStatus(ctx context.Context, client *twilioclient.Client, cfg subaccountStatusModel, resp *action.InvokeResponse) {
	sid, want := cfg.AccountSID.ValueString(), cfg.Status.ValueString()
	verb := map[string]string{twilioclient.AccountStatusSuspended: "suspend", twilioclient.AccountStatusActive: "reactivate"}[want]
	acct := findActionSubaccount(ctx, client, sid, verb, &resp.Diagnostics)
	if acct == nil {
		return
	}
	if stringValue(acct.Status).ValueString() == want {
		progress(resp, fmt.Sprintf("Subaccount %s is already %s; nothing to do.", sid, want))
		return
	}
	if _, err := client.UpdateAccount(ctx, sid, (&twilioclient.UpdateAccountParams{}).SetStatus(want)); err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Could not %s subaccount %s", verb, sid),
			"Twilio refused the status change; the subaccount keeps its status. A subaccount Twilio itself "+
				"suspended (error 21478) can only be reactivated by Twilio support.\n\n"+err.Error())
		return
	}
	progress(resp, fmt.Sprintf("Subaccount %s is now %s.", sid, want))
}
