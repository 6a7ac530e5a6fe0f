package acctest

import (
	"strings"
	"testing"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// Every managed type's description prefix is one LiveObjects gives, and every live object has a managed
// type: a prefix nothing produces would make Duplicates count nothing for that type, and an object of no
// type would be an orphan the state can never hold.
func TestManagedTypesMatchLiveObjects(t *testing.T) {
	var snap emulator.Snapshot
	snap.Accounts = []emulator.Account{{Sid: "AC1", OwnerAccountSid: "AC0"}}
	snap.Keys = []emulator.Key{{Sid: "SK1"}}
	snap.Applications = []emulator.Application{{Sid: "AP1"}}
	snap.IncomingNumbers = []emulator.IncomingNumber{{Sid: "PN1", AccountSid: "AC1"}}
	snap.Flows = []emulator.Flow{{Sid: "FW1"}}
	snap.Services = []emulator.Service{{Sid: "ZS1"}}
	snap.Environments = []emulator.Environment{{Sid: "ZE1"}}
	snap.Variables = []emulator.Variable{{Sid: "ZV1"}}
	snap.ServerlessCode = []emulator.ServerlessCode{{Sid: "ZH1"}, {Sid: "ZH2", Asset: true}}
	snap.Bundles = []emulator.Bundle{{Sid: "BU1"}}
	snap.Addresses = []emulator.Address{{Sid: "AD1"}}
	snap.UsageTriggers = []emulator.UsageTrigger{{Sid: "UT1"}}
	snap.MessagingServices = []emulator.MessagingService{{Sid: "MG1"}}
	snap.MessagingSenders = []emulator.MessagingSender{{Sid: "PN1", AccountSid: "AC1", ServiceSid: "MG1"},
		{Sid: "AI1", AccountSid: "AC1", ServiceSid: "MG1", AlphaSender: "Acme"},
		{Sid: "SC1", AccountSid: "AC1", ServiceSid: "MG1", ShortCode: "55123"}}
	snap.TrustEndUsers = []emulator.TrustEndUser{{Sid: "IT1"}}
	snap.SupportingDocuments = []emulator.SupportingDocument{{Sid: "RD1"}}
	snap.TrustBundles = []emulator.TrustBundle{{Sid: "BU2", Kind: emulator.ReviewCustomerProfile}, {Sid: "BU3", Kind: emulator.ReviewTrustProduct}}
	snap.BrandRegistrations = []emulator.BrandRegistration{{Sid: "BN1"}}
	snap.Campaigns = []emulator.Campaign{{Sid: "QE1"}}
	snap.TollfreeVerifications = []emulator.TollfreeVerification{{Sid: "HH1"}}
	live := LiveObjects(snap)
	for name, prefix := range ManagedTypes {
		found := false
		for _, what := range live {
			found = found || strings.HasPrefix(what, prefix)
		}
		if !found {
			t.Errorf("%s: no live object is described as %q", name, prefix)
		}
	}
	for sid, what := range live {
		typed := false
		for _, prefix := range ManagedTypes {
			typed = typed || strings.HasPrefix(what, prefix)
		}
		if !typed {
			t.Errorf("%s (%s) is of no managed type", sid, what)
		}
	}
}

// A kept-on-destroy type's objects are allowed after a destroy only: after an apply they are orphans like
// any other.
func TestKeptOnDestroyOnlyAfterDestroy(t *testing.T) {
	for typ := range KeptOnDestroy {
		prefix := ManagedTypes[typ]
		if prefix == "" {
			t.Errorf("%s is kept on destroy but not a managed type", typ)
			continue
		}
		if !keptOnDestroy(prefix + "X1") {
			t.Errorf("%s: an object described %q is not recognised as kept on destroy", typ, prefix+"X1")
		}
	}
	if keptOnDestroy("a2p campaign QE1") || keptOnDestroy("number +14155550100 PN1") {
		t.Error("objects Twilio can delete must count as orphans after a destroy")
	}
}
