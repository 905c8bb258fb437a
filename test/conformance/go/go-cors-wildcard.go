package main

import "net/http"

func cors(w http.ResponseWriter, origin string) {
	// ruleid: go-cors-wildcard
	w.Header().Set("Access-Control-Allow-Origin", "*")
	// header names are case-insensitive, and so is the regex
	// ruleid: go-cors-wildcard
	w.Header().Set("access-control-allow-origin", "*")
	// ok: go-cors-wildcard
	w.Header().Set("Access-Control-Allow-Origin", "https://app.example.com")
	// ok: go-cors-wildcard
	w.Header().Set("Access-Control-Allow-Origin", origin)
	// near miss: a different header
	// ok: go-cors-wildcard
	w.Header().Set("Access-Control-Allow-Headers", "*")
}
