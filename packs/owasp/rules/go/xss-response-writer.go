package web

import (
	"fmt"
	"html"
	"io"
	"net/http"
)

func Hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: owasp.go.xss-response-writer
	fmt.Fprintf(w, "<h1>Hello %s</h1>", name)
}

func Echo(w http.ResponseWriter, r *http.Request) {
	// ruleid: owasp.go.xss-response-writer
	w.Write([]byte("<p>You searched for " + r.FormValue("q") + "</p>"))
}

func NotFound(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	// ruleid: owasp.go.xss-response-writer
	io.WriteString(w, "No page at "+r.URL.Path)
}

func HelloSafe(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ok: owasp.go.xss-response-writer
	fmt.Fprintf(w, "<h1>Hello %s</h1>", html.EscapeString(name))
}

func Health(w http.ResponseWriter, r *http.Request) {
	// ok: owasp.go.xss-response-writer
	fmt.Fprintln(w, "ok")
}
