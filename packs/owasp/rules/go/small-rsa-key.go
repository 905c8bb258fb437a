package keys

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
)

const legacyBits = 1024

func SigningKey() (*rsa.PrivateKey, error) {
	// ruleid: owasp.go.small-rsa-key
	return rsa.GenerateKey(rand.Reader, 1024)
}

func DeviceKey() (*rsa.PrivateKey, error) {
	// ruleid: owasp.go.small-rsa-key
	return rsa.GenerateKey(rand.Reader, 512)
}

func LegacyKey() (*rsa.PrivateKey, error) {
	// ruleid: owasp.go.small-rsa-key
	return rsa.GenerateKey(rand.Reader, legacyBits)
}

func ServiceKey() (*rsa.PrivateKey, error) {
	// ok: owasp.go.small-rsa-key
	return rsa.GenerateKey(rand.Reader, 3072)
}

func StandardKey() (*rsa.PrivateKey, error) {
	// ok: owasp.go.small-rsa-key
	return rsa.GenerateKey(rand.Reader, 2048)
}

func ModernKey() (ed25519.PublicKey, ed25519.PrivateKey, error) {
	// ok: owasp.go.small-rsa-key
	return ed25519.GenerateKey(rand.Reader)
}
