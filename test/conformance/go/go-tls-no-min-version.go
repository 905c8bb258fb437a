package main

import "crypto/tls"

func configs(host string) []*tls.Config {
	// ruleid: go-tls-no-min-version
	a := &tls.Config{ServerName: host}
	// ruleid: go-tls-no-min-version
	b := &tls.Config{}
	// ok: go-tls-no-min-version
	c := &tls.Config{MinVersion: tls.VersionTLS12}
	// ok: go-tls-no-min-version
	d := &tls.Config{
		ServerName: host,
		MinVersion: tls.VersionTLS13,
		NextProtos: []string{"h2"},
	}
	// near miss: MaxVersion is not MinVersion
	// ruleid: go-tls-no-min-version
	e := &tls.Config{MaxVersion: tls.VersionTLS13}
	return []*tls.Config{a, b, c, d, e}
}
