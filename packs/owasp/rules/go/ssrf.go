package api

import (
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

var httpClient = &http.Client{Timeout: 5 * time.Second}

var feeds = map[string]string{"news": "https://feeds.example.com/news.json", "status": "https://status.example.com/summary.json"}

func Preview(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: owasp.go.ssrf
	resp, err := http.Get(target)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, io.LimitReader(resp.Body, 1<<16))
}

func Avatar(w http.ResponseWriter, r *http.Request) {
	// ruleid: owasp.go.ssrf
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, fmt.Sprintf("https://%s/avatar.png", r.FormValue("host")), nil)
	resp, err := httpClient.Do(req)
	if err == nil {
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	}
}

func WebhookTest(c *gin.Context) {
	callback := c.PostForm("callback_url")
	// ruleid: owasp.go.ssrf
	resp, err := httpClient.Post(callback, "application/json", nil)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": resp.StatusCode})
}

func Feed(w http.ResponseWriter, r *http.Request) {
	name := "news"
	if r.URL.Query().Get("feed") == "status" {
		name = "status"
	}
	// ok: owasp.go.ssrf
	resp, err := httpClient.Get(feeds[name])
	if err == nil {
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	}
}

func Weather(w http.ResponseWriter, r *http.Request) {
	city := r.URL.Query().Get("city")
	// ok: owasp.go.ssrf
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "https://api.weather.example.com/v1/forecast", nil)
	q := req.URL.Query()
	q.Set("city", city)
	resp, err := httpClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}
