package phonenumber

// countries maps an ISO 3166-1 alpha-2 code to its country calling code and national (trunk) prefix.
//
// Sources:
//   - Calling codes: ITU-T, "List of ITU-T Recommendation E.164 assigned country codes" (an annex to the
//     ITU Operational Bulletin), which assigns each code to a country or territory.
//   - Trunk prefixes: ITU-T, "Dialling procedures (international prefix, national (trunk) prefix and
//     national (significant) number)", the per-country list of the same Bulletin; Twilio's "Formatting
//     International Phone Numbers" (help.twilio.com/articles/223183008) says to drop the domestic prefix
//     (such as the leading 0) when writing a number in E.164.
//
// NOTE: trunk is only filled where the prefix is certain; trunkUnknown makes E164 refuse a national
// number for that country (the user writes it with +CC) rather than guess whether a leading digit is a
// prefix to drop or part of the number (Italy keeps its 0, Russia's prefix is 8, Hungary's 06).
var countries = map[string]country{
	// Zone 1: the North American Numbering Plan; the trunk prefix is the 1 itself.
	"US": nanp, "CA": nanp, "AG": nanp, "AI": nanp, "AS": nanp, "BB": nanp, "BM": nanp, "BS": nanp,
	"DM": nanp, "DO": nanp, "GD": nanp, "GU": nanp, "JM": nanp, "KN": nanp, "KY": nanp, "LC": nanp,
	"MP": nanp, "MS": nanp, "PR": nanp, "SX": nanp, "TC": nanp, "TT": nanp, "VC": nanp, "VG": nanp,
	"VI": nanp,

	// Zone 2: mostly Africa.
	"EG": {"20", "0"}, "SS": {"211", trunkUnknown}, "MA": {"212", "0"}, "EH": {"212", trunkUnknown},
	"DZ": {"213", trunkUnknown}, "TN": {"216", trunkUnknown}, "LY": {"218", trunkUnknown},
	"GM": {"220", trunkUnknown}, "SN": {"221", trunkUnknown}, "MR": {"222", trunkUnknown},
	"ML": {"223", trunkUnknown}, "GN": {"224", trunkUnknown}, "CI": {"225", trunkUnknown},
	"BF": {"226", trunkUnknown}, "NE": {"227", trunkUnknown}, "TG": {"228", trunkUnknown},
	"BJ": {"229", trunkUnknown}, "MU": {"230", trunkUnknown}, "LR": {"231", trunkUnknown},
	"SL": {"232", trunkUnknown}, "GH": {"233", "0"}, "NG": {"234", "0"}, "TD": {"235", trunkUnknown},
	"CF": {"236", trunkUnknown}, "CM": {"237", trunkUnknown}, "CV": {"238", trunkUnknown},
	"ST": {"239", trunkUnknown}, "GQ": {"240", trunkUnknown}, "GA": {"241", trunkUnknown},
	"CG": {"242", trunkUnknown}, "CD": {"243", trunkUnknown}, "AO": {"244", trunkUnknown},
	"GW": {"245", trunkUnknown}, "IO": {"246", trunkUnknown}, "SC": {"248", trunkUnknown},
	"SD": {"249", trunkUnknown}, "RW": {"250", trunkUnknown}, "ET": {"251", trunkUnknown},
	"SO": {"252", trunkUnknown}, "DJ": {"253", trunkUnknown}, "KE": {"254", "0"}, "TZ": {"255", "0"},
	"UG": {"256", "0"}, "BI": {"257", trunkUnknown}, "MZ": {"258", trunkUnknown},
	"ZM": {"260", trunkUnknown}, "MG": {"261", trunkUnknown}, "RE": {"262", trunkUnknown},
	"YT": {"262", trunkUnknown}, "ZW": {"263", trunkUnknown}, "NA": {"264", trunkUnknown},
	"MW": {"265", trunkUnknown}, "LS": {"266", trunkUnknown}, "BW": {"267", trunkUnknown},
	"SZ": {"268", trunkUnknown}, "KM": {"269", trunkUnknown}, "ZA": {"27", "0"},
	"SH": {"290", trunkUnknown}, "ER": {"291", trunkUnknown}, "AW": {"297", trunkUnknown},
	"FO": {"298", ""}, "GL": {"299", ""},

	// Zones 3 and 4: Europe.
	"GR": {"30", ""}, "NL": {"31", "0"}, "BE": {"32", "0"}, "FR": {"33", "0"}, "ES": {"34", ""},
	"GI": {"350", ""}, "PT": {"351", ""}, "LU": {"352", ""}, "IE": {"353", "0"}, "IS": {"354", ""},
	"AL": {"355", trunkUnknown}, "MT": {"356", ""}, "CY": {"357", ""}, "FI": {"358", "0"},
	"AX": {"358", "0"}, "BG": {"359", "0"}, "HU": {"36", "06"}, "LT": {"370", trunkUnknown},
	"LV": {"371", ""}, "EE": {"372", ""}, "MD": {"373", trunkUnknown}, "AM": {"374", trunkUnknown},
	"BY": {"375", trunkUnknown}, "AD": {"376", ""}, "MC": {"377", ""}, "SM": {"378", ""},
	// NOTE: 379 is reserved for the Vatican, which is reached through Italy's +39 06 698.
	"VA": {"39", ""}, "UA": {"380", "0"}, "RS": {"381", "0"}, "ME": {"382", trunkUnknown},
	"HR": {"385", "0"}, "SI": {"386", "0"}, "BA": {"387", "0"}, "MK": {"389", "0"}, "IT": {"39", ""},
	"RO": {"40", "0"}, "CH": {"41", "0"}, "CZ": {"420", ""}, "SK": {"421", "0"}, "LI": {"423", ""},
	"AT": {"43", "0"}, "GB": {"44", "0"}, "GG": {"44", "0"}, "IM": {"44", "0"}, "JE": {"44", "0"},
	"DK": {"45", ""}, "SE": {"46", "0"}, "NO": {"47", ""}, "SJ": {"47", ""}, "PL": {"48", ""},
	"DE": {"49", "0"},

	// Zone 5: Mexico, Central and South America.
	"FK": {"500", trunkUnknown}, "GS": {"500", trunkUnknown}, "BZ": {"501", trunkUnknown},
	"GT": {"502", ""}, "SV": {"503", ""}, "HN": {"504", ""}, "NI": {"505", ""}, "CR": {"506", ""},
	"PA": {"507", ""}, "PM": {"508", trunkUnknown}, "HT": {"509", trunkUnknown}, "PE": {"51", "0"},
	"MX": {"52", ""}, "CU": {"53", trunkUnknown}, "AR": {"54", "0"}, "BR": {"55", "0"},
	"CL": {"56", trunkUnknown}, "CO": {"57", trunkUnknown}, "VE": {"58", trunkUnknown},
	"GP": {"590", trunkUnknown}, "BL": {"590", trunkUnknown}, "MF": {"590", trunkUnknown},
	"BO": {"591", trunkUnknown}, "GY": {"592", trunkUnknown}, "EC": {"593", trunkUnknown},
	"GF": {"594", trunkUnknown}, "PY": {"595", trunkUnknown}, "MQ": {"596", trunkUnknown},
	"SR": {"597", trunkUnknown}, "UY": {"598", trunkUnknown}, "CW": {"599", trunkUnknown},
	"BQ": {"599", trunkUnknown},

	// Zone 6: Southeast Asia and Oceania.
	"MY": {"60", "0"}, "AU": {"61", "0"}, "CX": {"61", "0"}, "CC": {"61", "0"}, "ID": {"62", "0"},
	"PH": {"63", "0"}, "NZ": {"64", "0"}, "PN": {"64", trunkUnknown}, "SG": {"65", ""}, "TH": {"66", "0"},
	"TL": {"670", trunkUnknown}, "NF": {"672", trunkUnknown}, "AQ": {"672", trunkUnknown},
	"BN": {"673", trunkUnknown}, "NR": {"674", trunkUnknown}, "PG": {"675", trunkUnknown},
	"TO": {"676", trunkUnknown}, "SB": {"677", trunkUnknown}, "VU": {"678", trunkUnknown},
	"FJ": {"679", ""}, "PW": {"680", trunkUnknown}, "WF": {"681", trunkUnknown},
	"CK": {"682", trunkUnknown}, "NU": {"683", trunkUnknown}, "WS": {"685", trunkUnknown},
	"KI": {"686", trunkUnknown}, "NC": {"687", trunkUnknown}, "TV": {"688", trunkUnknown},
	"PF": {"689", trunkUnknown}, "TK": {"690", trunkUnknown}, "FM": {"691", trunkUnknown},
	"MH": {"692", trunkUnknown},

	// Zone 7: Russia and Kazakhstan.
	"RU": {"7", "8"}, "KZ": {"7", "8"},

	// Zone 8: East Asia.
	"JP": {"81", "0"}, "KR": {"82", "0"}, "VN": {"84", "0"}, "KP": {"850", trunkUnknown},
	"HK": {"852", ""}, "MO": {"853", ""}, "KH": {"855", trunkUnknown}, "LA": {"856", trunkUnknown},
	"CN": {"86", "0"}, "BD": {"880", "0"}, "TW": {"886", "0"},

	// Zone 9: West, Central and South Asia.
	"TR": {"90", "0"}, "IN": {"91", "0"}, "PK": {"92", "0"}, "AF": {"93", trunkUnknown},
	"LK": {"94", "0"}, "MM": {"95", trunkUnknown}, "MV": {"960", trunkUnknown},
	"LB": {"961", trunkUnknown}, "JO": {"962", trunkUnknown}, "SY": {"963", trunkUnknown},
	"IQ": {"964", trunkUnknown}, "KW": {"965", ""}, "SA": {"966", "0"}, "YE": {"967", trunkUnknown},
	"OM": {"968", trunkUnknown}, "PS": {"970", trunkUnknown}, "AE": {"971", "0"}, "IL": {"972", "0"},
	"BH": {"973", ""}, "QA": {"974", ""}, "BT": {"975", trunkUnknown}, "MN": {"976", trunkUnknown},
	"NP": {"977", trunkUnknown}, "IR": {"98", trunkUnknown}, "TJ": {"992", trunkUnknown},
	"TM": {"993", trunkUnknown}, "AZ": {"994", trunkUnknown}, "GE": {"995", trunkUnknown},
	"KG": {"996", trunkUnknown}, "UZ": {"998", trunkUnknown},
}

// globalCodes are the E.164 codes assigned to global services rather than a country (international
// freephone 800, shared-cost 808, Inmarsat 870, universal personal telecommunications 878, global mobile
// satellite 881, international networks 882 and 883, international premium rate 979), from the same ITU
// list. A number under one is accepted in international format only.
var globalCodes = []string{"800", "808", "870", "878", "881", "882", "883", "979"}

var nanp = country{"1", "1"}
