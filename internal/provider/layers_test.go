package provider

import (
	"context"
	"fmt"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// The provider stays one Go package (DESIGN.md, "One package, in layers"), so the compiler cannot keep its
// files from tangling: this test does. It type-checks the package, finds which file uses what another
// file declares, and requires
//   - every file in a layer: core (the rules every resource follows), product (what one Twilio product's
//     resources share), resource (a resource or data source, alone or split over a family of files),
//     list (list resources, which reuse their resource's flatten), provider (registration);
//   - no use of a higher layer (the core never knows a product, a product never knows a resource);
//   - no use of another resource's files (what two resources share belongs to a lower layer);
//   - no cycle between files, even inside one layer or one resource's family.
//
// Each violation names the two files and what ties them.
func TestFileLayers(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the package")
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
		packages.NeedTypes | packages.NeedTypesInfo}, ".")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("loading the package: %v %v", err, pkgs)
	}
	p := pkgs[0]
	uses := fileUses(p)

	var files []string
	for _, f := range p.GoFiles {
		files = append(files, filepath.Base(f))
	}
	families := resourceFamilies(files)
	for _, f := range files {
		if fileLayer(f) < 0 {
			t.Errorf("%s is in no layer: name it by its layer (resource_…, data_source_…, list_…, …_common.go) or add it to coreFiles / productFiles", f)
		}
	}
	for from, tos := range uses {
		for to, names := range tos {
			lf, lt := fileLayer(from), fileLayer(to)
			switch {
			case lf < 0 || lt < 0:
				// reported above
			case lt > lf:
				t.Errorf("%s (%s layer) uses %s from %s (%s layer): a lower layer must not know a higher one",
					from, layerNames[lf], names, to, layerNames[lt])
			case lf == layerResource && lt == layerResource && families[from] != families[to]:
				t.Errorf("%s uses %s from %s, another resource's file: move what they share to a product or core file",
					from, names, to)
			}
		}
	}
	if cycle := findCycle(files, uses); cycle != nil {
		t.Errorf("files depend on each other in a cycle: %s; move what the later ones use into the first's own "+
			"base (a _model.go file, or a lower layer)", strings.Join(cycle, " -> "))
	}
}

const (
	layerCore = iota
	layerProduct
	layerResource
	layerList
	layerProvider
)

var layerNames = []string{"core", "product", "resource", "list", "provider"}

// coreFiles hold the rules every resource follows, each in one home.
var coreFiles = []string{"helpers.go", "validators.go", "provider_data.go", "close_guard.go", "identity.go",
	"importing.go", "operation.go", "account_object.go", "lost_answer.go", "account_state.go", "read_policy.go", "resource_common.go", "list_common.go",
	"datasource_common.go"}

// productFiles hold what one product's resources share, besides the …_common.go files.
var productFiles = []string{"access_token_schema.go", "bundle_expiry.go"}

func fileLayer(f string) int {
	switch {
	case slices.Contains(coreFiles, f):
		return layerCore
	case slices.Contains(productFiles, f) || strings.HasSuffix(f, "_common.go"):
		return layerProduct
	case strings.HasPrefix(f, "resource_") || strings.HasPrefix(f, "data_source_") || strings.HasPrefix(f, "ephemeral_") ||
		strings.HasPrefix(f, "action_") || strings.HasPrefix(f, "function_"):
		return layerResource
	case strings.HasPrefix(f, "list_"):
		return layerList
	case f == "provider.go":
		return layerProvider
	}
	return -1
}

// resourceFamilies maps each resource-layer file to its resource: resource_incoming_number_buy.go belongs
// to resource_incoming_number.go, the longest main file name it extends.
func resourceFamilies(files []string) map[string]string {
	var mains []string
	for _, f := range files {
		if fileLayer(f) == layerResource {
			mains = append(mains, strings.TrimSuffix(f, ".go"))
		}
	}
	out := map[string]string{}
	for _, f := range files {
		base := strings.TrimSuffix(f, ".go")
		family := base
		for _, m := range mains {
			if strings.HasPrefix(base, m+"_") && len(m) < len(family) {
				family = m
			}
		}
		out[f] = family
	}
	return out
}

// fileUses says, for each file, which package-level names (and fields and methods of the package's types)
// it uses from each other file.
func fileUses(p *packages.Package) map[string]map[string][]string {
	uses := map[string]map[string][]string{}
	for id, obj := range p.TypesInfo.Uses {
		if obj == nil || obj.Pkg() != p.Types || !obj.Pos().IsValid() {
			continue
		}
		if v, ok := obj.(*types.Var); ok && !v.IsField() && obj.Parent() != p.Types.Scope() {
			continue // a local variable or parameter
		}
		from, to := filepath.Base(p.Fset.Position(id.Pos()).Filename), filepath.Base(p.Fset.Position(obj.Pos()).Filename)
		if from == to || strings.HasSuffix(from, "_test.go") {
			continue
		}
		if uses[from] == nil {
			uses[from] = map[string][]string{}
		}
		if !slices.Contains(uses[from][to], obj.Name()) {
			uses[from][to] = append(uses[from][to], obj.Name())
			sort.Strings(uses[from][to])
		}
	}
	return uses
}

// findCycle returns one cycle of the file graph, or nil.
func findCycle(files []string, uses map[string]map[string][]string) []string {
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(f string) []string
	visit = func(f string) []string {
		state[f] = open
		stack = append(stack, f)
		var next []string
		for to := range uses[f] {
			next = append(next, to)
		}
		sort.Strings(next)
		for _, to := range next {
			switch state[to] {
			case open:
				i := slices.Index(stack, to)
				return append(slices.Clone(stack[i:]), to)
			case unseen:
				if c := visit(to); c != nil {
					return c
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[f] = done
		return nil
	}
	sort.Strings(files)
	for _, f := range files {
		if state[f] == unseen {
			if c := visit(f); c != nil {
				return c
			}
		}
	}
	return nil
}

func TestFindCycle(t *testing.T) {
	uses := map[string]map[string][]string{"a.go": {"b.go": {"x"}}, "b.go": {"c.go": {"y"}}, "c.go": {"a.go": {"z"}}}
	if got := fmt.Sprint(findCycle([]string{"a.go", "b.go", "c.go"}, uses)); got != "[a.go b.go c.go a.go]" {
		t.Errorf("findCycle = %s", got)
	}
	delete(uses["c.go"], "a.go")
	if c := findCycle([]string{"a.go", "b.go", "c.go"}, uses); c != nil {
		t.Errorf("findCycle found %v in an acyclic graph", c)
	}
}

// Every registered resource is a managedResource, so a new one cannot forget identity, import or a plan
// modifier (the framework would silently skip the missing method).
func TestEveryResourceIsManaged(t *testing.T) {
	p, ok := New("test")().(*twilioProvider)
	if !ok {
		t.Fatal("New does not build a *twilioProvider")
	}
	for _, f := range p.Resources(context.Background()) {
		r := f()
		if _, ok := r.(managedResource); !ok {
			t.Errorf("%T is not a managedResource (configure, identity, import, modify plan)", r)
		}
	}
}
