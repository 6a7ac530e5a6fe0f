package provider

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
)

// faultTarget is one resource under fault injection: two configurations that differ by one updatable
// attribute, and the paths of its create, read/update and delete calls.
type faultTarget struct {
	name             string
	configA, configB string
	createPath       string
	instancePath     string
	deleteMethod     string
	// setup, when set, makes what the configurations need but Terraform cannot create, before the
	// baseline, and returns configA and configB naming it.
	setup func(t *testing.T, env *acctest.Env) (configA, configB string)
	// readPath and updatePath, when set, are what the resource's read and update call instead of
	// instancePath (a deployment reads its environment, and an update deploys anew).
	readPath, updatePath string
	// unclear maps "create" or "update" to the error that operation fails with when Twilio's answer is
	// unclear or lost, for a resource with no lookup to find what it made (said why at the row). The
	// scenario then expects that error and a clean re-apply.
	unclear map[string]*regexp.Regexp
	// skip names the scenarios ("update", "delete", "create/timeout"...) that cannot apply to the resource,
	// each with the reason.
	skip map[string]string
}

// skipped reports why a scenario ("update", or a lost-answer kind as "create/cancel") does not apply.
func (ft faultTarget) skipped(scenario string) string { return ft.skip[scenario] }

// prepared runs ft's setup in env, if it has one.
func (ft faultTarget) prepared(t *testing.T, env *acctest.Env) faultTarget {
	if ft.setup != nil {
		ft.configA, ft.configB = ft.setup(t, env)
	}
	return ft
}

// testAccBundleCloneFaultSetup makes the subaccount and the main account's approved bundle a clone needs
// (the source by SID: a data source's list request would meet the faults aimed at the clone lookup).
func testAccBundleCloneFaultSetup(t *testing.T, env *acctest.Env) (string, string) {
	sub, err := env.Client(t).CreateSubaccount(context.Background(), "faulty tenant")
	if err != nil {
		t.Fatal(err)
	}
	source := env.Bundle(t, testAccUKBundle("", ""))
	config := func(name string) string {
		return fmt.Sprintf(`resource "twilio_bundle_clone" "test" {
  account_sid   = %q
  bundle_sid    = %q
  friendly_name = %q
}`, *sub.Sid, source, name)
	}
	return config("faulty-a"), config("faulty-b")
}

