package emulator

// applicationJSON is api.v2010.account.application.
type applicationJSON struct {
	AccountSid                      string  `json:"account_sid"`
	APIVersion                      string  `json:"api_version"`
	DateCreated                     string  `json:"date_created"`
	DateUpdated                     string  `json:"date_updated"`
	FriendlyName                    *string `json:"friendly_name"`
	MessageStatusCallback           *string `json:"message_status_callback"`
	Sid                             string  `json:"sid"`
	SmsFallbackMethod               string  `json:"sms_fallback_method"`
	SmsFallbackURL                  *string `json:"sms_fallback_url"`
	SmsMethod                       string  `json:"sms_method"`
	SmsStatusCallback               *string `json:"sms_status_callback"`
	SmsURL                          *string `json:"sms_url"`
	StatusCallback                  *string `json:"status_callback"`
	StatusCallbackMethod            string  `json:"status_callback_method"`
	URI                             string  `json:"uri"`
	VoiceCallerIDLookup             bool    `json:"voice_caller_id_lookup"`
	VoiceFallbackMethod             string  `json:"voice_fallback_method"`
	VoiceFallbackURL                *string `json:"voice_fallback_url"`
	VoiceMethod                     string  `json:"voice_method"`
	VoiceURL                        *string `json:"voice_url"`
	PublicApplicationConnectEnabled bool    `json:"public_application_connect_enabled"`
}

func renderApplication(a *Application) any {
	return applicationJSON{
		AccountSid:                      a.AccountSid,
		APIVersion:                      a.APIVersion,
		DateCreated:                     fmt2822(a.DateCreated),
		DateUpdated:                     fmt2822(a.DateUpdated),
		FriendlyName:                    nullable(a.FriendlyName),
		MessageStatusCallback:           nullable(a.MessageStatusCallback),
		Sid:                             a.Sid,
		SmsFallbackMethod:               a.SmsFallbackMethod,
		SmsFallbackURL:                  nullable(a.SmsFallbackURL),
		SmsMethod:                       a.SmsMethod,
		SmsStatusCallback:               nullable(a.SmsStatusCallback),
		SmsURL:                          nullable(a.SmsURL),
		StatusCallback:                  nullable(a.StatusCallback),
		StatusCallbackMethod:            a.StatusCallbackMethod,
		URI:                             apiPrefix + "Accounts/" + a.AccountSid + "/Applications/" + a.Sid + ".json",
		VoiceCallerIDLookup:             a.VoiceCallerIDLookup,
		VoiceFallbackMethod:             a.VoiceFallbackMethod,
		VoiceFallbackURL:                nullable(a.VoiceFallbackURL),
		VoiceMethod:                     a.VoiceMethod,
		VoiceURL:                        nullable(a.VoiceURL),
		PublicApplicationConnectEnabled: a.PublicApplicationConnectEnabled,
	}
}

// bindApplication applies the create/update parameters, which are the same.
func bindApplication(b *binder, a *Application) {
	b.friendlyName(&a.FriendlyName, "")
	b.enum("ApiVersion", &a.APIVersion, "2010-04-01", "2008-08-01")
	b.url("VoiceUrl", &a.VoiceURL)
	b.method("VoiceMethod", &a.VoiceMethod)
	b.url("VoiceFallbackUrl", &a.VoiceFallbackURL)
	b.method("VoiceFallbackMethod", &a.VoiceFallbackMethod)
	b.url("StatusCallback", &a.StatusCallback)
	b.method("StatusCallbackMethod", &a.StatusCallbackMethod)
	b.boolean("VoiceCallerIdLookup", &a.VoiceCallerIDLookup)
	b.url("SmsUrl", &a.SmsURL)
	b.method("SmsMethod", &a.SmsMethod)
	b.url("SmsFallbackUrl", &a.SmsFallbackURL)
	b.method("SmsFallbackMethod", &a.SmsFallbackMethod)
	b.url("SmsStatusCallback", &a.SmsStatusCallback)
	b.url("MessageStatusCallback", &a.MessageStatusCallback)
	b.boolean("PublicApplicationConnectEnabled", &a.PublicApplicationConnectEnabled)
}

func (e *Emulator) appIn(c *call) (*Application, *apiError) {
	return findIn(c, e.st.apps, c.params["Sid"], func(a *Application) bool { return a.AccountSid == c.target.Sid })
}

func (e *Emulator) listApplications(c *call) result {
	name := c.form.Get("FriendlyName")
	all := sorted(e.st.apps, func(a *Application) bool {
		return a.AccountSid == c.target.Sid && (name == "" || a.FriendlyName == name)
	})
	return listed(c, list2010, "applications", filters{{"FriendlyName", name}}, all,
		func(a *Application) string { return a.Sid }, renderApplication)
}

func (e *Emulator) createApplication(c *call) result {
	t := now()
	// Twilio defaults every webhook method to POST.
	a := &Application{
		Sid: newSID("AP"), AccountSid: c.target.Sid, APIVersion: "2010-04-01",
		VoiceMethod: "POST", VoiceFallbackMethod: "POST", StatusCallbackMethod: "POST",
		SmsMethod: "POST", SmsFallbackMethod: "POST", stamp: stamp{DateCreated: t, DateUpdated: t},
	}
	b := binder{form: c.form}
	bindApplication(&b, a)
	if b.err != nil {
		return result{err: b.err}
	}
	return created(e, e.st.apps, a.Sid, a, func() any { return renderApplication(a) })
}

// applicationKind serves an account's TwiML applications. A deleted application is also unhooked from
// the account's numbers, which would otherwise point at an application that no longer exists.
var applicationKind = objectKind[Application, *Application]{
	find:   (*Emulator).appIn,
	render: func(_ *Emulator, _ *call, a *Application) any { return renderApplication(a) },
	edit: func(_ *Emulator, c *call, _, next *Application) *apiError {
		b := binder{form: c.form}
		bindApplication(&b, next)
		return b.err
	},
	drop: func(e *Emulator, a *Application) {
		delete(e.st.apps, a.Sid)
		for _, n := range e.st.numbers {
			if n.VoiceApplicationSid == a.Sid {
				n.VoiceApplicationSid = ""
			}
			if n.SmsApplicationSid == a.Sid {
				n.SmsApplicationSid = ""
			}
		}
	},
}
