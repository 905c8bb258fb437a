package main

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func sign(claims jwt.MapClaims, key []byte) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	// ruleid: go-jwt-hardcoded-key
	s1, _ := token.SignedString([]byte("my-secret"))
	// the empty string is still a string literal
	// ruleid: go-jwt-hardcoded-key
	s2, _ := token.SignedString([]byte(""))
	// ruleid: go-jwt-hardcoded-key
	s3, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte("inline"))
	// parentheses around the argument do not matter
	// ruleid: go-jwt-hardcoded-key
	s6, _ := token.SignedString(([]byte("wrapped")))
	// ok: go-jwt-hardcoded-key
	s4, _ := token.SignedString(key)
	// ok: go-jwt-hardcoded-key
	s5, _ := token.SignedString([]byte(os.Getenv("JWT_KEY")))
	_, _, _, _, _, _ = s1, s2, s3, s4, s5, s6
}
