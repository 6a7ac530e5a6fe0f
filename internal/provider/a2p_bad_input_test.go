package provider

import "strings"

// The A2P registrations' rows of the bad-input matrix (badInputs).
func init() {
	const bu = "BU0123456789abcdef0123456789abcdef"
	brand := func(extra string) string {
		return res("twilio_a2p_brand_registration", "customer_profile_bundle_sid = \""+bu+"\"\na2p_profile_bundle_sid = \""+bu+"\"\n"+extra)
	}
	campaign := func(override string) string {
		attrs := map[string]string{
			"messaging_service_sid":    `"MG0123456789abcdef0123456789abcdef"`,
			"brand_registration_sid":   `"BN0123456789abcdef0123456789abcdef"`,
			"us_app_to_person_usecase": `"ACCOUNT_NOTIFICATION"`,
			"description":              `"` + testAccA2PCampaignDescription + `"`,
			"message_flow":             `"Patients opt in on the clinic's booking form by ticking an SMS consent box."`,
			"message_samples":          `["Your appointment is tomorrow at 10am.", "Reply STOP to stop these reminders."]`,
			"has_embedded_links":       "false",
			"has_embedded_phone":       "false",
		}
		name := strings.TrimSpace(strings.SplitN(override, "=", 2)[0])
		lines := []string{override}
		for _, k := range []string{"messaging_service_sid", "brand_registration_sid", "us_app_to_person_usecase", "description",
			"message_flow", "message_samples", "has_embedded_links", "has_embedded_phone"} {
			if k != name {
				lines = append(lines, k+" = "+attrs[k])
			}
		}
		return res("twilio_a2p_campaign", strings.Join(lines, "\n"))
	}
	tollfree := func(extra string) string {
		return res("twilio_tollfree_verification", `tollfree_phone_number_sid = "PN0123456789abcdef0123456789abcdef"
business_name = "x"
business_website = "https://x.example.com"
notification_email = "x@example.com"
use_case_categories = ["ACCOUNT_NOTIFICATIONS"]
use_case_summary = "x"
production_message_sample = "x"
message_volume = "10"
`+extra)
	}
	badInputs = append(badInputs,
		badInput{"tollfree unknown opt-in type", tollfree("opt_in_image_urls = [\"https://x.example.com/a.png\"]\nopt_in_type = \"EMAIL\""), "opt_in_type", "value must be one of"},
		badInput{"tollfree opt-in image not a URL", tollfree("opt_in_image_urls = [\"opt-in.png\"]\nopt_in_type = \"WEB_FORM\""), "opt_in_image_urls", "must be a public http(s) URL"},
		badInput{"tollfree contact phone not E.164", tollfree("opt_in_image_urls = [\"https://x.example.com/a.png\"]\nopt_in_type = \"WEB_FORM\"\nbusiness_contact_phone = \"415-555-0100\""), "business_contact_phone", "must be an E.164 number"},
		badInput{"brand profile with a trust product's wrong prefix", res("twilio_a2p_brand_registration",
			"customer_profile_bundle_sid = \"RN0123456789abcdef0123456789abcdef\"\na2p_profile_bundle_sid = \""+bu+"\""),
			"customer_profile_bundle_sid", "BU followed by 32 hexadecimal digits"},
		badInput{"brand type starter", brand(`brand_type = "STARTER"`), "brand_type", "value must be one of"},
		badInput{"campaign description too short", campaign(`description = "Reminders."`), "description", "length must be between 40 and 4096"},
		badInput{"campaign flow too short", campaign(`message_flow = "Web form."`), "message_flow", "length must be between 40 and 2048"},
		badInput{"campaign one sample", campaign(`message_samples = ["Your appointment is tomorrow at 10am."]`), "message_samples", "list must contain at least 2 elements and at most 5"},
		badInput{"campaign short sample", campaign(`message_samples = ["Hi", "Reply STOP to stop these reminders."]`), "message_samples", "length must be between 20 and 1024"},
		badInput{"campaign lower-case use case", campaign(`us_app_to_person_usecase = "marketing"`), "us_app_to_person_usecase", "upper-case A2P use case"},
		badInput{"campaign keyword with a space", campaign(`opt_out_keywords = ["STOP ALL"]`), "opt_out_keywords", "alphanumeric"},
		badInput{"campaign service with a brand SID", campaign(`messaging_service_sid = "BN0123456789abcdef0123456789abcdef"`), "messaging_service_sid", "MG followed by 32 hexadecimal digits"},
		badInput{"campaign short help reply", campaign(`help_message = "Call us."`), "help_message", "length must be between 20 and 320"},
	)
}
