package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tenantwire/terraform-provider-twilio/internal/twilioclient"
)

// A data source in one home: its factory gives the type name, the schema, the attributes of which exactly
// one must be set, and the read of a configuration; dataSource gives Metadata, Configure, Schema,
// ConfigValidators and a Read that starts like every other (the configuration, a ready client) and stores
// what the read returns. A data source with its own Read (one that sends no request) declares it itself.

var (
	_ datasource.DataSourceWithConfigure        = (*dataSource[struct{}])(nil)
	_ datasource.DataSourceWithConfigValidators = (*dataSource[struct{}])(nil)
)

// dataSource is a data source whose model is M.
type dataSource[M any] struct {
	dataSourceBase
	schema func() schema.Schema
	// exactlyOne names the attributes of which the configuration sets exactly one (a lookup by SID or by
	// another key); empty when there is no such choice.
	exactlyOne []string
	// read answers the configuration with the model to store, or nil after it reported why there is none.
	read func(ctx context.Context, client *twilioclient.Client, cfg *M, diags *diag.Diagnostics) *M
}

func (d *dataSource[M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.schema()
}

func (d *dataSource[M]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	if len(d.exactlyOne) == 0 {
		return nil
	}
	paths := make([]path.Expression, 0, len(d.exactlyOne))
	for _, name := range d.exactlyOne {
		paths = append(paths, path.MatchRoot(name))
	}
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(paths...)}
}

func (d *dataSource[M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, client := beginDataRead[M](ctx, &d.dataSourceBase, req, resp)
	if client == nil {
		return
	}
	if m := d.read(ctx, client, &cfg, &resp.Diagnostics); m != nil {
		resp.Diagnostics.Append(resp.State.Set(ctx, *m)...)
	}
}

// lookupString is a data source's attribute that the configuration may set to choose what is read (a SID,
// a name, an account), and that the read fills in from what it found or with its default.
func lookupString(desc string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Computed: true, Validators: validators}
}

// computedString and computedBool are a data source's attributes that report what Twilio holds.
func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
}

func computedBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
}
