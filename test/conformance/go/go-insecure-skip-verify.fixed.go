package main

import (
	"crypto/tls"
	"net/http"
)

func clients() []*http.Client {
	// ruleid: go-insecure-skip-verify
	a := &tls.Config{InsecureSkipVerify: false}
	// ruleid: go-insecure-skip-verify
	b := &tls.Config{
		MinVersion: tls.VersionTLS12,
		// a comment inside the literal
		InsecureSkipVerify: false,
		ServerName:           "api.example.com",
	}
	// ok: go-insecure-skip-verify
	c := &tls.Config{InsecureSkipVerify: false}
	// ok: go-insecure-skip-verify
	d := &tls.Config{MinVersion: tls.VersionTLS13}
	// near miss: another struct type with the same field
	// ok: go-insecure-skip-verify
	e := &fakeConfig{InsecureSkipVerify: true}
	return []*http.Client{
		// ruleid: go-insecure-skip-verify
		{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: false}}},
		{Transport: &http.Transport{TLSClientConfig: a}},
		{Transport: &http.Transport{TLSClientConfig: b}},
		{Transport: &http.Transport{TLSClientConfig: c}},
		{Transport: &http.Transport{TLSClientConfig: d}},
		{Transport: &http.Transport{TLSClientConfig: e}},
	}
}
