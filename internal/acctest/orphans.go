package acctest

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// ManagedTypes maps each resource type whose sid names a Twilio object the emulator holds to the start of
// that object's description in LiveObjects. TestMatrices_everyResource (internal/provider) fails when a
// resource the provider registers is neither here nor in Untracked.
var ManagedTypes = map[string]string{
	"twilio_subaccount":             "subaccount ",
	"twilio_api_key":                "api key ",
	"twilio_twiml_app":              "twiml app ",
	"twilio_incoming_number":        "number ",
	"twilio_studio_flow":            "studio flow ",
	"twilio_serverless_service":     "serverless service ",
	"twilio_serverless_environment": "serverless environment ",
	"twilio_serverless_variable":    "serverless variable ",
	"twilio_bundle_clone":           "bundle ",
	"twilio_serverless_function":    "serverless function ",
	"twilio_serverless_asset":       "serverless asset ",
	"twilio_address":                "address ",
	"twilio_usage_trigger":          "usage trigger ",
	"twilio_messaging_service":      "messaging service ",
	// A pool number is keyed by its service and number (stateKey): its own SID is the number's.
	"twilio_messaging_service_phone_number": "messaging pool number ",
	"twilio_messaging_service_alpha_sender": "messaging alpha sender ",
	// A pool short code is keyed like a pool number: its SID is the account's short code's.
	"twilio_messaging_service_short_code": "messaging pool short code ",
	// Trust Hub objects cost nothing, but a leftover profile or trust product in review is a submission
	// nobody follows.
	"twilio_trusthub_end_user":            "trusthub end user ",
	"twilio_trusthub_supporting_document": "trusthub supporting document ",
	"twilio_trusthub_customer_profile":    "trusthub customer profile ",
	"twilio_trusthub_trust_product":       "trusthub trust product ",
	"twilio_a2p_brand_registration":       "a2p brand ",
	"twilio_a2p_campaign":                 "a2p campaign ",
	"twilio_tollfree_verification":        "tollfree verification ",
}

// stateKey is the LiveObjects key of a resource in the state: its sid, or for a Messaging Service's pool
// number (whose SID is the incoming number's) service_sid/phone_number_sid.
func stateKey(rs *terraform.ResourceState) string {
	a := rs.Primary.Attributes
	switch rs.Type {
	case "twilio_messaging_service_phone_number":
		return a["service_sid"] + "/" + a["phone_number_sid"]
	case "twilio_messaging_service_short_code":
		return a["service_sid"] + "/" + a["short_code_sid"]
	}
	return a["sid"]
}

// KeptOnDestroy are the managed types whose objects Twilio cannot delete, so a destroy only forgets them
// (with a warning), and why: the check after a destroy allows them, every check after an apply counts them.
var KeptOnDestroy = map[string]string{
	"twilio_a2p_brand_registration": "Twilio has no DELETE for brand registrations",
}

// Untracked are the registered resource types the orphan check leaves out, and why.
var Untracked = map[string]string{
	"twilio_serverless_build": "a build an environment runs is kept on purpose when its resource goes " +
		"(see the resource's description); builds cost nothing while unused",
	"twilio_serverless_deployment": "Twilio cannot delete a deployment, and deployments cost nothing; what " +
		"an environment runs is checked through its build",
	"twilio_dialing_permissions": "a setting of a subaccount, not an object: nothing to orphan or duplicate",
}

// Baseline records the objects that exist before Terraform runs (made by the test's own set-up), so
// orphan checks count only what Terraform made.
func (e *Env) Baseline() {
	e.baseline = LiveObjects(e.Emulator.Snapshot())
}

