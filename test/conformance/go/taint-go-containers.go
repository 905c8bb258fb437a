package main

import (
	"html/template"
	"os"
	"strings"
)

func render() {
	parts := []string{"<b>"}
	parts = append(parts, os.Getenv("TITLE"))
	// slice grown with append
	// ruleid: taint-go-containers
	_ = template.HTML(strings.Join(parts, ""))
	fixed := []string{"<b>", "x"}
	// ok: taint-go-containers
	_ = template.HTML(strings.Join(fixed, ""))
	m := map[string]string{"title": os.Getenv("T"), "static": "s"}
	// element of a tainted map literal
	// ruleid: taint-go-containers
	_ = template.HTML(m["title"])
	for i, a := range os.Args {
		_ = i
		// range over a tainted slice
		// ruleid: taint-go-containers
		_ = template.HTML(a)
	}
	type page struct{ Body string }
	p := page{Body: os.Getenv("BODY")}
	// field of a struct literal
	// ruleid: taint-go-containers
	_ = template.HTML(p.Body)
	// ok: taint-go-containers
	_ = template.HTML("<i>static</i>")
}
