package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Emergency address registration is asynchronous: after a set, Twilio reports pending-registration until
// the address is registered, and after a removal pending-unregistration until it is unregistered. Twilio's
// procedure to change the address is to remove it, "Check Emergency Address Status on a Twilio number to
// ensure it's unregistered", then associate the new one
// (https://www.twilio.com/docs/voice/sip/api/emergency-calling-api), and a number is released only once no
// emergency address is registered on it. So a swap, a move and a release wait for `unregistered`, polling
// within the operation's timeout.

const (
	emergencyUnregistered = "unregistered"
	emergencyPollFirst    = 500 * time.Millisecond
	emergencyPollMax      = 10 * time.Second
)

// errEmergencyRegistration marks an emergency registration that ended in a failure state.
var errEmergencyRegistration = errors.New("emergency address registration failed")

// waitEmergencyUnregistered polls the number until Twilio reports its emergency address unregistered, and
// returns it then. It fails on a failure state, or with the last status seen when ctx ends first.
func waitEmergencyUnregistered(ctx context.Context, client *twilioclient.Client, account, sid string) (*twilioclient.IncomingNumber, error) {
	interval := emergencyPollFirst
	for {
		n, err := client.FindIncomingNumber(ctx, account, sid)
		if err != nil {
			return nil, fmt.Errorf("checking the emergency address registration of %s: %w", sid, err)
		}
		status := deref(n.EmergencyAddressStatus)
		switch {
		case status == "" || status == emergencyUnregistered:
			return n, nil
		case strings.HasSuffix(status, "-failure"):
			return nil, fmt.Errorf("%w: Twilio reports emergency_address_status %q for %s; check the number's "+
				"emergency address in the Console or with Twilio Support, then apply again", errEmergencyRegistration, status, sid)
		}
		select {
		case <-ctx.Done():
			return n, fmt.Errorf("emergency_address_status of %s is still %q after waiting for \"unregistered\" "+
				"until the timeout: Twilio unregisters an emergency address before the number can be released or take "+
				"another one. Apply again later, or raise the resource's timeouts (%w)", sid, status, ctx.Err())
		case <-time.After(interval):
		}
		interval = min(2*interval, emergencyPollMax)
	}
}

// removeEmergencyAddress removes a number's emergency address (EmergencyAddressSid empty), which starts
// its unregistration.
func removeEmergencyAddress(ctx context.Context, client *twilioclient.Client, account, sid, address string) (*twilioclient.IncomingNumber, error) {
	p := &twilioclient.UpdateIncomingNumberParams{}
	p.SetEmergencyAddressSid("")
	n, err := client.UpdateIncomingNumber(ctx, account, sid, p)
	if err != nil {
		return nil, fmt.Errorf("removing emergency address %s: %w", address, err)
	}
	return n, nil
}

// prepareEmergencyChange readies a number to take a new emergency address (want) by Twilio's procedure: the
// current one (have) is removed, and Twilio's unregistration awaited. Nothing is sent when want is empty or
// unchanged (and the number stays in its account), or when the number has no address and is not
// unregistering. It returns the number as last read (also with an error, when the removal went through),
// or nil when nothing was sent.
func prepareEmergencyChange(ctx context.Context, client *twilioclient.Client, account, sid, have, haveStatus, want string, moving bool) (*twilioclient.IncomingNumber, error) {
	if want == "" || (want == have && !moving) {
		return nil, nil
	}
	if have == "" && (haveStatus == "" || haveStatus == emergencyUnregistered) {
		return nil, nil
	}
	var removed *twilioclient.IncomingNumber
	if have != "" {
		var err error
		if removed, err = removeEmergencyAddress(ctx, client, account, sid, have); err != nil {
			return nil, err
		}
	}
	n, err := waitEmergencyUnregistered(ctx, client, account, sid)
	if n == nil {
		n = removed
	}
	return n, err
}

// releaseIncomingNumber releases a number, removing its emergency address first and waiting until Twilio
// has unregistered it: Twilio refuses to release a number with one ("Before a number can be released any
// registered emergency address will need to be removed",
// https://help.twilio.com/articles/223183028-Cancel-or-release-a-Twilio-number). The extra
// requests are sent only when the state records an emergency address, or when the release was refused and
// the number turns out to have one (set outside Terraform and not refreshed) or to be still unregistering
// one; the release is then tried once more.
func releaseIncomingNumber(ctx context.Context, client *twilioclient.Client, account, sid, emergencyAddress string) error {
	if emergencyAddress != "" {
		if _, err := removeEmergencyAddress(ctx, client, account, sid, emergencyAddress); err != nil {
			return fmt.Errorf("%w (before the release; the number was not released)", err)
		}
		if _, err := waitEmergencyUnregistered(ctx, client, account, sid); err != nil {
			return fmt.Errorf("%w; the emergency address was removed, the number was not released", err)
		}
	}
	err := client.DeleteIncomingNumber(ctx, account, sid)
	if err == nil || !twilioclient.IsStatus(err, 400) {
		return err
	}
	n, ferr := client.FindIncomingNumber(ctx, account, sid)
	if ferr != nil {
		return err
	}
	status := deref(n.EmergencyAddressStatus)
	switch address := deref(n.EmergencyAddressSid); {
	case address != "":
		if _, rerr := removeEmergencyAddress(ctx, client, account, sid, address); rerr != nil {
			return fmt.Errorf("%w (after Twilio refused the release: %w)", rerr, err)
		}
	case status == "" || status == emergencyUnregistered:
		return err
	}
	if _, werr := waitEmergencyUnregistered(ctx, client, account, sid); werr != nil {
		return fmt.Errorf("%w; the number was not released", werr)
	}
	return client.DeleteIncomingNumber(ctx, account, sid)
}

// warnEmergencyPending tells that Twilio has not registered the emergency address yet: the state records
// pending-registration, and the next refresh reports what Twilio decided.
func warnEmergencyPending(n *twilioclient.IncomingNumber, diags *diag.Diagnostics) {
	if deref(n.EmergencyAddressStatus) != "pending-registration" {
		return
	}
	diags.AddAttributeWarning(path.Root("emergency_address_status"), "Emergency address not registered yet",
		fmt.Sprintf("Twilio reports the emergency address %s of %s as pending-registration: until it is registered, "+
			"emergency calls from the number do not carry it. Registration takes Twilio a while; the next refresh "+
			"shows the outcome in emergency_address_status (registered, or registration-failure).",
			deref(n.EmergencyAddressSid), deref(n.PhoneNumber)))
}

// emergencyErrorDetail is errorDetail for errors that say which step of the procedure failed: Twilio's own
// errors keep that context, the waits say what Twilio reported.
func emergencyErrorDetail(err error) string {
	if strings.Contains(err.Error(), "emergency") {
		return err.Error()
	}
	return errorDetail(err)
}
