package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Resource identity needs Terraform 1.12 or OpenTofu 1.12 (plugin-testing compares OpenTofu's own number).
var testAccIdentityVersions = acctest.Needs(acctest.Identity)

// testAccTenantAddrs are the resources of testAccIdentityTenantConfig and their SID prefixes.
var testAccTenantAddrs = map[string]string{
	"twilio_subaccount.t":      "AC",
	"twilio_twiml_app.t":       "AP",
	"twilio_api_key.t":         "SK",
	"twilio_studio_flow.t":     "FW",
	"twilio_incoming_number.t": "PN",
	"twilio_address.t":         "AD",
}

// Every resource made by Terraform carries its identity after create, update and refresh, and can be
// imported again from that identity alone (`import { identity = {...} }`).
func TestAccResourceIdentity_tenant(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	steps := []resource.TestStep{
		{Config: env.Config(testAccIdentityTenantConfig("one")), ConfigStateChecks: testAccTenantIdentityChecks()},
		{Config: env.Config(testAccIdentityTenantConfig("two")), ConfigStateChecks: testAccTenantIdentityChecks(),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("twilio_twiml_app.t", plancheck.ResourceActionUpdate),
			}}},
		{
			// A refresh with nothing to change keeps every identity.
			Config: env.Config(testAccIdentityTenantConfig("two")), ConfigStateChecks: testAccTenantIdentityChecks(),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
	}
	for addr := range testAccTenantAddrs {
		steps = append(steps, resource.TestStep{
			Config:          env.Config(testAccIdentityTenantConfig("two")),
			ResourceName:    addr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		})
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccIdentityVersions,
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps:                    steps,
	})
}

// testAccTenantIdentityChecks: the subaccount's identity is its sid; every other object's is its account
// (the tenant's subaccount) and its own sid, both equal to the state attributes of the same name.
func testAccTenantIdentityChecks() []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for addr, prefix := range testAccTenantAddrs {
		want := map[string]knownvalue.Check{"sid": knownvalue.StringRegexp(sidRegexp(prefix))}
		if prefix != "AC" {
			want["account_sid"] = knownvalue.StringRegexp(sidRegexp("AC"))
			checks = append(checks, statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("account_sid")))
		}
		checks = append(checks, statecheck.ExpectIdentity(addr, want),
			statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("sid")))
	}
	return checks
}

func testAccIdentityTenantConfig(name string) string {
	return fmt.Sprintf(`
resource "twilio_subaccount" "t" {
  friendly_name = "tenant %[1]s"
}

resource "twilio_twiml_app" "t" {
  account_sid   = twilio_subaccount.t.sid
  friendly_name = "app %[1]s"
}

resource "twilio_api_key" "t" {
  account_sid   = twilio_subaccount.t.sid
  friendly_name = "key"
}

resource "twilio_studio_flow" "t" {
  account_sid   = twilio_subaccount.t.sid
  friendly_name = "flow"
  status        = "published"
  definition    = %[2]s
}

resource "twilio_incoming_number" "t" {
  account_sid   = twilio_subaccount.t.sid
  phone_number  = "+14155550123"
  friendly_name = "main line"
  voice_application_sid = twilio_twiml_app.t.sid
  emergency_address_sid = twilio_address.t.sid
}

resource "twilio_address" "t" {
  account_sid       = twilio_subaccount.t.sid
  customer_name     = "Tenant %[1]s"
  street            = "1 Main St"
  city              = "Austin"
  region            = "TX"
  postal_code       = "78701"
  iso_country       = "US"
  emergency_enabled = true
}
`, name, testAccStudioFlowHeredoc("identity"))
}

