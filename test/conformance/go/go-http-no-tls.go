package main

import (
	"log"
	"net/http"
)

func serve(addr string, mux *http.ServeMux, srv *http.Server) {
	// ruleid: go-http-no-tls
	http.ListenAndServe(":8080", nil)
	// ruleid: go-http-no-tls
	log.Fatal(http.ListenAndServe(addr, mux))
	// ok: go-http-no-tls
	log.Fatal(http.ListenAndServeTLS(":443", "c.pem", "k.pem", mux))
	// near miss: a method on a server value
	// ok: go-http-no-tls
	log.Fatal(srv.ListenAndServe())
}