var faultTargets = []faultTarget{
	{
		name: "twilio_subaccount",
		configA: `resource "twilio_subaccount" "test" {
  friendly_name = "faulty-a"
}`,
		configB: `resource "twilio_subaccount" "test" {
  friendly_name = "faulty-b"
}`,
		createPath:   `^/2010-04-01/Accounts\.json$`,
		instancePath: `^/2010-04-01/Accounts/AC[0-9a-f]{32}\.json$`,
		// NOTE: closing is an update of the account's status; Twilio has no DELETE for accounts.
		deleteMethod: "POST",
	},
	{
		name: "twilio_api_key",
		configA: `resource "twilio_api_key" "test" {
  friendly_name = "faulty-a"
}`,
		configB: `resource "twilio_api_key" "test" {
  friendly_name = "faulty-b"
}`,
		createPath:   `/Keys\.json$`,
		instancePath: `/Keys/SK[0-9a-f]{32}\.json$`,
		deleteMethod: "DELETE",
	},
	{
		name: "twilio_twiml_app",
		configA: `resource "twilio_twiml_app" "test" {
  friendly_name = "faulty"
  voice_url = "https://a.example.com/voice"
}`,
		configB: `resource "twilio_twiml_app" "test" {
  friendly_name = "faulty"
  voice_url = "https://b.example.com/voice"
}`,
		createPath:   `/Applications\.json$`,
		instancePath: `/Applications/AP[0-9a-f]{32}\.json$`,
		deleteMethod: "DELETE",
	},
	{
		name: "twilio_usage_trigger",
		configA: `resource "twilio_usage_trigger" "test" {
  friendly_name  = "faulty"
  usage_category = "totalprice"
  trigger_by     = "price"
  trigger_value  = "100"
  recurring      = "monthly"
  callback_url   = "https://a.example.com/spend"
}`,
		configB: `resource "twilio_usage_trigger" "test" {
  friendly_name  = "faulty"
  usage_category = "totalprice"
  trigger_by     = "price"
  trigger_value  = "100"
  recurring      = "monthly"
  callback_url   = "https://b.example.com/spend"
}`,
		createPath:   `/Usage/Triggers\.json$`,
		instancePath: `/Usage/Triggers/UT[0-9a-f]{32}\.json$`,
		deleteMethod: "DELETE",
	},
	{
		name: "twilio_messaging_service",
		configA: `resource "twilio_messaging_service" "test" {
  friendly_name       = "faulty"
  inbound_request_url = "https://a.example.com/sms"
}`,
		configB: `resource "twilio_messaging_service" "test" {
  friendly_name       = "faulty"
  inbound_request_url = "https://b.example.com/sms"
}`,
		createPath:   `^/v1/Services$`,
		instancePath: `^/v1/Services/MG[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
	},
	{
		// The number and the service around the pool member are made without faults; only the member's
		// calls meet them.
		name:         "twilio_messaging_service_phone_number",
		configA:      testAccMessagingPoolFaultConfig,
		createPath:   `/PhoneNumbers$`,
		instancePath: `/PhoneNumbers/PN[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
		skip:         map[string]string{"update": "every attribute of a pool member but timeouts replaces it"},
	},
	{
		// The service around the alpha sender is made without faults.
		name:         "twilio_messaging_service_alpha_sender",
		configA:      testAccMessagingAlphaFaultConfig,
		createPath:   `/AlphaSenders$`,
		instancePath: `/AlphaSenders/AI[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
		skip:         map[string]string{"update": "every attribute of an alpha sender but timeouts replaces it"},
	},
	{
		// The short code is provisioned by the emulator's test control and the service is made without faults.
		name: "twilio_messaging_service_short_code",
		setup: func(t *testing.T, env *acctest.Env) (string, string) {
			sc, err := env.Emulator.AddShortCode(env.AccountSID, "55123")
			if err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf(`
resource "twilio_messaging_service" "pool" {
  friendly_name = "faulty pool"
}

resource "twilio_messaging_service_short_code" "test" {
  service_sid    = twilio_messaging_service.pool.sid
  short_code_sid = %q
}
`, sc), ""
		},
		createPath:   `/ShortCodes$`,
		instancePath: `/ShortCodes/SC[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
		skip:         map[string]string{"update": "every attribute of a pool member but timeouts replaces it"},
	},
	{
		name: "twilio_incoming_number",
		configA: `resource "twilio_incoming_number" "test" {
  phone_number = "+14155550177"
  voice_url = "https://a.example.com/voice"
}`,
		configB: `resource "twilio_incoming_number" "test" {
  phone_number = "+14155550177"
  voice_url = "https://b.example.com/voice"
}`,
		createPath:   `/IncomingPhoneNumbers\.json$`,
		instancePath: `/IncomingPhoneNumbers/PN[0-9a-f]{32}\.json$`,
		deleteMethod: "DELETE",
	},
	{
		name: "twilio_studio_flow",
		configA: `resource "twilio_studio_flow" "test" {
  friendly_name = "faulty"
  status        = "draft"
  definition    = jsonencode({ description = "a", states = [{ name = "Trigger", type = "trigger", properties = {}, transitions = [] }], initial_state = "Trigger", flags = { allow_concurrent_calls = true } })
}`,
		configB: `resource "twilio_studio_flow" "test" {
  friendly_name = "faulty"
  status        = "draft"
  definition    = jsonencode({ description = "b", states = [{ name = "Trigger", type = "trigger", properties = {}, transitions = [] }], initial_state = "Trigger", flags = { allow_concurrent_calls = true } })
}`,
		createPath:   `^/v2/Flows$`,
		instancePath: `^/v2/Flows/FW[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
	},
	{
		name:         "twilio_serverless_service",
		configA:      testAccServerlessServiceConfig("faulty", "faulty-a", ""),
		configB:      testAccServerlessServiceConfig("faulty", "faulty-b", ""),
		createPath:   `^/v1/Services$`,
		instancePath: `^/v1/Services/ZS[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
	},
	{
		// The service and environment around the variable are made without faults; only the variable's
		// calls meet them.
		name:         "twilio_serverless_variable",
		configA:      testAccServerlessVariableConfig("FAULTY", `value = "a"`),
		configB:      testAccServerlessVariableConfig("FAULTY", `value = "b"`),
		createPath:   `/Variables$`,
		instancePath: `/Variables/ZV[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
	},
	{
		// The service around the function is made without faults. A code change uploads a version (a POST
		// to a collection), which the update faults meet.
		name:         "twilio_serverless_function",
		configA:      testAccServerlessCodeInService(testAccServerlessFunctionConfig("faulty", "/faulty", "// a\n")),
		configB:      testAccServerlessCodeInService(testAccServerlessFunctionConfig("faulty", "/faulty", "// b\n")),
		createPath:   `/Functions$`,
		instancePath: `/Functions/ZH[0-9a-f]{32}(/Versions)?$`,
		deleteMethod: "DELETE",
	},
	{
		name: "twilio_address",
		configA: `resource "twilio_address" "test" {
  customer_name = "faulty"
  street        = "1 Example Street"
  city          = "London"
  region        = "Greater London"
  postal_code   = "SW1A 1AA"
  iso_country   = "GB"
}`,
		configB: `resource "twilio_address" "test" {
  customer_name = "faulty"
  street        = "2 Example Street"
  city          = "London"
  region        = "Greater London"
  postal_code   = "SW1A 1AA"
  iso_country   = "GB"
}`,
		createPath:   `/Addresses\.json$`,
		instancePath: `/Addresses/AD[0-9a-f]{32}\.json$`,
		deleteMethod: "DELETE",
	},
	{
		// The service around the environment is made without faults.
		name:         "twilio_serverless_environment",
		configA:      testAccServerlessEnvironmentConfig("faulty", "faulty"),
		createPath:   `/Environments$`,
		instancePath: `/Environments/ZE[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
		skip:         map[string]string{"update": "every attribute of an environment but timeouts replaces it"},
	},
	{
		name:         "twilio_serverless_asset",
		configA:      testAccServerlessCodeInService(testAccServerlessAssetConfig("body { color: red }")),
		configB:      testAccServerlessCodeInService(testAccServerlessAssetConfig("body { color: blue }")),
		createPath:   `/Assets$`,
		instancePath: `/Assets/ZH[0-9a-f]{32}(/Versions)?$`,
		deleteMethod: "DELETE",
		// An asset's content cannot be read back, so a version whose upload got no clear answer is never
		// adopted: the update fails, and the next apply uploads again (an unused version costs nothing).
		unclear: map[string]*regexp.Regexp{"update": regexp.MustCompile(`upload's\s+outcome\s+is\s+unknown`)},
	},
	{
		// The function the build packs is made without faults (its paths are not the build's).
		name:         "twilio_serverless_build",
		configA:      testAccServerlessCodeInService(testAccServerlessBuildConfig()),
		createPath:   `/Builds$`,
		instancePath: `/Builds/ZB[0-9a-f]{32}(/Status)?$`,
		deleteMethod: "DELETE",
		// NOTE: a build has no name to find it by after a lost answer, so the create is not retried and
		// fails saying so; a build costs nothing, and the re-apply makes the one the state holds.
		unclear: map[string]*regexp.Regexp{"create": regexp.MustCompile(`outcome\s+is\s+unknown`)},
		skip: map[string]string{
			"update": "every attribute of a build but timeouts replaces it",
			"create/cancel": "the orphan finder does not list builds (acctest.Untracked), so the test cannot see " +
				"the create take effect to press Ctrl-C then",
		},
	},
	{
		// The service, the environment, the function and its build are made without faults; the deployment
		// reads its environment, and a code change (configB) deploys a new build.
		name:       "twilio_serverless_deployment",
		configA:    testAccServerlessCodeInService(testAccServerlessDeploymentConfig("// a\n")),
		configB:    testAccServerlessCodeInService(testAccServerlessDeploymentConfig("// b\n")),
		createPath: `/Deployments$`,
		readPath:   `/Environments/ZE[0-9a-f]{32}$`,
		updatePath: `/Deployments$`,
		// NOTE: a deployment has no name either; deploying the same build again would be harmless, but the
		// provider does not retry a deploy whose answer was lost, and says so.
		unclear: map[string]*regexp.Regexp{
			"create": regexp.MustCompile(`Deploying\s+Twilio\s+Serverless\s+build`),
			"update": regexp.MustCompile(`Deploying\s+Twilio\s+Serverless\s+build`),
		},
		skip: map[string]string{
			"delete": "Twilio cannot delete a deployment: destroy only forgets it, with no call to fault",
			"create/cancel": "the orphan finder does not list deployments (acctest.Untracked), so the test cannot " +
				"see the create take effect to press Ctrl-C then",
			"create/timeout": "a deployment has no timeouts block",
		},
	},
	{
		// The subaccount and the source bundle are made first (setup); only the clone meets the faults. The
		// create path also matches the bundle list, which is how a lost clone is looked for.
		name:         "twilio_bundle_clone",
		setup:        testAccBundleCloneFaultSetup,
		createPath:   `^/v2/RegulatoryCompliance/Bundles(/BU[0-9a-f]{32}/Clones)?$`,
		instancePath: `^/v2/RegulatoryCompliance/Bundles/BU[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
	},
	{
		name: "twilio_trusthub_end_user",
		configA: `resource "twilio_trusthub_end_user" "test" {
  friendly_name = "faulty"
  type          = "customer_profile_business_information"
  attributes    = jsonencode({ business_name = "a" })
}`,
		configB: `resource "twilio_trusthub_end_user" "test" {
  friendly_name = "faulty"
  type          = "customer_profile_business_information"
  attributes    = jsonencode({ business_name = "b" })
}`,
		createPath:   `^/v1/EndUsers$`,
		instancePath: `^/v1/EndUsers/IT[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
	},
	{
		name: "twilio_trusthub_supporting_document",
		configA: `resource "twilio_trusthub_supporting_document" "test" {
  friendly_name = "faulty"
  type          = "customer_profile_address"
  attributes    = jsonencode({ address_sids = "AD0123456789abcdef0123456789abcdef" })
}`,
		configB: `resource "twilio_trusthub_supporting_document" "test" {
  friendly_name = "faulty"
  type          = "customer_profile_address"
  attributes    = jsonencode({ address_sids = "ADfedcba9876543210fedcba9876543210" })
}`,
		createPath:   `^/v1/SupportingDocuments$`,
		instancePath: `^/v1/SupportingDocuments/RD[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
	},
	{
		// The entities are made in the same apply, without faults; only the profile's calls meet them.
		name:         "twilio_trusthub_customer_profile",
		setup:        testAccTrustFaultSetup(false),
		createPath:   `^/v1/CustomerProfiles$`,
		instancePath: `^/v1/CustomerProfiles/BU[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
		skip:         trustBundleFaultSkips,
	},
	{
		// The profile and the entities are made in the same apply; only the trust product's calls meet the
		// faults.
		name:         "twilio_trusthub_trust_product",
		setup:        testAccTrustFaultSetup(true),
		createPath:   `^/v1/TrustProducts$`,
		instancePath: `^/v1/TrustProducts/BU[0-9a-f]{32}$`,
		deleteMethod: "DELETE",
		skip:         trustBundleFaultSkips,
	},
}

// testAccTrustFaultSetup approves every Trust Hub review, so the bundles' creates end; their entities are
// made in the provider's account, where a namesake is looked for.
func testAccTrustFaultSetup(product bool) func(t *testing.T, env *acctest.Env) (string, string) {
	return func(t *testing.T, env *acctest.Env) (string, string) {
		testAccReview(t, env, emulator.ReviewCustomerProfile, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
		testAccReview(t, env, emulator.ReviewTrustProduct, emulator.ReviewPolicy{Outcome: emulator.ReviewApprove})
		if product {
			return testAccTrustProfileConfigIn("", "tenant", testAccTrustProfileComplete, "") + testAccTrustProductConfigIn("", "faulty"), ""
		}
		return testAccTrustProfileConfigIn("", "faulty", testAccTrustProfileComplete, ""), ""
	}
}

// trustBundleFaultSkips are the scenarios a customer profile or trust product cannot have.
var trustBundleFaultSkips = map[string]string{
	"update": "an approved bundle cannot be edited (Twilio's 60711), which the plan refuses before any request; " +
		"the submission's POST is made by the create",
}

var faultKinds = []emulator.FaultKind{
	emulator.FaultRateLimit, emulator.FaultInternal, emulator.FaultUnavailable, emulator.FaultReset, emulator.FaultLatency,
}

// fault builds the injected fault for one scenario. Failures that leave the outcome unclear (500 and
// reset) take effect in the emulator before the client sees them, the hardest case for a create.
func (ft faultTarget) fault(op string, kind emulator.FaultKind) emulator.Fault {
	f := emulator.Fault{Kind: kind, Times: 2}
	switch op {
	case "create":
		f.Method, f.Path = "POST", ft.createPath
	case "read":
		f.Method, f.Path = "GET", cmp.Or(ft.readPath, ft.instancePath)
	case "update":
		f.Method, f.Path = "POST", cmp.Or(ft.updatePath, ft.instancePath)
	case "delete":
		f.Method, f.Path = ft.deleteMethod, ft.instancePath
	}
	switch kind {
	case emulator.FaultInternal, emulator.FaultReset:
		f.Times, f.AfterEffect = 1, true
	case emulator.FaultUnavailable:
		f.Times, f.RetryAfter = 1, time.Second
	case emulator.FaultLatency:
		f.Times, f.Latency = 1, 1500*time.Millisecond
	}
	return f
}

type faultRow struct {
	scenario, outcome   string
	orphans, duplicates int
}

var (
	faultRowsMu sync.Mutex
	faultRows   []faultRow
)

// TestAccFaults injects 429, 500, 503, connection resets and latency into each resource's create, read,
// update and delete, plus the lost-answer scenarios (Ctrl-C, a timeout shorter than Twilio's answer, an
// outage longer than the retries, an exact number re-applied after a lost purchase), and after every
// scenario compares the emulator's objects with the state: nothing in Twilio that the state does not
// know, nothing in state that does not exist, no duplicate. It prints the scenario table.
func TestAccFaults(t *testing.T) {
	if os.Getenv("TF_ACC_PROVIDER_HOST") != "" {
		// The scenarios exercise the provider and the emulator, not the CLI; one binary is enough and
		// halves the suite's time.
		t.Skip("fault scenarios run under Terraform only")
	}
	t.Cleanup(printFaultTable)
	for _, ft := range faultTargets {
		for _, op := range []string{"create", "read", "update", "delete"} {
			for _, kind := range faultKinds {
				scenario := fmt.Sprintf("%s/%s/%s", ft.name, op, kind)
				t.Run(scenario, func(t *testing.T) {
					t.Parallel()
					if why := ft.skipped(op); why != "" {
						t.Skip(why)
					}
					testAccFaultScenario(t, scenario, ft, op, kind)
				})
			}
		}
	}
	testAccLostAnswerScenarios(t)
}

func testAccFaultScenario(t *testing.T, scenario string, ft faultTarget, op string, kind emulator.FaultKind) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	ft = ft.prepared(t, env)
	env.Baseline()
	arm := func() { env.Emulator.AddFault(ft.fault(op, kind)) }
	record := faultRecorder(env, scenario, ft.name)

	steps := []resource.TestStep{{Config: env.Config(ft.configA)}}
	checkDestroy := env.CheckDestroyNoOrphans()
	switch op {
	case "create":
		steps[0].PreConfig = arm
		steps[0].Check = record
	case "read":
		steps = append(steps, resource.TestStep{PreConfig: arm, Config: env.Config(ft.configA), Check: record})
	case "update":
		steps = append(steps, resource.TestStep{PreConfig: arm, Config: env.Config(ft.configB), Check: record})
	case "delete":
		steps[0].Check = func(*terraform.State) error { arm(); return nil }
		checkDestroy = func(s *terraform.State) error { return record(nil) }
	}
	// A create or update with no lost-answer lookup fails when Twilio's answer is unclear (a 500 or a reset
	// after it took effect); the re-apply must then succeed with nothing left over.
	unclear := kind == emulator.FaultInternal || kind == emulator.FaultReset
	if last := &steps[len(steps)-1]; ft.unclear[op] != nil && unclear {
		last.ExpectError, last.Check = ft.unclear[op], nil
		steps = append(steps, resource.TestStep{Config: last.Config, Check: record})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             checkDestroy,
		Steps:                    steps,
	})
}

// faultRecorder is a TestCheckFunc that records a scenario's row: it fails unless the injected faults
// triggered, and on any orphan (in Twilio, not in the state), ghost (in the state, not in Twilio) or
// duplicate (more live objects of the resource type than the state holds).
func faultRecorder(env *acctest.Env, scenario, resourceType string) func(*terraform.State) error {
	return faultRecorderCounting(env, scenario, resourceType, func() int {
		faulted := 0
		for _, r := range env.Emulator.Requests() {
			if r.Fault != "" {
				faulted++
			}
		}
		return faulted
	})
}

// faultRecorderCounting is faultRecorder for scenarios whose fault is not injected (a refusal Twilio
// gives on its own): faults counts the requests that met it.
func faultRecorderCounting(env *acctest.Env, scenario, resourceType string, faults func() int) func(*terraform.State) error {
	return func(s *terraform.State) error {
		orphans, ghosts := env.Orphans(s)
		dups := env.Duplicates(s, resourceType)
		faulted := faults()
		outcome := fmt.Sprintf("ok, %d faulted request(s) absorbed", faulted)
		if faulted == 0 {
			outcome = "fault never triggered"
		}
		faultRowsMu.Lock()
		faultRows = append(faultRows, faultRow{scenario, outcome, len(orphans) + len(ghosts), dups})
		faultRowsMu.Unlock()
		if faulted == 0 {
			return fmt.Errorf("%s: the injected fault never triggered; the scenario proves nothing", scenario)
		}
		if len(orphans)+len(ghosts)+dups > 0 {
			return fmt.Errorf("%s: orphans %v, ghosts %v, duplicates %d", scenario, orphans, ghosts, dups)
		}
		return nil
	}
}

func printFaultTable() {
	faultRowsMu.Lock()
	defer faultRowsMu.Unlock()
	sort.Slice(faultRows, func(i, j int) bool { return faultRows[i].scenario < faultRows[j].scenario })
	var b strings.Builder
	fmt.Fprintf(&b, "\nFault injection: %d scenarios\n%-58s %-40s %-8s %s\n", len(faultRows), "scenario", "outcome", "orphans", "duplicates")
	total, dups := 0, 0
	for _, r := range faultRows {
		fmt.Fprintf(&b, "%-58s %-40s %-8d %d\n", r.scenario, r.outcome, r.orphans, r.duplicates)
		total += r.orphans
		dups += r.duplicates
	}
	fmt.Fprintf(&b, "total orphans: %d, total duplicates: %d\n", total, dups)
	fmt.Print(b.String())
}

// testAccServerlessAssetConfig is one asset in local.service_sid.
func testAccServerlessAssetConfig(content string) string {
	return fmt.Sprintf(`
resource "twilio_serverless_asset" "test" {
  service_sid   = local.service_sid
  friendly_name = "style"
  path          = "/style.css"
  content       = %q
}
`, content)
}

// testAccServerlessBuildConfig is a function and a build of it, the build last (withCreateTimeout gives
// the last resource its timeout).
func testAccServerlessBuildConfig() string {
	return testAccServerlessFunctionConfig("faulty", "/faulty", "// a\n") + `
resource "twilio_serverless_build" "test" {
  service_sid           = local.service_sid
  function_version_sids = [twilio_serverless_function.test.latest_version_sid]
}
`
}

// testAccServerlessDeploymentConfig is an environment, a function of the given code, its build and the
// build's deployment to the environment.
func testAccServerlessDeploymentConfig(code string) string {
	return `
resource "twilio_serverless_environment" "test" {
  service_sid = local.service_sid
  unique_name = "faulty"
}
` + testAccServerlessFunctionConfig("faulty", "/faulty", code) + `
resource "twilio_serverless_build" "test" {
  service_sid           = local.service_sid
  function_version_sids = [twilio_serverless_function.test.latest_version_sid]
}

resource "twilio_serverless_deployment" "test" {
  service_sid     = local.service_sid
  environment_sid = twilio_serverless_environment.test.sid
  build_sid       = twilio_serverless_build.test.sid
}
`
}

// testAccMessagingPoolFaultConfig is a number in a Messaging Service's pool, the member last
// (withCreateTimeout gives the last resource its timeout).
const testAccMessagingPoolFaultConfig = `
resource "twilio_incoming_number" "pool" {
  phone_number = "+14155550177"
}

resource "twilio_messaging_service" "pool" {
  friendly_name = "faulty pool"
}

resource "twilio_messaging_service_phone_number" "test" {
  service_sid      = twilio_messaging_service.pool.sid
  phone_number_sid = twilio_incoming_number.pool.sid
}
`

// testAccMessagingAlphaFaultConfig is a Messaging Service's alpha sender, the sender last.
const testAccMessagingAlphaFaultConfig = `
resource "twilio_messaging_service" "alpha" {
  friendly_name = "faulty alpha"
}

resource "twilio_messaging_service_alpha_sender" "test" {
  service_sid  = twilio_messaging_service.alpha.sid
  alpha_sender = "Faulty"
}
`
