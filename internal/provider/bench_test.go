package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tenantwire/terraform-provider-twilio/internal/emulator"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// Benchmarks of the provider's hot paths. The expand/flatten ones are pure; the protocol ones call the
// framework's protocol-6 server the way Terraform does for every managed object in a plan (validate,
// refresh, plan) against an in-process emulator with no latency, so they measure the provider's and the
// framework's CPU per object. `make bench` measures the same end to end with real Terraform.

const benchAccount = "AC0123456789abcdef0123456789abcdef"

func benchApplication() *twilioclient.Application {
	return &twilioclient.Application{
		Sid: ptrTo("AP0123456789abcdef0123456789abcdef"), AccountSid: ptrTo(benchAccount), FriendlyName: ptrTo("acme voice"),
		VoiceUrl: ptrTo("https://voice.example.com/twiml"), VoiceMethod: ptrTo("POST"),
		VoiceFallbackUrl: ptrTo("https://voice.example.com/fallback"), VoiceFallbackMethod: ptrTo("POST"),
		StatusCallbackMethod: ptrTo("POST"), VoiceCallerIdLookup: ptrTo(false), SmsMethod: ptrTo("POST"),
		SmsFallbackMethod: ptrTo("POST"), PublicApplicationConnectEnabled: ptrTo(false),
		DateCreated: ptrTo("Thu, 26 Nov 2026 17:00:00 +0000"), DateUpdated: ptrTo("Thu, 26 Nov 2026 17:00:00 +0000"),
	}
}

func benchIncomingNumber() *twilioclient.IncomingNumber {
	return &twilioclient.IncomingNumber{
		Sid: ptrTo("PN0123456789abcdef0123456789abcdef"), AccountSid: ptrTo(benchAccount),
		PhoneNumber: ptrTo("+14155550100"), FriendlyName: ptrTo("acme main"), VoiceMethod: ptrTo("POST"),
		VoiceApplicationSid: ptrTo("AP0123456789abcdef0123456789abcdef"), VoiceFallbackMethod: ptrTo("POST"),
		StatusCallbackMethod: ptrTo("POST"), VoiceCallerIdLookup: ptrTo(false), SmsMethod: ptrTo("POST"),
		SmsFallbackMethod: ptrTo("POST"),
		Capabilities:      &twilioclient.IncomingNumberCapabilities{Voice: true, Sms: true, Mms: true},
		DateCreated:       ptrTo("Thu, 26 Nov 2026 17:00:00 +0000"), DateUpdated: ptrTo("Thu, 26 Nov 2026 17:00:00 +0000"),
	}
}

// Sinks keep the compiler from optimising the measured calls away.
var (
	benchTwimlAppSink       twimlAppModel
	benchIncomingNumberSink incomingNumberModel
)

func BenchmarkFlattenTwimlApp(b *testing.B) {
	app := benchApplication()
	b.ReportAllocs()
	for b.Loop() {
		flattenTwimlApp(app, &benchTwimlAppSink)
	}
}

func BenchmarkExpandTwimlAppCreate(b *testing.B) {
	var m twimlAppModel
	flattenTwimlApp(benchApplication(), &m)
	b.ReportAllocs()
	for b.Loop() {
		_ = expandTwimlAppCreate(&m)
	}
}

func BenchmarkExpandTwimlAppUpdate(b *testing.B) {
	var m twimlAppModel
	flattenTwimlApp(benchApplication(), &m)
	b.ReportAllocs()
	for b.Loop() {
		_ = expandTwimlAppUpdate(&m)
	}
}

func BenchmarkFlattenIncomingNumber(b *testing.B) {
	n := benchIncomingNumber()
	b.ReportAllocs()
	for b.Loop() {
		flattenIncomingNumber(n, &benchIncomingNumberSink)
	}
}

func BenchmarkIncomingNumberCreateParams(b *testing.B) {
	var m incomingNumberModel
	flattenIncomingNumber(benchIncomingNumber(), &m)
	b.ReportAllocs()
	for b.Loop() {
		_ = incomingNumberSettingsOf(&m).createParams()
	}
}

// BenchmarkIncomingNumberUpdateParams is the diff an update sends: one changed URL.
func BenchmarkIncomingNumberUpdateParams(b *testing.B) {
	var have, want incomingNumberModel
	flattenIncomingNumber(benchIncomingNumber(), &have)
	want = have
	want.VoiceApplicationSID = types.StringNull()
	want.VoiceURL = types.StringValue("https://voice.example.com/other")
	b.ReportAllocs()
	for b.Loop() {
		if _, changed := incomingNumberSettingsOf(&want).updateParams(incomingNumberSettingsOf(&have)); !changed {
			b.Fatal("no change")
		}
	}
}

// benchProvider is a configured protocol-6 server talking to a fresh emulator.
type benchProvider struct {
	srv     tfprotov6.ProviderServer
	schemas *tfprotov6.GetProviderSchemaResponse
	client  *twilioclient.Client
	account string
}

