package provider

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"maps"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listresourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// List resources (Terraform 1.14+: `list` blocks in .tfquery.hcl files, `terraform query`) find objects
// made outside Terraform so they can be imported in bulk. Each one lists whole collections page by page
// (see twilioclient/lists.go) and filters locally where Twilio has no filter; with include_resource it
// returns the same object an import followed by a refresh would, so configuration generated from it plans
// with no changes.

// listScopeModel is the part of every account-owned list block's config that says where to look and by
// which name.
type listScopeModel struct {
	AccountSID           types.String `tfsdk:"account_sid"`
	AllSubaccounts       types.Bool   `tfsdk:"all_subaccounts"`
	SubaccountNamePrefix types.String `tfsdk:"subaccount_name_prefix"`
	SubaccountSIDs       types.List   `tfsdk:"subaccount_sids"`
	FriendlyName         types.String `tfsdk:"friendly_name"`
	FriendlyNamePrefix   types.String `tfsdk:"friendly_name_prefix"`
}

// listScopeAttributes are the attributes of listScopeModel.
func listScopeAttributes(what string) map[string]listschema.Attribute {
	return map[string]listschema.Attribute{
		"account_sid": listschema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Only the %s of this account (`AC…`): the provider's account or one of "+
				"its subaccounts. Defaults to the provider's account.", what),
			Optional:   true,
			Validators: []validator.String{sidValidator("AC")},
		},
		"all_subaccounts": listschema.BoolAttribute{
			MarkdownDescription: fmt.Sprintf("Search every open (active or suspended) subaccount of the provider's "+
				"account instead of one account: one request lists the subaccounts, then one request per "+
				"subaccount (per 1,000 %s) lists its %s. That includes subaccounts another configuration "+
				"manages: to adopt some tenants, select them with `subaccount_name_prefix` or `subaccount_sids` "+
				"instead, or the generated configuration imports objects another state already holds (and a "+
				"destroy in either state deletes them). Conflicts with `account_sid`, `subaccount_name_prefix` and "+
				"`subaccount_sids`.", what, what),
			Optional: true,
		},
		"subaccount_name_prefix": listschema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Search the open subaccounts of the provider's account whose friendly "+
				"name starts with this text (case-sensitive), e.g. `acme-`: the same subaccounts the `twilio_subaccount` "+
				"list resource finds with `friendly_name_prefix`. One request lists the subaccounts, then one request "+
				"per selected subaccount (per 1,000 %s). Conflicts with `account_sid`, `all_subaccounts` and "+
				"`subaccount_sids`.", what),
			Optional:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"subaccount_sids": listschema.ListAttribute{
			MarkdownDescription: "Search exactly these subaccounts of the provider's account (`AC…`). Each must be " +
				"an open subaccount of the provider's account, or the query fails naming it. Conflicts with " +
				"`account_sid`, `all_subaccounts` and `subaccount_name_prefix`.",
			ElementType: types.StringType,
			Optional:    true,
			Validators: []validator.List{
				listvalidator.SizeAtLeast(1),
				listvalidator.UniqueValues(),
				listvalidator.ValueStringsAre(sidValidator("AC")),
			},
		},
		"friendly_name": listschema.StringAttribute{
			MarkdownDescription: "Only objects with exactly this friendly name.",
			Optional:            true,
		},
		"friendly_name_prefix": listschema.StringAttribute{
			MarkdownDescription: "Only objects whose friendly name starts with this text (case-sensitive).",
			Optional:            true,
		},
	}
}

// listScopeValidators: one way to say where to look; one name filter.
func listScopeValidators() []list.ConfigValidator {
	return []list.ConfigValidator{
		listresourcevalidator.Conflicting(path.MatchRoot("account_sid"), path.MatchRoot("all_subaccounts"),
			path.MatchRoot("subaccount_name_prefix"), path.MatchRoot("subaccount_sids")),
		listresourcevalidator.Conflicting(path.MatchRoot("friendly_name"), path.MatchRoot("friendly_name_prefix")),
	}
}

// nameMatches applies the friendly-name filters.
func (s listScopeModel) nameMatches(name string) bool {
	if v := s.FriendlyName.ValueString(); v != "" && name != v {
		return false
	}
	return strings.HasPrefix(name, s.FriendlyNamePrefix.ValueString())
}

