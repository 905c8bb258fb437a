package main

import (
	"math/rand"
	"strings"
)

const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

func generateToken(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		// ruleid: go-weak-random-secret
		b.WriteByte(alphabet[rand.Intn(len(alphabet))])
	}
	return b.String()
}

type Server struct{}

func (s *Server) newSessionKey() uint64 {
	// ruleid: go-weak-random-secret
	return rand.Uint64()
}

func resetPassword(user string) (string, error) {
	// a result list ending in error
	// ruleid: go-weak-random-secret
	return user + string(rune(rand.Int31n(26)+'a')), nil
}

func shuffleDeck() []int {
	// near miss: not a secret-producing function
	// ok: go-weak-random-secret
	return rand.Perm(52)
}

func tokenSeed() int64 {
	// near miss: Seed is not in the list of generators
	// ok: go-weak-random-secret
	rand.Seed(42)
	return 0
}
