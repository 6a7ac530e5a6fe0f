package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tenantwire/terraform-provider-twilio/internal/acctest"
	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Lost answers: creates that Twilio carries out while the provider stops listening. Each scenario must end
// with 0 orphans and 0 duplicates; they are rows of TestAccFaults' table.

// restrictedKeyTarget reaches the IAM create path, which standard keys never take.
var restrictedKeyTarget = faultTarget{
	name: "twilio_api_key",
	configA: `resource "twilio_api_key" "test" {
  friendly_name = "faulty-a"
  key_type      = "restricted"
  policy        = jsonencode(` + testAccAPIKeyPolicyRead + `)
}`,
	createPath: `^/v1/Keys$`,
}

// stoppableServer wraps the provider server so a test can do to applies in flight what Terraform's
// StopProvider (sent on the first Ctrl-C) does through terraform-plugin-go: cancel their contexts.
// Terraform then waits for them and saves the state they return.
type stoppableServer struct {
	tfprotov6.ProviderServer
	mu      sync.Mutex
	cancels []context.CancelFunc
}

func (s *stoppableServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	s.cancels = append(s.cancels, cancel)
	s.mu.Unlock()
	return s.ProviderServer.ApplyResourceChange(ctx, req)
}

func (s *stoppableServer) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.cancels {
		c()
	}
}

