package emulator

// A move of a regulated number: "Regulatory Requirements (if required): A Bundle (BU SID), Address (AD
// SID), or both may be needed for regulatory compliance on the account or subaccount that will be
// receiving the phone number"
// (https://help.twilio.com/articles/360038163473-Move-Phone-Numbers-Between-Twilio-Accounts-and-their-Subaccounts,
// quoted from its last support.twilio.com copy: Twilio retired that site in 2024 and moved its articles),
// so the move clears the old account's bundle and address and checks what the request names as for a
// purchase. A transfer without the address answers 21613: "If you received this error when trying to
// transfer a phone number to a subaccount or between subaccounts, please ensure that the subaccount has the
// correct address on file" (https://www.twilio.com/docs/errors/21613).
//
// ASSUMPTION(move-bundle-code): the code of a move without a valid bundle of the receiving account is not
// documented; the emulator answers 21649, Twilio's code for a purchase without one. The provider sends the
// configured bundle with the move, refuses at plan a move that keeps the old account's bundle or drops it,
// and points 21649 and 21650 at bundle_sid; test: TestAccIncomingNumber_moveRegulated.
const codeTransferAddressRequired = 21613

// moveError gives a move's refusal for want of an address the transfer code.
func moveError(err *apiError, moving bool) *apiError {
	if moving && err.Code == codeAddressRequired {
		return badRequest(codeTransferAddressRequired, "PhoneNumber Requires an Address: %s", err.Message)
	}
	return err
}
