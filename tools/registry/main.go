// Command registry serves a goreleaser dist/ folder over loopback HTTPS the way a Terraform provider
// registry serves a published release, so the install test (scripts/release-install-test.sh) can run
// `terraform init` and `tofu init` with no dev_overrides and no mirror: service discovery, the versions
// list, and per platform a download answer carrying the zip's SHA-256, the SHA256SUMS file, its detached
// GPG signature and the public key that signed it. Terraform and OpenTofu then verify the signature and
// the zip's checksum themselves, exactly as against a public registry.
//
// Like a registry, it records each zip's checksum from the SHA256SUMS file when it starts (a registry
// records them at publish time) and never recomputes it from the zip it serves: a zip altered afterwards
// must be refused by init, which the install test asserts.
//
// It makes a throwaway certificate authority and a certificate for 127.0.0.1 and localhost, writes
// ca.pem, cert.pem and key.pem into -tls-dir (clients trust ca.pem through SSL_CERT_FILE; the emulator can
// serve HTTPS with the same pair), and writes its base URL to -ready-file once listening.
//
// Protocol: https://developer.hashicorp.com/terraform/internals/provider-registry-protocol
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "registry:", err)
		os.Exit(1)
	}
}

type options struct {
	dist, namespace, name, keyFile, keyID, tlsDir, readyFile, addr string
}

func run(args []string) error {
	var o options
	fs := flag.NewFlagSet("registry", flag.ContinueOnError)
	fs.StringVar(&o.dist, "dist", "dist", "goreleaser output folder holding the zips, SHA256SUMS, its .sig and manifest")
	fs.StringVar(&o.namespace, "namespace", "tenantwire", "provider namespace")
	fs.StringVar(&o.name, "type", "twilio", "provider type")
	fs.StringVar(&o.keyFile, "key", "", "ASCII-armored public key that signed the SHA256SUMS files (required)")
	fs.StringVar(&o.keyID, "key-id", "", "that key's ID, 16 hex digits (required)")
	fs.StringVar(&o.tlsDir, "tls-dir", "", "folder to write ca.pem, cert.pem and key.pem into (required)")
	fs.StringVar(&o.readyFile, "ready-file", "", "file to write the base URL to once listening")
	fs.StringVar(&o.addr, "addr", "127.0.0.1:0", "loopback address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.keyFile == "" || o.keyID == "" || o.tlsDir == "" {
		return errors.New("-key, -key-id and -tls-dir are required")
	}
	armor, err := os.ReadFile(o.keyFile)
	if err != nil {
		return err
	}
	releases, err := loadReleases(o.dist, "terraform-provider-"+o.name)
	if err != nil {
		return err
	}
	cfg, err := writeTLSFiles(o.tlsDir)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	base := "https://" + ln.Addr().String()
	h := &handler{o: o, base: base, armor: string(armor), releases: releases}
	if o.readyFile != "" {
		if err := os.WriteFile(o.readyFile, []byte(base+"\n"), 0o600); err != nil {
			return err
		}
	}
	log.Printf("serving %d release(s) of %s/%s from %s on %s", len(releases), o.namespace, o.name, o.dist, base)
	srv := &http.Server{Handler: h, TLSConfig: cfg, ReadHeaderTimeout: 10 * time.Second}
	return srv.ServeTLS(ln, "", "")
}

// release is one version as a registry records it when published.
type release struct {
	version, sums, sig string
	protocols          []string
	zips               map[string]zipFile // by "os_arch"
}

type zipFile struct {
	os, arch, name, sha256 string
}