// stopWhenCreated stops the provider as soon as the emulator holds an object of resourceType that
// Terraform made (the create has taken effect, its answer is still on the way), as an operator pressing
// Ctrl-C at that moment would. Objects of other types (a service the configuration makes first) do not
// count: stopping at them would cancel nothing, or cancel the create before it took effect.
func stopWhenCreated(t *testing.T, env *acctest.Env, srv *stoppableServer, resourceType string) {
	prefix := acctest.ManagedTypes[resourceType]
	go func() {
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			orphans, _ := env.Orphans(nil)
			if slices.ContainsFunc(orphans, func(o string) bool { return strings.HasPrefix(o, prefix) }) {
				srv.stop()
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Errorf("the create never took effect; nothing was cancelled")
	}()
}

// withCreateTimeout adds a timeouts block to a one-resource configuration.
func withCreateTimeout(config, timeout string) string {
	i := strings.LastIndex(config, "}")
	return config[:i] + fmt.Sprintf("  timeouts {\n    create = %q\n  }\n}", timeout)
}

// lostAnswerKinds are the scenarios: cancel (Ctrl-C while Twilio answers), timeout (the create's timeout
// is shorter than Twilio's answer), outage (the answer is lost, then the lookups fail for longer than the
// transport's retries).
var lostAnswerKinds = []string{"cancel", "timeout", "outage"}

func testAccLostAnswerScenarios(t *testing.T) {
	targets := append(append([]faultTarget{}, faultTargets...), restrictedKeyTarget)
	for _, ft := range targets {
		label := ft.name
		if ft.createPath == restrictedKeyTarget.createPath {
			label += "(restricted)"
		}
		for _, kind := range lostAnswerKinds {
			scenario := fmt.Sprintf("%s/create/%s", label, kind)
			t.Run(scenario, func(t *testing.T) {
				t.Parallel()
				if why := ft.skipped("create/" + kind); why != "" {
					t.Skip(why)
				}
				testAccLostAnswerScenario(t, scenario, ft, kind)
			})
		}
	}
	for _, ft := range faultTargets {
		if namesakes[ft.name] == nil {
			continue
		}
		scenario := ft.name + "/create/outage-older-namesake"
		t.Run(scenario, func(t *testing.T) {
			t.Parallel()
			testAccLostAnswerScenario(t, scenario, ft, "outage-older-namesake")
		})
	}
	t.Run("twilio_incoming_number/create/reapply-after-lost-answer", func(t *testing.T) {
		t.Parallel()
		testAccNumberReapplyScenario(t, "twilio_incoming_number/create/reapply-after-lost-answer")
	})
}

// namesakes make, as a Console user would, an object with the name a target's configA gives, and return
// its SID: the "outage-older-namesake" scenario makes one an hour before the lost create. The lookup must
// neither take it for the lost create's result (a subaccount or app made before the request: "created
// since") nor revoke it (a key, which only its one-off pending name tells apart from the lost one). Every
// create that adopts through createAdopting and allows a same-name object has a row, so breaking the
// "created since" rule there fails several resources at once.
var namesakes = map[string]func(t *testing.T, env *acctest.Env) string{
	"twilio_subaccount": func(t *testing.T, env *acctest.Env) string {
		a, err := env.Client(t).CreateSubaccount(context.Background(), "faulty-a")
		if err != nil {
			t.Fatal(err)
		}
		return *a.Sid
	},
	"twilio_api_key": func(t *testing.T, env *acctest.Env) string {
		k, err := env.Client(t).CreateKey(context.Background(), env.AccountSID, "faulty-a")
		if err != nil {
			t.Fatal(err)
		}
		return k.SID
	},
	"twilio_usage_trigger": func(t *testing.T, env *acctest.Env) string {
		p := &twilioclient.CreateUsageTriggerParams{}
		p.SetFriendlyName("faulty").SetUsageCategory("totalprice").SetTriggerBy("price").SetTriggerValue("100").
			SetRecurring("monthly").SetCallbackUrl("https://a.example.com/spend").SetCallbackMethod("POST")
		tr, err := env.Client(t).CreateUsageTrigger(context.Background(), env.AccountSID, p)
		if err != nil {
			t.Fatal(err)
		}
		return *tr.Sid
	},
	"twilio_messaging_service": func(t *testing.T, env *acctest.Env) string {
		p := &twilioclient.CreateMessagingServiceParams{}
		p.SetFriendlyName("faulty").SetInboundRequestUrl("https://a.example.com/sms")
		s, err := env.Client(t).CreateMessagingService(context.Background(), env.AccountSID, p)
		if err != nil {
			t.Fatal(err)
		}
		return *s.Sid
	},
	"twilio_twiml_app": func(t *testing.T, env *acctest.Env) string {
		p := &twilioclient.CreateApplicationParams{}
		p.SetFriendlyName("faulty").SetVoiceUrl("https://a.example.com/voice")
		a, err := env.Client(t).CreateApplication(context.Background(), env.AccountSID, p)
		if err != nil {
			t.Fatal(err)
		}
		return *a.Sid
	},
	// The flow and the address are made with exactly what configA sends: only "created since the request"
	// tells them from the lost create's own.
	"twilio_studio_flow": func(t *testing.T, env *acctest.Env) string {
		p := &twilioclient.CreateFlowParams{}
		p.SetFriendlyName("faulty").SetStatus("draft").SetDefinition(json.RawMessage(`{"description":"a","states":` +
			`[{"name":"Trigger","type":"trigger","properties":{},"transitions":[]}],"initial_state":"Trigger",` +
			`"flags":{"allow_concurrent_calls":true}}`))
		f, err := env.Client(t).CreateFlow(context.Background(), env.AccountSID, p)
		if err != nil {
			t.Fatal(err)
		}
		return *f.Sid
	},
	// Trust Hub objects are made with exactly what configA sends, as the flow is.
	"twilio_trusthub_end_user": func(t *testing.T, env *acctest.Env) string {
		return testAccTrustNamesakeEntity(t, env, twilioclient.TrustEndUser, "customer_profile_business_information", `{"business_name":"a"}`)
	},
	"twilio_trusthub_supporting_document": func(t *testing.T, env *acctest.Env) string {
		return testAccTrustNamesakeEntity(t, env, twilioclient.TrustSupportingDocument, "customer_profile_address",
			`{"address_sids":"AD0123456789abcdef0123456789abcdef"}`)
	},
	"twilio_trusthub_customer_profile": func(t *testing.T, env *acctest.Env) string {
		return testAccTrustNamesakeBundle(t, env, twilioclient.TrustCustomerProfile, emulator.PolicySecondaryCustomerProfile)
	},
	"twilio_trusthub_trust_product": func(t *testing.T, env *acctest.Env) string {
		return testAccTrustNamesakeBundle(t, env, twilioclient.TrustProduct, emulator.PolicyA2PTrustProduct)
	},
	"twilio_address": func(t *testing.T, env *acctest.Env) string {
		p := &twilioclient.CreateAddressParams{}
		p.SetCustomerName("faulty").SetStreet("1 Example Street").SetCity("London").SetRegion("Greater London").
			SetPostalCode("SW1A 1AA").SetIsoCountry("GB")
		a, err := env.Client(t).CreateAddress(context.Background(), env.AccountSID, p)
		if err != nil {
			t.Fatal(err)
		}
		return *a.Sid
	},
}

func testAccLostAnswerScenario(t *testing.T, scenario string, ft faultTarget, kind string) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	ft = ft.prepared(t, env)
	var namesake string
	if kind == "outage-older-namesake" {
		namesake = namesakes[ft.name](t, env)
		if err := env.Emulator.Backdate(namesake, time.Hour); err != nil {
			t.Fatal(err)
		}
		kind = "outage"
	}
	env.Baseline()
	srv := &stoppableServer{ProviderServer: providerserver.NewProtocol6(New("test")())()}
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"twilio": func() (tfprotov6.ProviderServer, error) { return srv, nil },
	}
	config := ft.configA
	// A key's secret is only in the lost answer: the provider revokes the key it made (recognised by its
	// one-off name) and creates it again if time remains, or fails saying nothing was left behind.
	isKey := ft.name == "twilio_api_key"
	var expectErr *regexp.Regexp
	var arm func()
	switch kind {
	case "cancel":
		arm = func() {
			env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: ft.createPath, Kind: emulator.FaultLatency,
				Latency: 5 * time.Second, AfterEffect: true, Times: 1})
			stopWhenCreated(t, env, srv, ft.name)
		}
		if isKey {
			expectErr = regexp.MustCompile(`was\s+revoked,\s+so\s+nothing\s+is\s+left\s+behind`)
		}
	case "timeout":
		// NOTE: Twilio answers after 4 s, the create's timeout is 2 s: the latency exceeds the timeout.
		config = withCreateTimeout(config, "2s")
		arm = func() {
			env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: ft.createPath, Kind: emulator.FaultLatency,
				Latency: 4 * time.Second, AfterEffect: true, Times: 1})
		}
		if isKey {
			expectErr = regexp.MustCompile(`was\s+revoked,\s+so\s+nothing\s+is\s+left\s+behind`)
		}
	case "outage":
		// The answer is lost, then 7 lookups in a row fail: more than one lookup's 1 + max_retries (2)
		// attempts, so only a lookup that keeps trying finds the object.
		arm = func() {
			env.Emulator.AddFault(emulator.Fault{Method: "POST", Path: ft.createPath, Kind: emulator.FaultReset,
				AfterEffect: true, Times: 1})
			env.Emulator.AddFault(emulator.Fault{Method: "GET", Path: ft.createPath, Kind: emulator.FaultInternal, Times: 7})
		}
	}
	if ft.unclear["create"] != nil {
		expectErr = ft.unclear["create"]
	}
	record := faultRecorder(env, scenario, ft.name)
	if namesake != "" {
		recordOnly := record
		record = func(s *terraform.State) error {
			if acctest.LiveObjects(env.Emulator.Snapshot())[namesake] == "" {
				return fmt.Errorf("%s: the lost create's lookup removed the older namesake %s", scenario, namesake)
			}
			for _, m := range s.Modules {
				for _, rs := range m.Resources {
					if rs.Primary != nil && rs.Primary.Attributes["sid"] == namesake {
						return fmt.Errorf("%s: the lost create's lookup adopted the older namesake %s", scenario, namesake)
					}
				}
			}
			return recordOnly(s)
		}
	}
	steps := []resource.TestStep{{PreConfig: arm, Config: env.Config(config), Check: record}}
	if expectErr != nil {
		// The first apply fails cleanly (nothing left in Twilio, nothing in the state); the re-apply must
		// then create exactly one key.
		steps[0].ExpectError, steps[0].Check = expectErr, nil
		steps = append(steps, resource.TestStep{Config: env.Config(config), Check: record})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		CheckDestroy:             env.CheckDestroyNoOrphans(),
		Steps:                    steps,
	})
}

