package main

import "golang.org/x/crypto/bcrypt"

func hashes(pw []byte, cost int) {
	// ruleid: go-bcrypt-cost
	bcrypt.GenerateFromPassword(pw, 4)
	// ruleid: go-bcrypt-cost
	h, err := bcrypt.GenerateFromPassword([]byte("x"), 11)
	// ok: go-bcrypt-cost
	bcrypt.GenerateFromPassword(pw, 12)
	// ok: go-bcrypt-cost
	bcrypt.GenerateFromPassword(pw, 14)
	// a local constant is propagated into the comparison
	const weakCost = 8
	// ruleid: go-bcrypt-cost
	bcrypt.GenerateFromPassword(pw, weakCost)
	// near miss: a different function
	// ok: go-bcrypt-cost
	bcrypt.CompareHashAndPassword(h, pw)
	_ = err
}