// accounts resolves the scope to the accounts to search.
func (s listScopeModel) accounts(ctx context.Context, client *twilioclient.Client) ([]string, error) {
	wanted := map[string]bool{}
	for _, v := range s.SubaccountSIDs.Elements() {
		if sid, ok := v.(types.String); ok {
			wanted[sid.ValueString()] = true
		}
	}
	prefix := s.SubaccountNamePrefix.ValueString()
	if !s.AllSubaccounts.ValueBool() && len(wanted) == 0 && prefix == "" {
		if v := s.AccountSID.ValueString(); v != "" {
			return []string{v}, nil
		}
		return []string{client.AccountSID()}, nil
	}
	// NOTE: one list of the subaccounts serves every selection; it also hands over each subaccount's own
	// credentials (Studio, Serverless), so selecting by SID costs no request per account either.
	subs, err := client.ListSubaccounts(ctx, "", "")
	if err != nil {
		return nil, fmt.Errorf("listing the subaccounts of %s: %w", client.AccountSID(), err)
	}
	var sids []string
	for _, a := range subs {
		sid := stringValue(a.Sid).ValueString()
		if stringValue(a.Status).ValueString() == twilioclient.AccountStatusClosed {
			continue
		}
		if (len(wanted) > 0 && !wanted[sid]) || !strings.HasPrefix(stringValue(a.FriendlyName).ValueString(), prefix) {
			continue
		}
		delete(wanted, sid)
		sids = append(sids, sid)
	}
	if len(wanted) > 0 {
		missing := make([]string, 0, len(wanted))
		for sid := range wanted {
			missing = append(missing, sid)
		}
		sort.Strings(missing)
		return nil, listScopeError(fmt.Sprintf("subaccount_sids: %s is not an open subaccount of the provider's account %s "+
			"(mistyped, closed, or a subaccount of another account); nothing was listed. Remove it, or configure "+
			"the provider with the credentials of its parent account.", strings.Join(missing, ", "), client.AccountSID()))
	}
	return sids, nil
}

// listScopeError is a list block's selection that Twilio's answer contradicts: no request failed, so the
// detail is the message alone.
type listScopeError string

func (e listScopeError) Error() string { return string(e) }

// listEmitter pushes results into Terraform's stream and remembers whether Terraform wants more.
type listEmitter struct {
	push func(list.ListResult) bool
	more bool
}

// fail ends the stream with an error.
func (e *listEmitter) fail(summary string, err error) {
	var diags diag.Diagnostics
	detail := errorDetail(err)
	if scopeErr, ok := err.(listScopeError); ok {
		detail = scopeErr.Error()
	}
	diags.AddError(summary, detail)
	e.push(list.ListResult{Diagnostics: diags})
	e.more = false
}

// warn reports a problem with one account and goes on with the others.
func (e *listEmitter) warn(summary, detail string) {
	var diags diag.Diagnostics
	diags.AddWarning(summary, detail)
	e.more = e.push(list.ListResult{Diagnostics: diags})
}

// emit pushes one object: its identity always, its full resource only when Terraform asked for it
// (include_resource), so a plain query never costs more than the list pages. A resource function that
// returns no model and no error skips the object, with its warnings saying why.
func (e *listEmitter) emit(ctx context.Context, req list.ListRequest, display string, identity any, resource func() (any, diag.Diagnostics)) {
	result := req.NewListResult(ctx)
	result.DisplayName = display
	result.Diagnostics.Append(result.Identity.Set(ctx, identity)...)
	if req.IncludeResource && !result.Diagnostics.HasError() {
		model, diags := resource()
		if model == nil && !diags.HasError() {
			e.more = e.push(list.ListResult{Diagnostics: diags})
			return
		}
		result.Diagnostics.Append(diags...)
		if !result.Diagnostics.HasError() {
			result.Diagnostics.Append(result.Resource.Set(ctx, model)...)
		}
	}
	e.more = e.push(result) && !result.Diagnostics.HasError()
}

// listStream runs body over each account of the scope. A suspended subaccount that refuses to be listed
// is reported as a warning rather than ending the whole query.
func listStream(ctx context.Context, req list.ListRequest, client *twilioclient.Client, scope listScopeModel, what string,
	body func(e *listEmitter, accountSID string) error) iter.Seq[list.ListResult] {
	return func(push func(list.ListResult) bool) {
		e := &listEmitter{push: push, more: true}
		if scope.AllSubaccounts.ValueBool() && req.IncludeResource {
			// NOTE: include_resource is what -generate-config-out asks for: the results become import blocks.
			e.warn(fmt.Sprintf("all_subaccounts lists the %s of every open subaccount", what),
				"That includes subaccounts another Terraform configuration may manage. Configuration generated "+
					"from these results imports their objects into this state too; the same object in two states "+
					"is deleted (a number released, irreversibly) by a destroy in either. To adopt some tenants, "+
					"select their subaccounts with subaccount_name_prefix or subaccount_sids instead.")
			if !e.more {
				return
			}
		}
		accounts, err := scope.accounts(ctx, client)
		if err != nil {
			e.fail("Listing Twilio "+what, err)
			return
		}
		for _, account := range accounts {
			if err := body(e, account); err != nil {
				if twilioclient.IsAccountInactive(err) {
					e.warn(notListedWhileInactive(what, account, err))
				} else {
					e.fail(fmt.Sprintf("Listing the Twilio %s of %s", what, account), err)
				}
			}
			if !e.more {
				return
			}
		}
	}
}

