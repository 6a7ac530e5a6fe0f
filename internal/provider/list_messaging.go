package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

var (
	_ list.ListResourceWithConfigure        = (*messagingServiceListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*messagingServiceListResource)(nil)
	_ list.ListResourceWithConfigure        = (*messagingPoolNumberListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*messagingPoolNumberListResource)(nil)
	_ list.ListResourceWithConfigure        = (*messagingAlphaSenderListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*messagingAlphaSenderListResource)(nil)
	_ list.ListResourceWithConfigure        = (*messagingShortCodeListResource)(nil)
	_ list.ListResourceWithConfigValidators = (*messagingShortCodeListResource)(nil)
)

// NewMessagingServiceListResource is the factory for the twilio_messaging_service list resource.
func NewMessagingServiceListResource() list.ListResource {
	return &messagingServiceListResource{messagingServiceResource{resourceBase: resourceBase{name: "messaging_service"}}}
}

type messagingServiceListResource struct{ messagingServiceResource }

func (r *messagingServiceListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists Messaging Services: one request per account searched (per 1,000 services), with " +
			"the account's own credentials, as Messaging requires. The name filters match the service's " +
			"`friendly_name`. Suspended subaccounts are skipped with a warning.",
		Attributes: listScopeAttributes("Messaging Services"),
	}
}

func (r *messagingServiceListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *messagingServiceListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "Messaging Services", func(e *listEmitter, account string) error {
		services, err := client.ListMessagingServices(ctx, account)
		if err != nil {
			return err
		}
		emitAccountObjects(ctx, req, e, account, services, func(s *twilioclient.MessagingService) listed {
			name := deref(s.FriendlyName)
			return listed{display: name, sid: deref(s.Sid), skip: !scope.nameMatches(name)}
		}, func(s *twilioclient.MessagingService) (any, diag.Diagnostics) {
			m := messagingServiceModel{SkipDestroy: types.BoolValue(false), Timeouts: nullTimeouts()}
			flattenMessagingService(s, &m)
			return m, nil
		})
		return nil
	})
}

// NewMessagingServicePhoneNumberListResource is the factory for the twilio_messaging_service_phone_number
// list resource.
func NewMessagingServicePhoneNumberListResource() list.ListResource {
	return &messagingPoolNumberListResource{messagingServicePhoneNumberResource{
		resourceBase: resourceBase{name: "messaging_service_phone_number"}}}
}

type messagingPoolNumberListResource struct {
	messagingServicePhoneNumberResource
}

// messagingPoolNumberIdentity is a pool number's identity: its account, service and number.
type messagingPoolNumberIdentity struct {
	AccountSID     types.String `tfsdk:"account_sid"`
	ServiceSID     types.String `tfsdk:"service_sid"`
	PhoneNumberSID types.String `tfsdk:"phone_number_sid"`
}

func (r *messagingPoolNumberListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the numbers in Messaging Services' sender pools: per account searched, one request " +
			"for its services and one per service for its numbers, with the account's own credentials. The name " +
			"filters match the **service's** `friendly_name`, so a query adopts whole pools.",
		Attributes: listScopeAttributes("Messaging Services' numbers"),
	}
}

func (r *messagingPoolNumberListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

// eachMessagingService runs body for each service of the account whose name the scope matches, until the
// stream wants no more.
func eachMessagingService(ctx context.Context, client *twilioclient.Client, scope listScopeModel, e *listEmitter, account string,
	body func(s *twilioclient.MessagingService) error) error {
	services, err := client.ListMessagingServices(ctx, account)
	if err != nil {
		return err
	}
	for i := range services {
		if !scope.nameMatches(deref(services[i].FriendlyName)) {
			continue
		}
		if err := body(&services[i]); err != nil || !e.more {
			return err
		}
	}
	return nil
}

func (r *messagingPoolNumberListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "Messaging Services' numbers", func(e *listEmitter, account string) error {
		return eachMessagingService(ctx, client, scope, e, account, func(s *twilioclient.MessagingService) error {
			numbers, err := client.ListServicePhoneNumbers(ctx, account, deref(s.Sid))
			if err != nil {
				return err
			}
			for i := range numbers {
				n := &numbers[i]
				e.emit(ctx, req, fmt.Sprintf("%s in %s (%s in %s)", deref(n.PhoneNumber), deref(s.FriendlyName), deref(s.Sid), account),
					messagingPoolNumberIdentity{AccountSID: types.StringValue(account), ServiceSID: types.StringValue(deref(s.Sid)),
						PhoneNumberSID: types.StringValue(deref(n.Sid))},
					func() (any, diag.Diagnostics) {
						m := messagingServicePhoneNumberModel{Timeouts: nullCreateDeleteTimeouts()}
						diags := flattenMessagingServicePhoneNumber(ctx, n, &m)
						return m, diags
					})
				if !e.more {
					return nil
				}
			}
			return nil
		})
	})
}

