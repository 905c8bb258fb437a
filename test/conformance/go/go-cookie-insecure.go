package main

import "net/http"

func setCookies(w http.ResponseWriter, value string) {
	// ruleid: go-cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: value})
	// ruleid: go-cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "prefs", Value: value, Secure: false, HttpOnly: true})
	// ok: go-cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: value, Secure: true, HttpOnly: true})
	// ok: go-cookie-insecure
	http.SetCookie(w, &http.Cookie{
		Secure: true,
		Name:   "csrf",
		Value:  value,
	})
}