// Orphans compares the emulator with a Terraform state: orphans exist in Twilio but not in the state
// (billed unseen), ghosts are in the state but do not exist. Both must be empty after every apply.
func (e *Env) Orphans(s *terraform.State) (orphans, ghosts []string) {
	live := LiveObjects(e.Emulator.Snapshot())
	inState := map[string]bool{}
	if s != nil {
		for _, m := range s.Modules {
			for _, rs := range m.Resources {
				if ManagedTypes[rs.Type] != "" && rs.Primary != nil {
					inState[stateKey(rs)] = true
				}
			}
		}
	}
	for sid, what := range live {
		if !inState[sid] && e.baseline[sid] == "" {
			orphans = append(orphans, what)
		}
	}
	for sid := range inState {
		if live[sid] == "" {
			ghosts = append(ghosts, sid)
		}
	}
	sort.Strings(orphans)
	sort.Strings(ghosts)
	return orphans, ghosts
}

// Duplicates counts the live objects of resourceType that Terraform made beyond the resources of that type
// in the state: a create repeated instead of reconciled.
func (e *Env) Duplicates(s *terraform.State, resourceType string) int {
	inState := 0
	if s != nil {
		for _, m := range s.Modules {
			for _, rs := range m.Resources {
				if rs.Type == resourceType && rs.Primary != nil {
					inState++
				}
			}
		}
	}
	prefix := ManagedTypes[resourceType]
	live := 0
	for sid, what := range LiveObjects(e.Emulator.Snapshot()) {
		if e.baseline[sid] == "" && prefix != "" && strings.HasPrefix(what, prefix) {
			live++
		}
	}
	return max(0, live-inState)
}

// CheckNoOrphans is a TestCheckFunc that fails on any orphan or ghost after an apply.
func (e *Env) CheckNoOrphans() func(*terraform.State) error {
	return func(s *terraform.State) error { return e.noOrphans(s, false) }
}

// CheckDestroyNoOrphans is a CheckDestroy: after destroy nothing Terraform made may be left in Twilio.
// NOTE: plugin-testing hands CheckDestroy the state from before the destroy, so it is ignored.
func (e *Env) CheckDestroyNoOrphans() func(*terraform.State) error {
	return func(*terraform.State) error { return e.noOrphans(nil, true) }
}

func (e *Env) noOrphans(s *terraform.State, destroyed bool) error {
	if e.Emulator == nil {
		return nil
	}
	orphans, ghosts := e.Orphans(s)
	if destroyed {
		orphans = slices.DeleteFunc(orphans, keptOnDestroy)
	}
	if len(orphans)+len(ghosts) > 0 {
		return fmt.Errorf("Twilio and the state disagree: orphans (in Twilio only) %v, ghosts (in state only) %v", orphans, ghosts)
	}
	return nil
}

