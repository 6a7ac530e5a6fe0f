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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
	"github.com/tenantwire/terraform-provider-twilio/internal/twilioregion"
)

var _ managedResource = (*serverlessEnvironmentResource)(nil)

// NewServerlessEnvironmentResource is the factory for twilio_serverless_environment.
func NewServerlessEnvironmentResource() resource.Resource {
	r := &serverlessEnvironmentResource{resourceBase: resourceBase{name: "serverless_environment", plan: planSteps{
		kept: "Twilio Serverless environment", keptLabel: "unique_name", product: twilioregion.ProductServerless, account: fixedAccountSID}}}
	// Every attribute but timeouts replaces the environment, so there is no update to send.
	r.accountObject = accountObject[serverlessEnvironmentModel, twilioclient.Environment]{base: &r.resourceBase,
		noun: "Twilio Serverless environment", kept: "Serverless environment",
		find: func(ctx context.Context, c *twilioclient.Client, m *serverlessEnvironmentModel) (*twilioclient.Environment, error) {
			return c.FindEnvironment(ctx, m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.SID.ValueString())
		},
		// An import takes [AC…/]ZS…/ZE… or an identity { account_sid, service_sid, sid }.
		importing: serverlessImport{serverlessEnvironmentLevels, func(ctx context.Context, c *twilioclient.Client, account string, sids []string) error {
			_, err := c.FindEnvironment(ctx, account, sids[0], sids[1])
			return err
		}},
		create:  r.create,
		flatten: flattenPlain(flattenServerlessEnvironment),
		remove: func(ctx context.Context, c *twilioclient.Client, m *serverlessEnvironmentModel) error {
			return c.DeleteEnvironment(ctx, m.AccountSID.ValueString(), m.ServiceSID.ValueString(), m.SID.ValueString())
		},
	}
	return r
}

type serverlessEnvironmentResource struct {
	resourceBase
	accountObject[serverlessEnvironmentModel, twilioclient.Environment]
}

type serverlessEnvironmentModel struct {
	accountObjectFields
	ServiceSID   types.String   `tfsdk:"service_sid"`
	UniqueName   types.String   `tfsdk:"unique_name"`
	DomainSuffix types.String   `tfsdk:"domain_suffix"`
	DomainName   types.String   `tfsdk:"domain_name"`
	BuildSID     types.String   `tfsdk:"build_sid"`
	SkipDestroy  types.Bool     `tfsdk:"skip_destroy"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

// serverlessEnvironmentLevels is an environment's address: its service, then its SID.
var serverlessEnvironmentLevels = []serverlessPath{
	{"ZS", "service_sid", "Serverless service"}, {"ZE", "sid", "Serverless environment"},
}

// A domain suffix is "a URL-friendly name ... a maximum of 16 characters"
// (https://www.twilio.com/docs/serverless/api/resource/environment): a DNS label's letters, digits and dashes.
var domainSuffixRE = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

func (r *serverlessEnvironmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An environment of a Twilio Serverless service: a domain (`domain_name`) where a build of " +
			"the service's functions and assets is deployed, such as `production` or `staging`. A function's URL is " +
			"`https://<domain_name><function path>`.\n\n" +
			"Twilio's API cannot change an environment, so changing `unique_name` or `domain_suffix` replaces it " +
			"(with a new domain). Destroying it deletes its variables and deployments.\n\n" + serverlessAccountNote,
		Attributes: map[string]schema.Attribute{
			"id":  idAttribute(),
			"sid": sidAttribute("ZE", "Serverless environment"),
			"account_sid": accountSIDAttribute("service; changing it replaces the environment",
				stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()),
			"service_sid": parentSIDAttribute("ZS", "Serverless service"),
			"unique_name": schema.StringAttribute{
				MarkdownDescription: "Name of the environment, unique in its service; at most 100 characters. " +
					"Changing it replaces the environment.",
				Required:      true,
				Validators:    []validator.String{stringvalidator.UTF8LengthBetween(1, 100)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"domain_suffix": schema.StringAttribute{
				MarkdownDescription: "Last part of the environment's domain (`<service domain_base>-<domain_suffix>." +
					"twil.io`): at most 16 letters, digits and dashes, unique in its service. Leave it out for the " +
					"service's bare domain (one environment per service). Changing it replaces the environment.",
				Optional: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 16),
					stringvalidator.RegexMatches(domainSuffixRE, "may only contain letters, digits and dashes"),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"domain_name": stableComputedAttribute("The environment's domain, e.g. `voice-1234-stage.twil.io`: the host of every " +
				"function and asset deployed in it."),
			"build_sid": schema.StringAttribute{
				MarkdownDescription: "SID of the build deployed in the environment (`ZB…`), empty before the first " +
					"deployment. It changes with every deployment, including ones made outside Terraform; the " +
					"deployment resource shows those as drift.",
				Computed: true,
			},
			"skip_destroy": serverlessSkipDestroyAttribute("environment"),
			"date_created": dateCreatedAttribute(),
		},
		Blocks: timeoutsBlock(ctx, false),
	}
}

func (r *serverlessEnvironmentResource) create(ctx context.Context, client *twilioclient.Client, plan *serverlessEnvironmentModel, _ resource.CreateRequest,
	resp *resource.CreateResponse) {
	accountSID, name := plan.AccountSID.ValueString(), plan.UniqueName.ValueString()
	params := &twilioclient.CreateEnvironmentParams{}
	params.SetUniqueName(name)
	if !plan.DomainSuffix.IsNull() {
		params.SetDomainSuffix(plan.DomainSuffix.ValueString())
	}
	serviceSID := plan.ServiceSID.ValueString()
	what := fmt.Sprintf("a Serverless environment named %q", name)
	v := createServerless(ctx, &resp.Diagnostics, "serverless_environment", accountSID, serviceSID+"/"+name, what,
		fmt.Sprintf("Creating Twilio Serverless environment %q in service %s", name, serviceSID),
		func(ctx context.Context) (*twilioclient.Environment, error) {
			return client.CreateEnvironment(ctx, accountSID, serviceSID, params)
		},
		func(ctx context.Context, since time.Time) ([]twilioclient.Environment, error) {
			return client.FindEnvironmentsCreatedSince(ctx, accountSID, serviceSID, name, since)
		},
		func(e *twilioclient.Environment) candidate {
			c := candidate{sid: *e.Sid}
			if deref(e.DomainSuffix) != plan.DomainSuffix.ValueString() {
				c.differs = "domain_suffix"
			}
			return c
		})
	r.finishCreate(ctx, v, plan, resp)
}

func flattenServerlessEnvironment(v *twilioclient.Environment, m *serverlessEnvironmentModel) {
	m.SID = stringValue(v.Sid)
	m.ID = m.SID
	m.AccountSID = stringValue(v.AccountSid)
	m.ServiceSID = stringValue(v.ServiceSid)
	m.UniqueName = stringValue(v.UniqueName)
	m.DomainSuffix = optionalString(v.DomainSuffix)
	m.DomainName = stringValue(v.DomainName)
	m.BuildSID = stringValue(v.BuildSid)
	m.DateCreated = timeValue(v.DateCreated)
}
