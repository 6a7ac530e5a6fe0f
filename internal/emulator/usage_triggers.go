package emulator

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// UsageTrigger is a 2010 API usage trigger: "a webhook that notifies your application of usage
// thresholds" (https://www.twilio.com/docs/usage/api/usage-trigger). Its usage never changes in the
// emulator, so it never fires.
type UsageTrigger struct {
	Sid            string `json:"sid"`
	AccountSid     string `json:"account_sid"`
	FriendlyName   string `json:"friendly_name"`
	UsageCategory  string `json:"usage_category"`
	TriggerBy      string `json:"trigger_by"`
	TriggerValue   string `json:"trigger_value"`
	Recurring      string `json:"recurring"`
	CallbackURL    string `json:"callback_url"`
	CallbackMethod string `json:"callback_method"`
	stamp
}

type usageTriggerJSON struct {
	AccountSid     string  `json:"account_sid"`
	APIVersion     string  `json:"api_version"`
	CallbackMethod string  `json:"callback_method"`
	CallbackURL    string  `json:"callback_url"`
	CurrentValue   string  `json:"current_value"`
	DateCreated    string  `json:"date_created"`
	DateFired      *string `json:"date_fired"`
	DateUpdated    string  `json:"date_updated"`
	FriendlyName   *string `json:"friendly_name"`
	Recurring      string  `json:"recurring"`
	Sid            string  `json:"sid"`
	TriggerBy      string  `json:"trigger_by"`
	TriggerValue   string  `json:"trigger_value"`
	URI            string  `json:"uri"`
	UsageCategory  string  `json:"usage_category"`
	UsageRecordURI string  `json:"usage_record_uri"`
}

func renderUsageTrigger(t *UsageTrigger) any {
	prefix := apiPrefix + "Accounts/" + t.AccountSid
	return usageTriggerJSON{
		AccountSid: t.AccountSid, APIVersion: "2010-04-01", CallbackMethod: t.CallbackMethod,
		CallbackURL: t.CallbackURL, CurrentValue: "0", DateCreated: fmt2822(t.DateCreated),
		DateUpdated: fmt2822(t.DateUpdated), FriendlyName: nullable(t.FriendlyName), Recurring: t.Recurring,
		Sid: t.Sid, TriggerBy: t.TriggerBy, TriggerValue: t.TriggerValue,
		URI:            prefix + "/Usage/Triggers/" + t.Sid + ".json",
		UsageCategory:  t.UsageCategory,
		UsageRecordURI: prefix + "/Usage/Records.json?" + url.Values{"Category": {t.UsageCategory}}.Encode(),
	}
}

var (
	triggerRecurring = []string{"daily", "monthly", "yearly", "alltime"}
	triggerFields    = []string{"count", "usage", "price"}
)

func (e *Emulator) triggerIn(c *call) (*UsageTrigger, *apiError) {
	return findIn(c, e.st.triggers, c.params["Sid"], func(t *UsageTrigger) bool { return t.AccountSid == c.target.Sid })
}

// listUsageTriggers filters by Recurring, TriggerBy and UsageCategory; "An empty value or a value of
// alltime reads non-recurring UsageTriggers" (Twilio's helper library reference for ReadTriggerOptions,
// https://twilio.com/docs/libraries/reference/twilio-php/7.3.0/classes/Twilio_Rest_Api_V2010_Account_Usage_ReadTriggerOptions.html).
func (e *Emulator) listUsageTriggers(c *call) result {
	pg, err := parsePage(c.form)
	if err != nil {
		return result{err: err}
	}
	b := binder{form: c.form}
	var recurring, by, category string
	b.str("Recurring", &recurring)
	b.enum("TriggerBy", &by, triggerFields...)
	b.str("UsageCategory", &category)
	if b.err != nil {
		return result{err: b.err}
	}
	all := sorted(e.st.triggers, func(t *UsageTrigger) bool {
		return t.AccountSid == c.target.Sid && (recurring == "" || t.Recurring == recurring) &&
			(by == "" || t.TriggerBy == by) && (category == "" || t.UsageCategory == category)
	})
	p := paginate(all, func(t *UsageTrigger) string { return t.Sid }, pg)
	f := filters{{"Recurring", recurring}, {"TriggerBy", by}, {"UsageCategory", category}}
	return result{status: http.StatusOK, body: list2010(c, "usage_triggers", f, pg, p, renderUsageTrigger)}
}

