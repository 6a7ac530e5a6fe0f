// Command terraform-provider-twilio is the Terraform and OpenTofu provider for Twilio subaccounts, API
// keys, TwiML apps, phone numbers and access tokens.
package main

import (
	"flag"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/tenantwire/terraform-provider-twilio/internal/provider"
	"github.com/tenantwire/terraform-provider-twilio/internal/rpcctx"
)

// version is set at build time with -ldflags "-X main.version=1.2.3".
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	if err := defaultLogLevels(os.Getenv, os.Setenv); err != nil {
		log.Fatal(err.Error())
	}
	stop, err := tuneRuntime(os.Getenv)
	if err != nil {
		log.Fatal(err.Error())
	}
	defer stop()
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	// NOTE: what providerserver.Serve does, with rpcctx.Server between the framework and the wire: the
	// framework alone keeps every call's context until the process ends (internal/rpcctx says why).
	err = tf6server.Serve("registry.terraform.io/tenantwire/twilio", func() tfprotov6.ProviderServer {
		return rpcctx.Server(providerserver.NewProtocol6(provider.New(version)())())
	}, opts...)
	if err != nil {
		stop()
		log.Fatal(err.Error())
	}
}

// sdkLogLevelEnv name the log levels of terraform-plugin-go (its root logger and proto subsystem),
// terraform-plugin-framework, and this provider's own tflog logger (TF_LOG_PROVIDER_<NAME>).
var sdkLogLevelEnv = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_TWILIO"}

// defaultLogLevels gives each of those loggers that the user left unset the level Terraform shows
// provider logs at: TF_LOG_PROVIDER, else TF_LOG, and OFF when neither is set.
//
// NOTE: unset, they default to TRACE. The provider then renders every framework trace line (several
// per attribute per call) as JSON on stderr, and Terraform parses each line only to drop it. In a plan of
// 1,000 resources that was a fifth of the provider's CPU time and a sixth of its allocations
// (hashicorp/terraform-plugin-framework#1269).
func defaultLogLevels(getenv func(string) string, setenv func(string, string) error) error {
	level := strings.ToUpper(strings.TrimSpace(getenv("TF_LOG_PROVIDER")))
	if level == "" {
		level = strings.ToUpper(strings.TrimSpace(getenv("TF_LOG")))
	}
	switch level {
	case "":
		level = "OFF"
	case "JSON":
		level = "TRACE"
	case "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF":
	default:
		// Terraform shows everything for a level it does not know; so do the SDKs when left alone.
		return nil
	}
	for _, name := range sdkLogLevelEnv {
		if getenv(name) != "" {
			continue
		}
		if err := setenv(name, level); err != nil {
			return err
		}
	}
	return nil
}
