package serverlessruntime

// Upload sizes of Functions & Assets versions, shared by the provider's plan check and the emulator.
//
// NOTE: issue 23 reports Twilio's Functions & Assets pages as limiting public and protected Assets to
// 25 MB and private ones to 10 MB; the copy of the pages available to the project does not show the
// limits section, so internal/emulator/FIDELITY.md lists them as the assumption asset-size-limits. Function
// versions are bounded at the public size too.
const (
	MaxPublicBytes  = 25 << 20
	MaxPrivateBytes = 10 << 20
)

// MaxVersionBytes is the largest version Twilio takes for an asset (asset true) or function of this
// visibility.
func MaxVersionBytes(asset bool, visibility string) int64 {
	if asset && visibility == "private" {
		return MaxPrivateBytes
	}
	return MaxPublicBytes
}
