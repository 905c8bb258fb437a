package auth

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// ruleid: owasp.go.open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func Logout(c *gin.Context) {
	// ruleid: owasp.go.open-redirect
	c.Redirect(http.StatusFound, c.DefaultQuery("return_to", "/"))
}

func Legacy(w http.ResponseWriter, r *http.Request) {
	// ruleid: owasp.go.open-redirect
	w.Header().Set("Location", r.Header.Get("Referer"))
	w.WriteHeader(http.StatusFound)
}

func Home(w http.ResponseWriter, r *http.Request) {
	// ok: owasp.go.open-redirect
	http.Redirect(w, r, "/dashboard", http.StatusFound)
}

func Docs(c *gin.Context) {
	page := "index"
	if c.Query("page") == "api" {
		page = "api"
	}
	// ok: owasp.go.open-redirect
	c.Redirect(http.StatusFound, "/docs/"+page)
}
