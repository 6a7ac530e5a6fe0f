package emulator

import (
	"net/http"
	"unicode/utf8"
)

// Variable is an environment variable of a Serverless environment
// (https://www.twilio.com/docs/serverless/api/resource/variable).
type Variable struct {
	Sid            string `json:"sid"`
	AccountSid     string `json:"account_sid"`
	ServiceSid     string `json:"service_sid"`
	EnvironmentSid string `json:"environment_sid"`
	Key            string `json:"key"`
	Value          string `json:"value"`
	stamp
}

// Limits from Twilio's Variable resource docs: Key "can be a maximum of 128 characters", Value "can be a
// maximum of 450 bytes in size".
const (
	maxVariableKey   = 128
	maxVariableValue = 450
)

type variableJSON struct {
	Sid            string `json:"sid"`
	AccountSid     string `json:"account_sid"`
	ServiceSid     string `json:"service_sid"`
	EnvironmentSid string `json:"environment_sid"`
	Key            string `json:"key"`
	Value          string `json:"value"`
	v1Meta
}

func renderVariable(c *call, v *Variable) any {
	return variableJSON{
		Sid: v.Sid, AccountSid: v.AccountSid, ServiceSid: v.ServiceSid, EnvironmentSid: v.EnvironmentSid,
		Key: v.Key, Value: v.Value,
		v1Meta: v.metaAt(c.base + "/v1/Services/" + v.ServiceSid + "/Environments/" + v.EnvironmentSid + "/Variables/" + v.Sid),
	}
}

// variableIn finds the variable the path names under the path's environment.
func (e *Emulator) variableIn(c *call) (*Environment, *Variable, *apiError) {
	_, env, err := e.environmentIn(c, "EnvironmentSid")
	if err != nil {
		return nil, nil, err
	}
	v := e.st.sv.variables[c.params["Sid"]]
	if v == nil || v.EnvironmentSid != env.Sid {
		return nil, nil, notFound(c.path)
	}
	return env, v, nil
}

// bindVariable applies Key and Value and checks their limits and the key's uniqueness in env.
func (e *Emulator) bindVariable(c *call, env *Environment, v *Variable) *apiError {
	b := binder{form: c.form}
	b.str("Key", &v.Key)
	// NOTE: a value is taken as sent, spaces included (binder.str trims): it may be a secret.
	if vals, ok := c.form["Value"]; ok && len(vals) > 0 {
		v.Value = vals[0]
	}
	switch {
	case b.err != nil:
		return b.err
	case v.Key == "":
		return badRequest(codeInvalidParameter, "Key cannot be empty")
	case utf8.RuneCountInString(v.Key) > maxVariableKey:
		return badRequest(codeInvalidParameter, "Key must be at most %d characters long", maxVariableKey)
	case len(v.Value) > maxVariableValue:
		return badRequest(codeInvalidParameter, "Value must be at most %d bytes long", maxVariableValue)
	}
	for _, other := range e.st.sv.variables {
		if other.EnvironmentSid == env.Sid && other.Sid != v.Sid && other.Key == v.Key {
			return newError(http.StatusConflict, codeConflict, "Variable with Key %s already exists", v.Key)
		}
	}
	return nil
}

func (e *Emulator) listVariables(c *call) result {
	_, env, err := e.environmentIn(c, "EnvironmentSid")
	if err != nil {
		return result{err: err}
	}
	all := sorted(e.st.sv.variables, func(v *Variable) bool { return v.EnvironmentSid == env.Sid })
	return listed(c, listV1, "variables", nil, all,
		func(v *Variable) string { return v.Sid }, func(v *Variable) any { return renderVariable(c, v) })
}

// createVariable needs Key and Value (Value may not be empty: the spec requires it).
func (e *Emulator) createVariable(c *call) result {
	_, env, err := e.environmentIn(c, "EnvironmentSid")
	if err != nil {
		return result{err: err}
	}
	for _, name := range []string{"Key", "Value"} {
		if c.form.Get(name) == "" {
			return result{err: missingParam(name)}
		}
	}
	t := now()
	v := &Variable{Sid: newSID("ZV"), AccountSid: env.AccountSid, ServiceSid: env.ServiceSid,
		EnvironmentSid: env.Sid, stamp: stamp{DateCreated: t, DateUpdated: t}}
	if err := e.bindVariable(c, env, v); err != nil {
		return result{err: err}
	}
	return created(e, e.st.sv.variables, v.Sid, v, func() any { return renderVariable(c, v) })
}

// variableKind serves an environment's variables (variableIn found the variable in its environment, so an
// update's key is checked against that environment's).
var variableKind = objectKind[Variable, *Variable]{
	find: func(e *Emulator, c *call) (*Variable, *apiError) {
		_, v, err := e.variableIn(c)
		return v, err
	},
	render: func(_ *Emulator, c *call, v *Variable) any { return renderVariable(c, v) },
	edit: func(e *Emulator, c *call, v, next *Variable) *apiError {
		return e.bindVariable(c, e.st.sv.environments[v.EnvironmentSid], next)
	},
	drop: func(e *Emulator, v *Variable) { delete(e.st.sv.variables, v.Sid) },
}
