package main

import "net"

func listen(addr string) {
	// ruleid: go-listen-all-interfaces
	net.Listen("tcp", ":8080")
	// ruleid: go-listen-all-interfaces
	net.Listen("tcp4", "0.0.0.0:9000")
	// ok: go-listen-all-interfaces
	net.Listen("tcp", "127.0.0.1:8080")
	// the public TLS port is allowed by the `not ... in` clause
	// ok: go-listen-all-interfaces
	net.Listen("tcp", ":443")
	// near miss: a unix socket is not in the network list
	// ok: go-listen-all-interfaces
	net.Listen("unix", ":8080")
	// near miss: ":80x" does not end in digits only
	// ok: go-listen-all-interfaces
	net.Listen("tcp", ":80x")
}
