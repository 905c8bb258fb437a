package main

import "crypto/tls"

func configs() []*tls.Config {
	a := &tls.Config{
		ServerName: "example.com",
		// the finding is on the focused metavariable, not on the literal
		// ruleid: go-weak-tls-version
		MinVersion: tls.VersionTLS10,
	}
	// ruleid: go-weak-tls-version
	b := &tls.Config{MinVersion: tls.VersionSSL30}
	// ok: go-weak-tls-version
	c := &tls.Config{MinVersion: tls.VersionTLS12}
	d := &tls.Config{
		// near miss: MaxVersion may be old, MinVersion is fine
		// ok: go-weak-tls-version
		MaxVersion: tls.VersionTLS11,
		// ok: go-weak-tls-version
		MinVersion: tls.VersionTLS13,
	}
	return []*tls.Config{a, b, c, d}
}
