package apidocs_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/httpapi/apidocs"
)

func TestHandler(t *testing.T) {
	h := apidocs.Handler("/docs/", "/v1/openapi.json")
	tests := []struct {
		method, path string
		status       int
		contentType  string
		contains     string
	}{
		{"GET", "/docs/", 200, "text/html; charset=utf-8", `data-spec="/v1/openapi.json"`},
		{"GET", "/docs/index.html", 200, "text/html; charset=utf-8", `<script src="swagger-ui-bundle.js">`},
		{"GET", "/docs/swagger-ui-bundle.js", 200, "text/javascript; charset=utf-8", "SwaggerUIBundle"},
		{"GET", "/docs/swagger-ui.css", 200, "text/css; charset=utf-8", ".swagger-ui"},
		{"GET", "/docs/init.js", 200, "text/javascript; charset=utf-8", "validatorUrl: null"},
		{"GET", "/docs/LICENSE", 200, "", "Apache License"},
		{"GET", "/docs", 301, "", ""},
		{"GET", "/docs/../go.mod", 404, "", ""},
		{"GET", "/docs/assets/index.html", 404, "", ""},
		{"GET", "/docs/swagger-ui.css.map", 404, "", ""},
		{"POST", "/docs/", 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			res := httptest.NewRecorder()
			h.ServeHTTP(res, httptest.NewRequest(tt.method, tt.path, nil))
			require.Equal(t, tt.status, res.Code)
			if tt.contentType != "" {
				assert.Equal(t, tt.contentType, res.Header().Get("Content-Type"))
			}
			assert.Contains(t, res.Body.String(), tt.contains)
			if res.Code == http.StatusOK {
				assert.True(t, strings.HasPrefix(res.Header().Get("Content-Security-Policy"), "default-src 'self'"))
			}
		})
	}
}

func TestHandler_EscapesSpec(t *testing.T) {
	res := httptest.NewRecorder()
	apidocs.Handler("/docs/", `/x"><script>alert(1)</script>`).ServeHTTP(res, httptest.NewRequest("GET", "/docs/", nil))
	assert.NotContains(t, res.Body.String(), "<script>alert(1)")
}
