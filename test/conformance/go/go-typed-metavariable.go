package handlers

import (
	"net/http"
	"net/url"
)

func handle(w http.ResponseWriter, r, other *http.Request, values url.Values) {
	// ruleid: go-typed-form-value
	name := r.FormValue("name")
	// ruleid: go-typed-form-value
	again := other.FormValue("name")
	// ok: go-typed-form-value
	fromValues := values.Get("name")
	var req *http.Request = r
	// ruleid: go-typed-form-value
	local := req.FormValue("x")
	_ = []string{name, again, fromValues, local}
}

func byValue(r http.Request) string {
	// a value, not a pointer: the pattern asks for *http.Request
	// ok: go-typed-form-value
	return r.FormValue("name")
}

type form struct{}

func (f *form) FormValue(key string) string { return key }

func custom(f *form) string {
	// ok: go-typed-form-value
	return f.FormValue("name")
}
