// Package apidocs serves a page that renders an OpenAPI document: the API's
// reference at /docs/ of a Taawun server, readable offline.
//
// The renderer is Swagger UI (swagger-ui-dist 5.35.0 from the npm
// registry, Apache-2.0: assets/LICENSE and assets/NOTICE), embedded in the
// binary: swagger-ui-bundle.js and swagger-ui.css as published, with a
// page and an initializer of ours that turn off the online validator, so
// that the page asks nothing of any other host. To update it, take the
// same two files from a newer swagger-ui-dist and change the version here.
package apidocs
