package main

import (
	"net/http"
	"os/exec"
	"strings"
)

func convert(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-cmd-from-request
	exec.Command("convert", r.URL.Query().Get("file"), "out.png").Run()
	// deeply nested inside other calls
	// ruleid: go-cmd-from-request
	exec.Command("ping", "-c", "1", strings.TrimSpace(r.FormValue("host"))).Run()
	// ok: go-cmd-from-request
	exec.Command("uptime").Run()
	if r.Method == "POST" {
		// inside a nested block of the handler
		// ruleid: go-cmd-from-request
		exec.Command("sh", r.PostFormValue("script")).Run()
	}
}

func mixed(w http.ResponseWriter, req *http.Request, r string) {
	// near miss: r is a plain string here, the request is req
	// ok: go-cmd-from-request
	exec.Command("ls", r).Run()
	// ruleid: go-cmd-from-request
	exec.Command("ls", req.Header.Get("X-Dir")).Run()
}

func notAHandler(r string) {
	// ok: go-cmd-from-request
	exec.Command("ls", r).Run()
}