func newBenchProvider(b *testing.B) *benchProvider {
	b.Helper()
	ctx := context.Background()
	e := emulator.New(emulator.Options{})
	web, err := emulator.Start("127.0.0.1:0", e)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = web.Close() })
	sid, token := e.MainAccount()

	srv, err := providerserver.NewProtocol6WithError(New("bench")())()
	if err != nil {
		b.Fatal(err)
	}
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || diagsError(schemas.Diagnostics) != nil {
		b.Fatalf("GetProviderSchema: %v %v", err, diagsError(schemas.Diagnostics))
	}
	cfg := benchObject(schemas.Provider.ValueType(), map[string]tftypes.Value{
		"account_sid": tftypes.NewValue(tftypes.String, sid), "auth_token": tftypes.NewValue(tftypes.String, token),
		"base_url": tftypes.NewValue(tftypes.String, web.URL),
	})
	resp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.8.5", Config: benchDynamic(b, cfg),
	})
	if err != nil || diagsError(resp.Diagnostics) != nil {
		b.Fatalf("ConfigureProvider: %v %v", err, diagsError(resp.Diagnostics))
	}
	client, err := twilioclient.New(twilioclient.Config{AccountSID: sid, AuthToken: token, BaseURL: web.URL})
	if err != nil {
		b.Fatal(err)
	}
	return &benchProvider{srv: srv, schemas: schemas, client: client, account: sid}
}

// benchObject is an object of typ with the given attributes and every other one null.
func benchObject(typ tftypes.Type, set map[string]tftypes.Value) tftypes.Value {
	obj, ok := typ.(tftypes.Object)
	if !ok {
		panic(fmt.Sprintf("%s is not an object type", typ))
	}
	vals := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		if v, ok := set[name]; ok {
			vals[name] = v
		} else {
			vals[name] = tftypes.NewValue(at, nil)
		}
	}
	return tftypes.NewValue(typ, vals)
}

func benchDynamic(b *testing.B, v tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	dv, err := tfprotov6.NewDynamicValue(v.Type(), v)
	if err != nil {
		b.Fatal(err)
	}
	return &dv
}

func diagsError(diags []*tfprotov6.Diagnostic) error {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return fmt.Errorf("%s: %s", d.Summary, d.Detail)
		}
	}
	return nil
}

// benchObjectRPCs measures, per iteration, what one unchanged managed object costs the provider in a
// `terraform plan`: ValidateResourceConfig, ReadResource (one Twilio GET) and PlanResourceChange.
func (bp *benchProvider) benchObjectRPCs(b *testing.B, typeName string, config map[string]tftypes.Value, state map[string]tftypes.Value) {
	b.Helper()
	ctx := context.Background()
	typ := bp.schemas.ResourceSchemas[typeName].ValueType()
	cfg := benchDynamic(b, benchObject(typ, config))
	read, err := bp.srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName,
		CurrentState: benchDynamic(b, benchObject(typ, state))})
	if err != nil || diagsError(read.Diagnostics) != nil || read.NewState == nil {
		b.Fatalf("ReadResource: %v %v", err, diagsError(read.Diagnostics))
	}
	prior := read.NewState
	b.ReportAllocs()
	for b.Loop() {
		v, err := bp.srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: typeName, Config: cfg})
		if err != nil || diagsError(v.Diagnostics) != nil {
			b.Fatalf("ValidateResourceConfig: %v %v", err, diagsError(v.Diagnostics))
		}
		r, err := bp.srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: prior})
		if err != nil || diagsError(r.Diagnostics) != nil {
			b.Fatalf("ReadResource: %v %v", err, diagsError(r.Diagnostics))
		}
		// NOTE: with the configuration unchanged, Terraform's proposed new state is the refreshed state.
		p, err := bp.srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: typeName,
			PriorState: r.NewState, ProposedNewState: r.NewState, Config: cfg})
		if err != nil || diagsError(p.Diagnostics) != nil || len(p.RequiresReplace) > 0 {
			b.Fatalf("PlanResourceChange: %v %v %v", err, diagsError(p.Diagnostics), p.RequiresReplace)
		}
	}
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func BenchmarkPlanUnchangedTwimlApp(b *testing.B) {
	bp := newBenchProvider(b)
	params := &twilioclient.CreateApplicationParams{}
	params.SetFriendlyName("acme voice").SetVoiceUrl("https://voice.example.com/twiml")
	app, err := bp.client.CreateApplication(context.Background(), bp.account, params)
	if err != nil {
		b.Fatal(err)
	}
	config := map[string]tftypes.Value{"account_sid": str(bp.account), "friendly_name": str("acme voice"),
		"voice_url": str("https://voice.example.com/twiml")}
	bp.benchObjectRPCs(b, "twilio_twiml_app", config, map[string]tftypes.Value{
		"sid": str(*app.Sid), "account_sid": str(bp.account), "friendly_name": str("acme voice")})
}

func BenchmarkPlanUnchangedIncomingNumber(b *testing.B) {
	bp := newBenchProvider(b)
	params := &twilioclient.CreateIncomingNumberParams{}
	params.SetPhoneNumber("+14155550100").SetFriendlyName("acme main").SetVoiceUrl("https://voice.example.com/twiml")
	n, err := bp.client.CreateIncomingNumber(context.Background(), bp.account, params)
	if err != nil {
		b.Fatal(err)
	}
	config := map[string]tftypes.Value{"account_sid": str(bp.account), "phone_number": str("+14155550100"),
		"friendly_name": str("acme main"), "voice_url": str("https://voice.example.com/twiml")}
	bp.benchObjectRPCs(b, "twilio_incoming_number", config, map[string]tftypes.Value{
		"sid": str(*n.Sid), "account_sid": str(bp.account), "phone_number": str("+14155550100"),
		"skip_destroy": tftypes.NewValue(tftypes.Bool, false)})
}
