package tools

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"

	"github.com/alessio/shellescape"
)

func Thumbnail(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	// ruleid: owasp.go.command-injection
	out, err := exec.Command("sh", "-c", fmt.Sprintf("convert uploads/%s -resize 128x128 thumbs/%s", name, name)).CombinedOutput()
	if err != nil {
		http.Error(w, string(out), http.StatusInternalServerError)
	}
}

func Ping(ctx context.Context, host string) ([]byte, error) {
	// ruleid: owasp.go.command-injection
	return exec.CommandContext(ctx, "/bin/bash", "-c", "ping -c 1 "+host).Output()
}

func RunScript(script string) error {
	// ruleid: owasp.go.command-injection
	return exec.Command("bash", "-lc", script).Run()
}

func ThumbnailSafe(ctx context.Context, name string) error {
	// ok: owasp.go.command-injection
	return exec.CommandContext(ctx, "convert", "uploads/"+name, "-resize", "128x128", "thumbs/out.png").Run()
}

func Uptime() ([]byte, error) {
	// ok: owasp.go.command-injection
	return exec.Command("sh", "-c", "uptime | awk '{print $3}'").Output()
}

func PingQuoted(ctx context.Context, host string) ([]byte, error) {
	// ok: owasp.go.command-injection
	return exec.CommandContext(ctx, "sh", "-c", "ping -c 1 "+shellescape.Quote(host)).Output()
}
