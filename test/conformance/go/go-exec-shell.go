package main

import (
	"context"
	"os/exec"
)

func run(ctx context.Context, cmd, dir string) {
	// ruleid: go-exec-shell
	exec.Command("sh", "-c", cmd).Run()
	// ruleid: go-exec-shell
	out, _ := exec.Command("/bin/bash", "-c", "ls "+dir).Output()
	// ruleid: go-exec-shell
	c := exec.CommandContext(ctx, "zsh", "-c", cmd)
	// ok: go-exec-shell
	exec.Command("ls", "-l", dir).Run()
	// near miss: no -c flag, the script is a file
	// ok: go-exec-shell
	exec.Command("sh", "./deploy.sh").Run()
	// near miss: the regex ends with $, so shellcheck is not sh
	// ok: go-exec-shell
	exec.Command("shellcheck", "-c", cmd).Run()
	// ok: go-exec-shell
	exec.Command("sh", "-c", "uptime").Run() // nosemgrep: go-exec-shell
	// ok: go-exec-shell
	exec.Command("bash", "-c", cmd).Run() // moat-ignore: go-exec-shell command is a constant table entry
	_, _ = out, c
}
