package provider

import (
	"context"
	"reflect"
	"testing"
)

// TestAccountObjectsNameTheirObject holds every resource on the engine to a noun: the engine's Read, Update
// and Delete begin their messages with it, and Read capitalizes its first letter, so an empty noun is a
// panic waiting for the first resource that stops declaring its own Read.
func TestAccountObjectsNameTheirObject(t *testing.T) {
	p, ok := New("test")().(*twilioProvider)
	if !ok {
		t.Fatal("New does not build a *twilioProvider")
	}
	engines := 0
	for _, f := range p.Resources(context.Background()) {
		r := reflect.ValueOf(f())
		for r.Kind() == reflect.Pointer {
			r = r.Elem()
		}
		for i := 0; i < r.NumField(); i++ {
			if !r.Type().Field(i).Anonymous || r.Type().Field(i).Name != "accountObject" {
				continue
			}
			engines++
			if noun := r.Field(i).FieldByName("noun"); noun.String() == "" {
				t.Errorf("%s embeds accountObject without a noun", r.Type())
			}
		}
	}
	if engines == 0 {
		t.Fatal("no resource embeds accountObject: the test no longer sees the engine")
	}
}
