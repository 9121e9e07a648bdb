package apidocs

import (
	"bytes"
	"embed"
	"html"
	"io/fs"
	"net/http"
	"strings"
	"time"
)

//go:embed assets
var assets embed.FS

// Version is the version of swagger-ui-dist whose files are embedded.
const Version = "5.35.0"

// Handler serves the reference page and its assets under prefix (e.g.
// "/docs/"), rendering the OpenAPI document at spec (e.g.
// "/v1/openapi.json"). Mount it at prefix; a request for the prefix
// without its trailing slash is redirected to it.
func Handler(prefix, spec string) http.Handler {
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embedded directory is part of the package
	}
	page, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		panic(err)
	}
	page = bytes.ReplaceAll(page, []byte("{{SPEC}}"), []byte(html.EscapeString(spec)))
	files := http.FileServerFS(sub)
	modified := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if r.URL.Path == strings.TrimSuffix(prefix, "/") {
			http.Redirect(w, r, prefix, http.StatusMovedPermanently)
			return
		}
		name, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'")
		switch name {
		case "", "index.html":
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeContent(w, r, "index.html", modified, bytes.NewReader(page))
		case "LICENSE", "NOTICE", "init.js", "swagger-ui-bundle.js", "swagger-ui-bundle.js.LICENSE.txt", "swagger-ui.css":
			r2 := r.Clone(r.Context())
			r2.URL.Path = "/" + name
			w.Header().Set("Cache-Control", "public, max-age=86400")
			files.ServeHTTP(w, r2)
		default:
			http.NotFound(w, r)
		}
	})
}