// listConfig reads a list block's config and the client, or ends the stream with the reason.
func listConfig(ctx context.Context, req list.ListRequest, data *providerData, target any, stream *list.ListResultsStream) *twilioclient.Client {
	var diags diag.Diagnostics
	diags.Append(req.Config.Get(ctx, target)...)
	client := data.ready(&diags)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return nil
	}
	return client
}

// nullTimeouts is an absent timeouts block, as an import leaves it.
func nullTimeouts() timeouts.Value {
	return timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "update": types.StringType, "delete": types.StringType,
	})}
}

// nullCreateDeleteTimeouts is an absent timeouts block of a resource without updates, as an import leaves it.
func nullCreateDeleteTimeouts() timeouts.Value {
	return timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "delete": types.StringType})}
}

// accountObjectIdentity is the identity of an object an account owns.
type accountObjectIdentity struct {
	AccountSID types.String `tfsdk:"account_sid"`
	SID        types.String `tfsdk:"sid"`
}

// scopedConfig is the config of a list block that searches the accounts of a scope: listScopeModel itself,
// or a model that embeds it and adds filters of its own.
type scopedConfig interface{ scopeOf() listScopeModel }

func (s listScopeModel) scopeOf() listScopeModel { return s }

var (
	_ list.ListResourceWithConfigure        = (*scopedList[listScopeModel])(nil)
	_ list.ListResourceWithConfigValidators = (*scopedList[listScopeModel])(nil)
)

// scopedList is every list resource that searches the accounts of a scope: the list block's schema and
// validators, reading its config and walking the accounts (listStream, with its warnings) live here once.
// A list resource is a declaration: its type name, its words, and in each how the objects of one account
// are found and shown (accountObjects, serviceMembers).
type scopedList[C scopedConfig] struct {
	resourceBase
	// description is the list block's MarkdownDescription.
	description string
	// scope is what listScopeAttributes calls the objects ("addresses"); what is what warnings and errors
	// call them when they need more words than scope ("TwiML applications" for "applications"), or empty
	// when scope says it.
	scope, what string
	// attributes and validators are filters beyond the scope's (C has their fields).
	attributes map[string]listschema.Attribute
	validators []list.ConfigValidator
	each       listEach[C]
}

// listEach emits the objects of one account.
type listEach[C scopedConfig] func(ctx context.Context, req list.ListRequest, client *twilioclient.Client, cfg C,
	e *listEmitter, account string) error

// listResourceFunc gives what import and refresh would store for one listed object (asked for only with
// include_resource). No model and no error skips the object, with the warnings saying why.
type listResourceFunc[T any] func(ctx context.Context, client *twilioclient.Client, account string, item *T) (any, diag.Diagnostics)

func (l *scopedList[C]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attrs := listScopeAttributes(l.scope)
	maps.Copy(attrs, l.attributes)
	resp.Schema = listschema.Schema{MarkdownDescription: l.description, Attributes: attrs}
}

func (l *scopedList[C]) ListResourceConfigValidators(context.Context) []list.ConfigValidator {
	return append(listScopeValidators(), l.validators...)
}

func (l *scopedList[C]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg C
	client := listConfig(ctx, req, l.data, &cfg, stream)
	if client == nil {
		return
	}
	stream.Results = listStream(ctx, req, client, cfg.scopeOf(), l.noun(), func(e *listEmitter, account string) error {
		return l.each(ctx, req, client, cfg, e, account)
	})
}

// noun is what warnings and errors call the objects.
func (l *scopedList[C]) noun() string { return cmp.Or(l.what, l.scope) }

// listed is what a list resource says of one object it found: the name the name filters match, its SID,
// and what the results show (the name when display is empty).
type listed struct {
	name, display, sid string
}

