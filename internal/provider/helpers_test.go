package provider

import "testing"

// Twilio documents "" for unset fields that the emulator answers as null (assumption null-for-empty in
// internal/emulator/FIDELITY.md): optional attributes read both as null, required strings both as "".
func TestOptionalStringNullAndEmptyAlike(t *testing.T) {
	t.Parallel()
	empty := ""
	if a, b := optionalString(nil), optionalString(&empty); !a.IsNull() || !b.IsNull() {
		t.Errorf("optionalString: null gives %v, \"\" gives %v; want both null", a, b)
	}
	if a, b := stringValue(nil), stringValue(&empty); !a.Equal(b) || a.ValueString() != "" {
		t.Errorf("stringValue: null gives %v, \"\" gives %v; want both \"\"", a, b)
	}
}
