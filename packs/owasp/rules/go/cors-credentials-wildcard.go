package server

import (
	"net/http"

	gincors "github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	"github.com/rs/cors"
)

func API(mux *http.ServeMux) http.Handler {
	// ruleid: owasp.go.cors-credentials-wildcard
	c := cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true, AllowedMethods: []string{"GET", "POST"}})
	return c.Handler(mux)
}

func Partner(mux *http.ServeMux) http.Handler {
	// ruleid: owasp.go.cors-credentials-wildcard
	c := cors.New(cors.Options{
		AllowOriginFunc:  func(origin string) bool { return true },
		AllowCredentials: true,
	})
	return c.Handler(mux)
}

func Gin(r *gin.Engine) {
	// ruleid: owasp.go.cors-credentials-wildcard
	r.Use(gincors.New(gincors.Config{AllowAllOrigins: true, AllowCredentials: true}))
}

func Legacy(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Credentials", "true")
		// ruleid: owasp.go.cors-credentials-wildcard
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
		next.ServeHTTP(w, r)
	})
}

func APISafe(mux *http.ServeMux) http.Handler {
	// ok: owasp.go.cors-credentials-wildcard
	c := cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true})
	return c.Handler(mux)
}

func Public(mux *http.ServeMux) http.Handler {
	// ok: owasp.go.cors-credentials-wildcard
	return cors.New(cors.Options{AllowedOrigins: []string{"*"}}).Handler(mux)
}

func EchoOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Vary", "Origin")
		// ok: owasp.go.cors-credentials-wildcard
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
		next.ServeHTTP(w, r)
	})
}
