package main

import (
	"maps"
	"testing"
)

func TestDefaultLogLevels(t *testing.T) {
	t.Parallel()
	off := map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF",
		"TF_LOG_PROVIDER_TWILIO": "OFF"}
	for name, tc := range map[string]struct {
		env, want map[string]string
	}{
		"nothing set silences every logger": {env: map[string]string{}, want: off},
		"TF_LOG sets the level": {env: map[string]string{"TF_LOG": "debug"}, want: map[string]string{
			"TF_LOG": "debug", "TF_LOG_SDK": "DEBUG", "TF_LOG_SDK_PROTO": "DEBUG", "TF_LOG_SDK_FRAMEWORK": "DEBUG",
			"TF_LOG_PROVIDER_TWILIO": "DEBUG"}},
		"TF_LOG_PROVIDER wins over TF_LOG": {env: map[string]string{"TF_LOG": "TRACE", "TF_LOG_PROVIDER": "warn"},
			want: map[string]string{"TF_LOG": "TRACE", "TF_LOG_PROVIDER": "warn", "TF_LOG_SDK": "WARN",
				"TF_LOG_SDK_PROTO": "WARN", "TF_LOG_SDK_FRAMEWORK": "WARN", "TF_LOG_PROVIDER_TWILIO": "WARN"}},
		"JSON means TRACE": {env: map[string]string{"TF_LOG": "json"}, want: map[string]string{
			"TF_LOG": "json", "TF_LOG_SDK": "TRACE", "TF_LOG_SDK_PROTO": "TRACE", "TF_LOG_SDK_FRAMEWORK": "TRACE",
			"TF_LOG_PROVIDER_TWILIO": "TRACE"}},
		"explicit levels are kept": {env: map[string]string{"TF_LOG_SDK_FRAMEWORK": "TRACE"}, want: map[string]string{
			"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "TRACE", "TF_LOG_PROVIDER_TWILIO": "OFF"}},
		"unknown level changes nothing": {env: map[string]string{"TF_LOG": "chatty"},
			want: map[string]string{"TF_LOG": "chatty"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := maps.Clone(tc.env)
			err := defaultLogLevels(func(k string) string { return env[k] }, func(k, v string) error {
				env[k] = v
				return nil
			})
			if err != nil {
				t.Fatalf("defaultLogLevels: %v", err)
			}
			if !maps.Equal(env, tc.want) {
				t.Errorf("environment = %v, want %v", env, tc.want)
			}
		})
	}
}
