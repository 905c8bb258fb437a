package accounts

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"io"

	"golang.org/x/crypto/bcrypt"
)

type User struct {
	Email        string
	PasswordHash string
	Salt         string
}

func HashPassword(password string) string {
	// ruleid: owasp.go.weak-password-hash
	sum := md5.Sum([]byte(password))
	return hex.EncodeToString(sum[:])
}

func (u *User) CheckPassword(password string) bool {
	// ruleid: owasp.go.weak-password-hash
	sum := sha1.Sum([]byte(u.Salt + password))
	return hex.EncodeToString(sum[:]) == u.PasswordHash
}

func SecretFingerprint(clientSecret string) string {
	h := md5.New()
	// ruleid: owasp.go.weak-password-hash
	io.WriteString(h, clientSecret)
	return hex.EncodeToString(h.Sum(nil))
}

func HashPasswordSafe(password string) (string, error) {
	// ok: owasp.go.weak-password-hash
	b, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	return string(b), err
}

func ETag(body []byte) string {
	// ok: owasp.go.weak-password-hash
	sum := md5.Sum(body)
	return hex.EncodeToString(sum[:])
}

func TokenDigest(secret string) string {
	// ok: owasp.go.weak-password-hash
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
