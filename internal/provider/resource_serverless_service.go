package provider

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

var _ managedResource = (*serverlessServiceResource)(nil)

// NewServerlessServiceResource is the factory for twilio_serverless_service.
func NewServerlessServiceResource() resource.Resource {
	r := &serverlessServiceResource{resourceBase: resourceBase{name: "serverless_service", plan: planSteps{
		kept: "Twilio Serverless service", keptLabel: "unique_name", product: twilioregion.ProductServerless, account: fixedAccountSID}}}
	r.accountObject = accountObject[serverlessServiceModel, twilioclient.Service]{base: &r.resourceBase,
		noun: "Twilio Serverless service", kept: "Serverless service", updateHint: true,
		byKey: (*twilioclient.Client).FindService,
		// An import takes AC…/ZS…, a bare ZS… (found in the provider's account or one of its subaccounts), or an
		// identity { account_sid, sid }.
		importing: serverlessImport{serverlessServiceLevels, func(ctx context.Context, c *twilioclient.Client, account string, sids []string) error {
			_, err := c.FindService(ctx, account, sids[0])
			return err
		}},
		create:  r.create,
		flatten: flattenPlain(flattenServerlessService),
		update: func(ctx context.Context, c *twilioclient.Client, plan, state *serverlessServiceModel) (*twilioclient.Service, error) {
			params := &twilioclient.UpdateServiceParams{}
			params.SetFriendlyName(plan.FriendlyName.ValueString())
			params.SetIncludeCredentials(plan.IncludeCredentials.ValueBool()).SetUiEditable(plan.UIEditable.ValueBool())
			return c.UpdateService(ctx, state.AccountSID.ValueString(), state.SID.ValueString(), params)
		},
		remove: removeByKey[serverlessServiceModel]((*twilioclient.Client).DeleteService),
	}
	return r
}

type serverlessServiceResource struct {
	resourceBase
	accountObject[serverlessServiceModel, twilioclient.Service]
}

type serverlessServiceModel struct {
	accountObjectFields
	UniqueName         types.String   `tfsdk:"unique_name"`
	FriendlyName       types.String   `tfsdk:"friendly_name"`
	IncludeCredentials types.Bool     `tfsdk:"include_credentials"`
	UIEditable         types.Bool     `tfsdk:"ui_editable"`
	DomainBase         types.String   `tfsdk:"domain_base"`
	SkipDestroy        types.Bool     `tfsdk:"skip_destroy"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// serverlessServiceLevels is a service's address: its SID.
var serverlessServiceLevels = []serverlessPath{{"ZS", "sid", "Serverless service"}}

// Twilio's rules for a service's unique name: "50 characters or less"
// (https://www.twilio.com/docs/serverless/api/resource/service), "may only contain letters, numbers, and
// dashes" (https://www.twilio.com/docs/serverless/functions-assets/functions/create-service).
var serviceUniqueNameRE = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

func (r *serverlessServiceResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Twilio Serverless service: the container of Functions, Assets, their builds and the " +
			"environments they are deployed to (`twilio_serverless_environment`), e.g. the voice function that a " +
			"tenant's numbers call.\n\n" +
			"The unique name is the first part of every environment's domain (`<unique_name>-<4 digits>[-<suffix>]." +
			"twil.io`) and cannot change: changing it replaces the service, and with it every URL under it.\n\n" +
			"**Destroying a service deletes everything in it** (environments, variables, functions, assets, builds " +
			"and deployments); numbers that call its functions stop working until they point elsewhere. Protect a " +
			"live service with `lifecycle { prevent_destroy = true }`, or set `skip_destroy` (also on its " +
			"environments and variables) so that destroying only forgets it and its functions keep answering.\n\n" +
			serverlessAccountNote,
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("ZS", "Serverless service"),
			"account_sid": accountSIDAttribute("service; services cannot move between accounts, so changing it "+
				"replaces the service", stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"unique_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service, unique in its account: at most 50 letters, digits and " +
					"dashes. It forms the service's domain, so Twilio never changes it: changing it replaces the service.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 50),
					stringvalidator.RegexMatches(serviceUniqueNameRE, "may only contain letters, digits and dashes"),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"friendly_name": schema.StringAttribute{
				MarkdownDescription: "Descriptive name of the service; at most 255 characters.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, 255)},
			},
			"include_credentials": schema.BoolAttribute{
				MarkdownDescription: "Whether Twilio puts the account's credentials into every function's context " +
					"(`context.ACCOUNT_SID`, `context.AUTH_TOKEN` and `context.getTwilioClient()`). Defaults to " +
					"`true`, Twilio's default; set `false` for functions that need no Twilio API access.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"ui_editable": falseByDefaultAttribute("Whether the service can be edited in the Console's Functions editor. Defaults " +
				"to `false`, Twilio's default: edits there would show up as drift."),
			"domain_base": stableComputedAttribute("The service's domain prefix, `<unique_name>-<4 random digits>`; each " +
				"environment's `domain_name` starts with it."),
			"skip_destroy": serverlessSkipDestroyAttribute("service"),
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, true),
	}
}

func (r *serverlessServiceResource) create(ctx context.Context, client *twilioclient.Client, plan *serverlessServiceModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	accountSID, name := plan.AccountSID.ValueString(), plan.UniqueName.ValueString()
	params := &twilioclient.CreateServiceParams{}
	params.SetUniqueName(name).SetFriendlyName(plan.FriendlyName.ValueString())
	params.SetIncludeCredentials(plan.IncludeCredentials.ValueBool()).SetUiEditable(plan.UIEditable.ValueBool())
	what := fmt.Sprintf("a Serverless service named %q", name)
	s := createServerless(ctx, &resp.Diagnostics, "serverless_service", accountSID, name, what,
		fmt.Sprintf("Creating Twilio Serverless service %q in account %s", name, accountSID),
		func(ctx context.Context) (*twilioclient.Service, error) {
			return client.CreateService(ctx, accountSID, params)
		},
		func(ctx context.Context, since time.Time) ([]twilioclient.Service, error) {
			return client.FindServicesCreatedSince(ctx, accountSID, name, since)
		},
		func(s *twilioclient.Service) candidate {
			c := candidate{sid: *s.Sid}
			switch {
			case deref(s.FriendlyName) != plan.FriendlyName.ValueString():
				c.differs = "friendly_name"
			case s.IncludeCredentials == nil || *s.IncludeCredentials != plan.IncludeCredentials.ValueBool():
				c.differs = "include_credentials"
			case s.UiEditable == nil || *s.UiEditable != plan.UIEditable.ValueBool():
				c.differs = "ui_editable"
			}
			return c
		})
	r.finishCreate(ctx, s, plan, resp)
}

func flattenServerlessService(s *twilioclient.Service, m *serverlessServiceModel) {
	m.SID = stringValue(s.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(s.AccountSid)
	m.UniqueName = stringValue(s.UniqueName)
	m.FriendlyName = stringValue(s.FriendlyName)
	m.IncludeCredentials = types.BoolValue(s.IncludeCredentials == nil || *s.IncludeCredentials)
	m.UIEditable = types.BoolValue(s.UiEditable != nil && *s.UiEditable)
	m.DomainBase = stringValue(s.DomainBase)
	m.DateCreated = timeValue(s.DateCreated)
}