// NewMessagingAlphaSenderListResource is the factory for the twilio_messaging_service_alpha_sender list
// resource.
func NewMessagingAlphaSenderListResource() list.ListResource {
	return &messagingAlphaSenderListResource{messagingAlphaSenderResource{
		resourceBase: resourceBase{name: "messaging_service_alpha_sender"}}}
}

type messagingAlphaSenderListResource struct {
	messagingAlphaSenderResource
}

// messagingMemberIdentity is an alpha sender's identity: its account, service and SID.
type messagingMemberIdentity struct {
	AccountSID types.String `tfsdk:"account_sid"`
	ServiceSID types.String `tfsdk:"service_sid"`
	SID        types.String `tfsdk:"sid"`
}

func (r *messagingAlphaSenderListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the alpha senders of Messaging Services: per account searched, one request for its " +
			"services and one per service. The name filters match the **service's** `friendly_name`.",
		Attributes: listScopeAttributes("Messaging Services' alpha senders"),
	}
}

func (r *messagingAlphaSenderListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *messagingAlphaSenderListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "Messaging Services' alpha senders", func(e *listEmitter, account string) error {
		return eachMessagingService(ctx, client, scope, e, account, func(s *twilioclient.MessagingService) error {
			senders, err := client.ListAlphaSenders(ctx, account, deref(s.Sid))
			if err != nil {
				return err
			}
			for i := range senders {
				a := &senders[i]
				e.emit(ctx, req, fmt.Sprintf("%s in %s (%s in %s)", deref(a.AlphaSender), deref(s.FriendlyName), deref(s.Sid), account),
					messagingMemberIdentity{AccountSID: types.StringValue(account), ServiceSID: types.StringValue(deref(s.Sid)),
						SID: types.StringValue(deref(a.Sid))},
					func() (any, diag.Diagnostics) {
						m := messagingAlphaSenderModel{Timeouts: nullCreateDeleteTimeouts()}
						flattenMessagingAlphaSender(a, &m)
						return m, nil
					})
				if !e.more {
					return nil
				}
			}
			return nil
		})
	})
}

// nullCreateDeleteTimeouts is an absent timeouts block of a resource without updates, as an import leaves it.
func nullCreateDeleteTimeouts() timeouts.Value {
	return timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "delete": types.StringType})}
}

// NewMessagingShortCodeListResource is the factory for the twilio_messaging_service_short_code list resource.
func NewMessagingShortCodeListResource() list.ListResource {
	return &messagingShortCodeListResource{messagingShortCodeResource{
		resourceBase: resourceBase{name: "messaging_service_short_code"}}}
}

type messagingShortCodeListResource struct {
	messagingShortCodeResource
}

// messagingShortCodeIdentity is a pool short code's identity: its account, service and short code.
type messagingShortCodeIdentity struct {
	AccountSID   types.String `tfsdk:"account_sid"`
	ServiceSID   types.String `tfsdk:"service_sid"`
	ShortCodeSID types.String `tfsdk:"short_code_sid"`
}

func (r *messagingShortCodeListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the short codes in Messaging Services' sender pools: per account searched, one " +
			"request for its services and one per service. The name filters match the **service's** `friendly_name`.",
		Attributes: listScopeAttributes("Messaging Services' short codes"),
	}
}

func (r *messagingShortCodeListResource) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return listScopeValidators()
}

func (r *messagingShortCodeListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "Messaging Services' short codes", func(e *listEmitter, account string) error {
		return eachMessagingService(ctx, client, scope, e, account, func(s *twilioclient.MessagingService) error {
			codes, err := client.ListServiceShortCodes(ctx, account, deref(s.Sid))
			if err != nil {
				return err
			}
			for i := range codes {
				sc := &codes[i]
				e.emit(ctx, req, fmt.Sprintf("%s in %s (%s in %s)", deref(sc.ShortCode), deref(s.FriendlyName), deref(s.Sid), account),
					messagingShortCodeIdentity{AccountSID: types.StringValue(account), ServiceSID: types.StringValue(deref(s.Sid)),
						ShortCodeSID: types.StringValue(deref(sc.Sid))},
					func() (any, diag.Diagnostics) {
						m := messagingShortCodeModel{Timeouts: nullCreateDeleteTimeouts()}
						diags := flattenMessagingShortCode(ctx, sc, &m)
						return m, diags
					})
				if !e.more {
					return nil
				}
			}
			return nil
		})
	})
}
