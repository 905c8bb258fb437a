package main

import (
	"fmt"
	"net/http"
	"os/exec"
	"strings"
)

func run(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	line := fmt.Sprintf("ping -c 1 %s", host)
	// fmt.Sprintf carries the taint
	// ruleid: taint-go-cmd
	exec.Command("sh", "-c", line).Run()
	// ok: taint-go-cmd
	exec.Command("sh", "-c", "ping -c 1 "+shellescape.Quote(host)).Run()
	var b strings.Builder
	b.WriteString("echo ")
	b.WriteString(r.FormValue("msg"))
	// strings.Builder filled with request data
	// ruleid: taint-go-cmd
	exec.Command("sh", "-c", b.String()).Run()
	agent := r.Header.Get("User-Agent")
	agent = "curl"
	// reassigned before use
	// ok: taint-go-cmd
	exec.Command(agent, "--version").Run()
}

func order(w http.ResponseWriter, r *http.Request) {
	var arg string
	// not yet assigned from the request
	// ok: taint-go-cmd
	exec.Command("ls", arg).Run()
	arg = r.FormValue("dir")
	// ruleid: taint-go-cmd
	exec.Command("ls", arg).Run()
}

func helper(host string) {
	// no request in this function
	// ok: taint-go-cmd
	exec.Command("ping", host).Run()
}