// loadReleases reads every <project>_<version>_SHA256SUMS in dist with its signature and manifest.
func loadReleases(dist, project string) (map[string]*release, error) {
	sumFiles, err := filepath.Glob(filepath.Join(dist, project+"_*_SHA256SUMS"))
	if err != nil {
		return nil, err
	}
	if len(sumFiles) == 0 {
		return nil, fmt.Errorf("no %s_*_SHA256SUMS in %s: build a snapshot first", project, dist)
	}
	out := map[string]*release{}
	for _, sums := range sumFiles {
		base := filepath.Base(sums)
		version := strings.TrimSuffix(strings.TrimPrefix(base, project+"_"), "_SHA256SUMS")
		r := &release{version: version, sums: base, sig: base + ".sig", zips: map[string]zipFile{}}
		if _, err := os.Stat(filepath.Join(dist, r.sig)); err != nil {
			return nil, fmt.Errorf("version %s has no signature: %w", version, err)
		}
		manifest, err := os.ReadFile(filepath.Join(dist, project+"_"+version+"_manifest.json"))
		if err != nil {
			return nil, fmt.Errorf("version %s: %w", version, err)
		}
		var m struct {
			Metadata struct {
				ProtocolVersions []string `json:"protocol_versions"`
			} `json:"metadata"`
		}
		if err := json.Unmarshal(manifest, &m); err != nil || len(m.Metadata.ProtocolVersions) == 0 {
			return nil, fmt.Errorf("version %s: manifest without protocol_versions (%v)", version, err)
		}
		r.protocols = m.Metadata.ProtocolVersions
		zipName := regexp.MustCompile("^" + regexp.QuoteMeta(project+"_"+version+"_") + `([a-z0-9]+)_([a-z0-9]+)\.zip$`)
		f, err := os.Open(sums)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) != 2 {
				continue
			}
			if p := zipName.FindStringSubmatch(fields[1]); p != nil {
				r.zips[p[1]+"_"+p[2]] = zipFile{os: p[1], arch: p[2], name: fields[1], sha256: fields[0]}
			}
		}
		_ = f.Close() // read-only
		if err := sc.Err(); err != nil {
			return nil, err
		}
		if len(r.zips) == 0 {
			return nil, fmt.Errorf("%s lists no provider zips", base)
		}
		out[version] = r
	}
	return out, nil
}

type handler struct {
	o        options
	base     string
	armor    string
	releases map[string]*release
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log.Printf("%s %s", r.Method, r.URL.Path)
	prefix := "/v1/providers/" + h.o.namespace + "/" + h.o.name + "/"
	path := r.URL.Path
	switch {
	case path == "/.well-known/terraform.json":
		writeJSON(w, map[string]string{"providers.v1": "/v1/providers/"})
	case path == prefix+"versions":
		h.versions(w)
	case strings.HasPrefix(path, prefix):
		// {version}/download/{os}/{arch}
		p := strings.Split(strings.TrimPrefix(path, prefix), "/")
		if len(p) != 4 || p[1] != "download" {
			http.NotFound(w, r)
			return
		}
		h.download(w, r, p[0], p[2], p[3])
	case strings.HasPrefix(path, "/files/"):
		name := strings.TrimPrefix(path, "/files/")
		if name == "" || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, filepath.Join(h.o.dist, name))
	default:
		http.NotFound(w, r)
	}
}

func (h *handler) versions(w http.ResponseWriter) {
	type platform struct {
		OS   string `json:"os"`
		Arch string `json:"arch"`
	}
	type version struct {
		Version   string     `json:"version"`
		Protocols []string   `json:"protocols"`
		Platforms []platform `json:"platforms"`
	}
	var vs []version
	for _, rel := range h.releases {
		v := version{Version: rel.version, Protocols: rel.protocols}
		for _, z := range rel.zips {
			v.Platforms = append(v.Platforms, platform{z.os, z.arch})
		}
		sort.Slice(v.Platforms, func(i, j int) bool {
			return v.Platforms[i].OS+v.Platforms[i].Arch < v.Platforms[j].OS+v.Platforms[j].Arch
		})
		vs = append(vs, v)
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Version < vs[j].Version })
	writeJSON(w, map[string]any{"versions": vs})
}

func (h *handler) download(w http.ResponseWriter, r *http.Request, version, goos, arch string) {
	rel, ok := h.releases[version]
	if !ok {
		http.NotFound(w, r)
		return
	}
	z, ok := rel.zips[goos+"_"+arch]
	if !ok {
		http.NotFound(w, r)
		return
	}
	files := h.base + "/files/"
	writeJSON(w, map[string]any{
		"protocols":             rel.protocols,
		"os":                    z.os,
		"arch":                  z.arch,
		"filename":              z.name,
		"download_url":          files + z.name,
		"shasums_url":           files + rel.sums,
		"shasums_signature_url": files + rel.sig,
		"shasum":                z.sha256,
		"signing_keys": map[string]any{
			"gpg_public_keys": []map[string]string{{"key_id": h.o.keyID, "ascii_armor": h.armor}},
		},
	})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing the answer: %v", err)
	}
}