// testAccNumberReapplyScenario: an apply bought the number and died before recording it (the answer was
// lost with the process); the re-apply is refused by Twilio (21422, the account owns the number) and must
// adopt it instead of failing forever or buying another.
func testAccNumberReapplyScenario(t *testing.T, scenario string) {
	env := acctest.New(t)
	env.RequireEmulator(t)
	env.Baseline()
	config := `resource "twilio_incoming_number" "test" {
  phone_number = "+14155550177"
  voice_url    = "https://a.example.com/voice"
}`
	buy := func() {
		// What the lost apply did: the same purchase, with the same settings, that no state recorded.
		params := incomingNumberSettings{voiceURL: "https://a.example.com/voice", voiceMethod: "POST",
			voiceFallbackMethod: "POST", statusCallbackMethod: "POST", smsMethod: "POST", smsFallbackMethod: "POST"}.createParams()
		params.SetPhoneNumber("+14155550177")
		if _, err := env.Client(t).CreateIncomingNumber(context.Background(), env.AccountSID, params); err != nil {
			t.Fatalf("buying the number as the lost apply did: %v", err)
		}
	}
	record := faultRecorderCounting(env, scenario, "twilio_incoming_number", func() int {
		refused := 0
		for _, r := range env.Requests("POST", "/IncomingPhoneNumbers.json") {
			if r.Status == 400 {
				refused++
			}
		}
		return refused
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             env.CheckDestroyNoOrphans(),
		Steps: []resource.TestStep{{
			PreConfig: buy,
			Config:    env.Config(config),
			Check: func(s *terraform.State) error {
				// The refusal is the fault here: Twilio's 21422 answer to the re-apply.
				if len(env.Requests("POST", "/IncomingPhoneNumbers.json")) != 2 {
					return fmt.Errorf("want the lost purchase and the refused re-purchase")
				}
				return record(s)
			},
		}},
	})
}

func testAccTrustNamesakeEntity(t *testing.T, env *acctest.Env, kind twilioclient.TrustEntityKind, typ, attrs string) string {
	e, err := env.Client(t).CreateTrustEntity(context.Background(), kind, env.AccountSID,
		twilioclient.TrustEntityParams{FriendlyName: "faulty", Type: typ, Attributes: json.RawMessage(attrs)})
	if err != nil {
		t.Fatal(err)
	}
	return e.Sid
}

// testAccTrustNamesakeBundle makes a draft named as configA's bundle, with its email and policy.
func testAccTrustNamesakeBundle(t *testing.T, env *acctest.Env, kind twilioclient.TrustBundleKind, policy string) string {
	b, err := env.Client(t).CreateTrustBundle(context.Background(), kind, env.AccountSID,
		twilioclient.TrustBundleParams{FriendlyName: "faulty", Email: "compliance@isv.example", PolicySid: policy})
	if err != nil {
		t.Fatal(err)
	}
	return b.Sid
}