// LiveObjects maps the SID of every object that is still open or billed to a short description.
func LiveObjects(s emulator.Snapshot) map[string]string {
	out := map[string]string{}
	for _, a := range s.Accounts {
		if !a.IsMain() && a.Status != emulator.StatusClosed {
			out[a.Sid] = "subaccount " + a.Sid
		}
	}
	for _, k := range s.Keys {
		out[k.Sid] = "api key " + k.Sid
	}
	for _, a := range s.Applications {
		out[a.Sid] = "twiml app " + a.Sid
	}
	for _, n := range s.IncomingNumbers {
		out[n.Sid] = "number " + n.PhoneNumber + " " + n.Sid
	}
	for _, f := range s.Flows {
		out[f.Sid] = "studio flow " + f.Sid
	}
	for _, v := range s.Services {
		out[v.Sid] = "serverless service " + v.UniqueName + " " + v.Sid
	}
	for _, v := range s.Environments {
		out[v.Sid] = "serverless environment " + v.UniqueName + " " + v.Sid
	}
	for _, v := range s.Variables {
		out[v.Sid] = "serverless variable " + v.Key + " " + v.Sid
	}
	for _, b := range s.Bundles {
		out[b.Sid] = "bundle " + b.Sid
	}
	// Builds are not listed: a build an environment runs is kept on purpose when its resource goes
	// (twilio_serverless_build), and versions and deployments cost nothing and cannot be deleted.
	for _, c := range s.ServerlessCode {
		kind := "function"
		if c.Asset {
			kind = "asset"
		}
		out[c.Sid] = "serverless " + kind + " " + c.FriendlyName + " " + c.Sid
	}
	for _, a := range s.Addresses {
		out[a.Sid] = "address " + a.Sid
	}
	for _, t := range s.UsageTriggers {
		out[t.Sid] = "usage trigger " + t.UsageCategory + " " + t.Sid
	}
	for _, v := range s.MessagingServices {
		out[v.Sid] = "messaging service " + v.FriendlyName + " " + v.Sid
	}
	// A pool member whose number left the account has left the pool too (the emulator no longer lists it).
	numbers := map[string]string{}
	for _, n := range s.IncomingNumbers {
		numbers[n.Sid] = n.AccountSid
	}
	for _, m := range s.MessagingSenders {
		switch {
		case strings.HasPrefix(m.Sid, "PN") && numbers[m.Sid] == m.AccountSid:
			out[m.ServiceSid+"/"+m.Sid] = "messaging pool number " + m.ServiceSid + "/" + m.Sid
		case strings.HasPrefix(m.Sid, "SC") && m.ServiceSid != "":
			out[m.ServiceSid+"/"+m.Sid] = "messaging pool short code " + m.ServiceSid + "/" + m.Sid
		case strings.HasPrefix(m.Sid, "AI"):
			out[m.Sid] = "messaging alpha sender " + m.AlphaSender + " " + m.Sid
		}
	}
	for _, u := range s.TrustEndUsers {
		out[u.Sid] = "trusthub end user " + u.Sid
	}
	for _, d := range s.SupportingDocuments {
		out[d.Sid] = "trusthub supporting document " + d.Sid
	}
	for _, b := range s.TrustBundles {
		kind := "trusthub customer profile "
		if b.Kind == emulator.ReviewTrustProduct {
			kind = "trusthub trust product "
		}
		out[b.Sid] = kind + b.Sid
	}
	for _, b := range s.BrandRegistrations {
		out[b.Sid] = "a2p brand " + b.Sid
	}
	for _, k := range s.Campaigns {
		out[k.Sid] = "a2p campaign " + k.Sid
	}
	for _, v := range s.TollfreeVerifications {
		out[v.Sid] = "tollfree verification " + v.Sid
	}
	return out
}

// keptOnDestroy reports whether an orphan described so is of a KeptOnDestroy type.
func keptOnDestroy(what string) bool {
	for typ := range KeptOnDestroy {
		if strings.HasPrefix(what, ManagedTypes[typ]) {
			return true
		}
	}
	return false
}

// CheckDeletedOneByOne is a CheckDestroy for objects living in a subaccount the same configuration closes:
// each resource of resourceType in the state must have been deleted by a DELETE of its own SID that Twilio
// answered with success. Closing the subaccount may remove what it holds, so "nothing left" alone would
// not notice a Delete that does nothing. Plugin-testing hands CheckDestroy the state from before the
// destroy, which names the SIDs.
func (e *Env) CheckDeletedOneByOne(resourceType string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		if e.Emulator == nil {
			return nil
		}
		seen := 0
		for _, rs := range s.RootModule().Resources {
			if rs.Type != resourceType {
				continue
			}
			seen++
			sid := rs.Primary.Attributes["sid"]
			// The object's own path ends in its SID (the 2010 API adds .json); a DELETE of something under it
			// (a Messaging Service's sender) is not its own.
			deleted := slices.ContainsFunc(e.Requests("DELETE", "/"+sid), func(r emulator.Request) bool {
				own := strings.HasSuffix(r.Path, "/"+sid) || strings.HasSuffix(r.Path, "/"+sid+".json")
				return own && r.Status >= 200 && r.Status < 300
			})
			if !deleted {
				return fmt.Errorf("%s %s was not deleted by a request of its own", resourceType, sid)
			}
		}
		if seen == 0 {
			return fmt.Errorf("no %s in the state before the destroy: nothing was checked", resourceType)
		}
		return nil
	}
}
