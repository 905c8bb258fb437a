package auth

import (
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var publicKey any

func Subject(r *http.Request) (string, error) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	claims := jwt.MapClaims{}
	// ruleid: owasp.go.jwt-unverified
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
		return "", err
	}
	return claims.GetSubject()
}

func ServiceToken(sub string) (string, error) {
	// ruleid: owasp.go.jwt-unverified
	token := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": sub})
	// ruleid: owasp.go.jwt-unverified
	return token.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func SubjectVerified(r *http.Request) (string, error) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	// ok: owasp.go.jwt-unverified
	token, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return publicKey, nil }, jwt.WithValidMethods([]string{"RS256"}))
	if err != nil || !token.Valid {
		return "", errors.New("invalid token")
	}
	return token.Claims.GetSubject()
}
