package main

// ruleid: go-private-key
const rsaKey = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA..."

// ruleid: go-private-key
const ecKey = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIO...
-----END EC PRIVATE KEY-----`

// ruleid: go-private-key
const pkcs8 = "-----BEGIN PRIVATE KEY-----"

// pattern-not-regex overlaps the finding, so it is dropped
// ok: go-private-key
const encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF..."

// ok: go-private-key
const pub = "-----BEGIN PUBLIC KEY-----\nMIIBIjAN..."
