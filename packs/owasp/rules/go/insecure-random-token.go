package tokens

import (
	crand "crypto/rand"
	"encoding/base64"
	"fmt"
	"math/rand"
	"strings"
)

const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func NewResetToken() string {
	var b strings.Builder
	for i := 0; i < 32; i++ {
		// ruleid: owasp.go.insecure-random-token
		b.WriteByte(alphabet[rand.Intn(len(alphabet))])
	}
	return b.String()
}

func LoginCode() string {
	// ruleid: owasp.go.insecure-random-token
	otp := 100000 + rand.Intn(900000)
	return fmt.Sprintf("%06d", otp)
}

func NewSessionID() string {
	// ruleid: owasp.go.insecure-random-token
	return fmt.Sprintf("%x%x", rand.Int63(), rand.Int63())
}

func NewAPIKey() (string, error) {
	buf := make([]byte, 32)
	// ok: owasp.go.insecure-random-token
	if _, err := crand.Read(buf); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(buf), nil
}

func PickServer(servers []string) string {
	// ok: owasp.go.insecure-random-token
	idx := rand.Intn(len(servers))
	return servers[idx]
}

func Backoff(attempt int) int {
	// ok: owasp.go.insecure-random-token
	jitter := rand.Intn(250)
	return (1 << attempt) * 100 + jitter
}