// createUsageTrigger needs CallbackUrl, TriggerValue and UsageCategory; CallbackMethod defaults to POST
// ("the default is POST"), and a TriggerValue such as +30 is "30 units more than the current usage value"
// (https://www.twilio.com/docs/usage/api/usage-trigger). The trigger value "Must be a positive, numeric
// value" (Twilio's OpenAPI description of trigger_value).
//
// ASSUMPTION(trigger-defaults): Twilio does not document the defaults of Recurring and TriggerBy. The
// emulator answers alltime (which its list filter documents as "non-recurring") and usage. The provider
// sends both on every create and requires them in the configuration; test: TestUsageTriggers.
//
// ASSUMPTION(trigger-value-error): the answer to a TriggerValue that is not a positive number is not
// documented; the emulator answers 400/20001. The provider checks the value at plan time; test:
// TestUsageTriggers.
func (e *Emulator) createUsageTrigger(c *call) result {
	for _, name := range []string{"CallbackUrl", "TriggerValue", "UsageCategory"} {
		if c.form.Get(name) == "" {
			return result{err: missingParam(name)}
		}
	}
	t := now()
	tr := &UsageTrigger{
		Sid: newSID("UT"), AccountSid: c.target.Sid, CallbackMethod: "POST", Recurring: "alltime",
		TriggerBy: "usage", stamp: stamp{DateCreated: t, DateUpdated: t},
	}
	b := binder{form: c.form}
	b.url("CallbackUrl", &tr.CallbackURL)
	b.method("CallbackMethod", &tr.CallbackMethod)
	b.friendlyName(&tr.FriendlyName, "")
	b.str("UsageCategory", &tr.UsageCategory)
	b.enum("Recurring", &tr.Recurring, triggerRecurring...)
	b.enum("TriggerBy", &tr.TriggerBy, triggerFields...)
	if b.err != nil {
		return result{err: b.err}
	}
	value := c.form.Get("TriggerValue")
	// The emulator's usage is always 0, so an offset is the value itself.
	n, err := strconv.ParseFloat(strings.TrimPrefix(value, "+"), 64)
	if err != nil || n <= 0 {
		return result{err: badRequest(codeInvalidParameter, "TriggerValue must be a positive number (or +offset), not %q", value)}
	}
	tr.TriggerValue = strings.TrimPrefix(value, "+")
	return created(e, e.st.triggers, tr.Sid, tr, func() any { return renderUsageTrigger(tr) })
}

// usageTriggerKind serves an account's usage triggers. An update changes only CallbackMethod, CallbackUrl
// and FriendlyName, the update parameters of https://www.twilio.com/docs/usage/api/usage-trigger; the
// category, value, period and field are fixed at create.
var usageTriggerKind = objectKind[UsageTrigger, *UsageTrigger]{
	find:   (*Emulator).triggerIn,
	render: func(_ *Emulator, _ *call, t *UsageTrigger) any { return renderUsageTrigger(t) },
	edit: func(_ *Emulator, c *call, _, next *UsageTrigger) *apiError {
		b := binder{form: c.form}
		b.url("CallbackUrl", &next.CallbackURL)
		b.method("CallbackMethod", &next.CallbackMethod)
		b.friendlyName(&next.FriendlyName, "")
		return b.err
	},
	drop: func(e *Emulator, t *UsageTrigger) { delete(e.st.triggers, t.Sid) },
}