// Objects made outside Terraform are adopted with identity import blocks; account_sid may be left out to
// mean the provider's account, and a malformed identity is refused before any Twilio call.
func TestAccResourceIdentity_importBlock(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	acct, err := env.Client(t).CreateSubaccount(ctx, "made in the console")
	if err != nil {
		t.Fatal(err)
	}
	params := &twilioclient.CreateApplicationParams{}
	params.SetFriendlyName("console app")
	app, err := env.Client(t).CreateApplication(ctx, *acct.Sid, params)
	if err != nil {
		t.Fatal(err)
	}
	ownApp, err := env.Client(t).CreateApplication(ctx, env.AccountSID, params)
	if err != nil {
		t.Fatal(err)
	}
	config := env.Config(fmt.Sprintf(`
resource "twilio_subaccount" "c" {
  friendly_name = "made in the console"
}

resource "twilio_twiml_app" "c" {
  account_sid   = twilio_subaccount.c.sid
  friendly_name = "console app"
}

resource "twilio_twiml_app" "own" {
  friendly_name = "console app"
}

import {
  to       = twilio_subaccount.c
  identity = { sid = %[1]q }
}

import {
  to       = twilio_twiml_app.c
  identity = { account_sid = %[1]q, sid = %[2]q }
}

import {
  to       = twilio_twiml_app.own
  identity = { sid = %[3]q }
}
`, *acct.Sid, *app.Sid, *ownApp.Sid))
	bad := func(identity string) string {
		return env.Config(`
resource "twilio_twiml_app" "bad" {
  friendly_name = "console app"
}

import {
  to       = twilio_twiml_app.bad
  identity = ` + identity + `
}
`)
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccIdentityVersions,
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             testAccCheckSubaccountClosed(t, env),
		Steps: []resource.TestStep{
			{
				Config: bad(`{ sid = "PN` + strings.Repeat("0", 32) + `" }`), PlanOnly: true,
				ExpectError: acctest.ErrorRegexp(`identity.sid must be AP followed by 32 hexadecimal digits`),
			},
			{
				Config: bad(`{ account_sid = "ACnope", sid = "` + *app.Sid + `" }`), PlanOnly: true,
				ExpectError: acctest.ErrorRegexp(`identity.account_sid must be AC followed by 32 hexadecimal digits`),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("twilio_subaccount.c", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("twilio_twiml_app.c", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("twilio_twiml_app.own", plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity("twilio_subaccount.c", map[string]knownvalue.Check{"sid": knownvalue.StringExact(*acct.Sid)}),
					statecheck.ExpectIdentity("twilio_twiml_app.c", map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(*acct.Sid), "sid": knownvalue.StringExact(*app.Sid)}),
					statecheck.ExpectIdentity("twilio_twiml_app.own", map[string]knownvalue.Check{
						"account_sid": knownvalue.StringExact(env.AccountSID), "sid": knownvalue.StringExact(*ownApp.Sid)}),
					statecheck.ExpectKnownValue("twilio_twiml_app.own", tfjsonpath.New("account_sid"), knownvalue.StringExact(env.AccountSID)),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// testAccServerlessIdentityAttrs are the identity attributes of the Serverless code resources, each also a
// state attribute of the same name (a deployment is identified by its environment).
var testAccServerlessIdentityAttrs = map[string][]string{
	testAccFunctionAddr:   {"account_sid", "service_sid", "sid"},
	testAccAssetAddr:      {"account_sid", "service_sid", "sid"},
	testAccBuildAddr:      {"account_sid", "service_sid", "sid"},
	testAccDeploymentAddr: {"account_sid", "service_sid", "environment_sid"},
}

// The Serverless code resources (function, asset, build, deployment) carry their identity after create
// and import again from it alone.
func TestAccResourceIdentity_serverlessCode(t *testing.T) {
	t.Parallel()
	s := newTestAccServerless(t)
	config := s.config(testAccServerlessStackConfig("// x\n") + `
resource "twilio_serverless_asset" "test" {
  service_sid   = local.service_sid
  friendly_name = "style"
  path          = "/style.css"
  content       = "body {}"
}
`)
	var checks []statecheck.StateCheck
	for addr, attrs := range testAccServerlessIdentityAttrs {
		for _, a := range attrs {
			checks = append(checks, statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New(a)))
		}
	}
	steps := []resource.TestStep{{Config: config, ConfigStateChecks: checks}}
	for addr := range testAccServerlessIdentityAttrs {
		steps = append(steps, resource.TestStep{Config: config, ResourceName: addr, ImportState: true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
			// Twilio never returns code, so an imported function or asset plans to upload its content again.
			ExpectNonEmptyPlan: addr == testAccFunctionAddr || addr == testAccAssetAddr})
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   testAccIdentityVersions,
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    steps,
	})
}