// accountObjects lists the objects find returns in each account whose name the scope matches, identified
// by account and SID and shown as "display (sid in account)"; find is the client's list of every object of
// one account, e.g. (*twilioclient.Client).ListServices. It stops when the stream wants no more.
func accountObjects[T any](find func(c *twilioclient.Client, ctx context.Context, account string) ([]T, error),
	show func(*T) listed, resource listResourceFunc[T]) listEach[listScopeModel] {
	return accountObjectsWith(func(ctx context.Context, client *twilioclient.Client, _ listScopeModel, account string) ([]T, error) {
		return find(client, ctx, account)
	}, show, resource)
}

// unfiltered is a client list with one optional filter (a customer name, a number, a usage category) that
// lists every object of the account: the filter left empty.
func unfiltered[T any](find func(c *twilioclient.Client, ctx context.Context, account, filter string) ([]T, error)) func(*twilioclient.Client, context.Context, string) ([]T, error) {
	return func(c *twilioclient.Client, ctx context.Context, account string) ([]T, error) {
		return find(c, ctx, account, "")
	}
}

// accountObjectsWith is accountObjects for a list whose find reads the list block's config (filters Twilio
// applies, or filters of its own beyond the scope's).
func accountObjectsWith[C scopedConfig, T any](find func(ctx context.Context, client *twilioclient.Client, cfg C, account string) ([]T, error),
	show func(*T) listed, resource listResourceFunc[T]) listEach[C] {
	return func(ctx context.Context, req list.ListRequest, client *twilioclient.Client, cfg C, e *listEmitter, account string) error {
		items, err := find(ctx, client, cfg, account)
		if err != nil {
			return err
		}
		scope := cfg.scopeOf()
		for i := range items {
			item := &items[i]
			l := show(item)
			if !scope.nameMatches(l.name) {
				continue
			}
			if l.display == "" {
				l.display = l.name
			}
			e.emit(ctx, req, fmt.Sprintf("%s (%s in %s)", l.display, l.sid, account),
				accountObjectIdentity{AccountSID: types.StringValue(account), SID: types.StringValue(l.sid)},
				func() (any, diag.Diagnostics) { return resource(ctx, client, account, item) })
			if !e.more {
				return nil
			}
		}
		return nil
	}
}

// serviceMembers lists, in each account, the members find returns of each Messaging Service whose name the
// scope matches (a query adopts whole pools); show gives a member's display name and SID. A member's
// identity is its account, its service and its SID, under the names serviceAttr and memberAttr its
// resource's identity schema gives the last two. It stops when the stream wants no more.
func serviceMembers[T any](find func(c *twilioclient.Client, ctx context.Context, account, serviceSID string) ([]T, error),
	serviceAttr, memberAttr string, show func(account string, s *twilioclient.MessagingService, member *T) (display, sid string),
	resource listResourceFunc[T]) listEach[listScopeModel] {
	identityType := map[string]attr.Type{"account_sid": types.StringType, serviceAttr: types.StringType, memberAttr: types.StringType}
	return func(ctx context.Context, req list.ListRequest, client *twilioclient.Client, scope listScopeModel, e *listEmitter, account string) error {
		services, err := client.ListMessagingServices(ctx, account)
		if err != nil {
			return err
		}
		for i := range services {
			s := &services[i]
			if !scope.nameMatches(deref(s.FriendlyName)) {
				continue
			}
			members, err := find(client, ctx, account, deref(s.Sid))
			if err != nil {
				return err
			}
			for j := range members {
				member := &members[j]
				display, sid := show(account, s, member)
				identity := types.ObjectValueMust(identityType, map[string]attr.Value{"account_sid": types.StringValue(account),
					serviceAttr: types.StringValue(deref(s.Sid)), memberAttr: types.StringValue(sid)})
				e.emit(ctx, req, display, identity, func() (any, diag.Diagnostics) { return resource(ctx, client, account, member) })
				if !e.more {
					return nil
				}
			}
		}
		return nil
	}
}

// imported is the resource hook of a list whose objects import and refresh store as flatten fills blank,
// which holds what an import leaves at its default (no timeouts block, skip_destroy false).
func imported[T, M any](blank M, flatten func(*T, *M)) listResourceFunc[T] {
	return importedReporting(blank, flattenPlain(flatten))
}

// importedReporting is imported for a flatten that reports problems.
func importedReporting[T, M any](blank M, flatten func(context.Context, *T, *M) diag.Diagnostics) listResourceFunc[T] {
	return func(ctx context.Context, _ *twilioclient.Client, _ string, item *T) (any, diag.Diagnostics) {
		m := blank
		diags := flatten(ctx, item, &m)
		return m, diags
	}
}
