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
			m := messagingServiceModel{Timeouts: nullTimeouts()}
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

func (r *messagingPoolNumberListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var scope listScopeModel
	client := listConfig(ctx, req, r.data, &scope, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, scope, "Messaging Services' numbers", func(e *listEmitter, account string) error {
		services, err := client.ListMessagingServices(ctx, account)
		if err != nil {
			return err
		}
		for _, s := range services {
			if !scope.nameMatches(deref(s.FriendlyName)) {
				continue
			}
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
						m := messagingServicePhoneNumberModel{Timeouts: timeouts.Value{Object: types.ObjectNull(
							map[string]attr.Type{"create": types.StringType, "delete": types.StringType})}}
						diags := flattenMessagingServicePhoneNumber(ctx, n, &m)
						return m, diags
					})
				if !e.more {
					return nil
				}
			}
		}
		return nil
	})
}
