package main

import "time"

func expiries() []int64 {
	return []int64{
		// ruleid: go-token-lifetime
		time.Now().Add(72 * time.Hour).Unix(),
		// ok: go-token-lifetime
		time.Now().Add(24 * time.Hour).Unix(),
		// ok: go-token-lifetime
		time.Now().Add(1 * time.Hour).Unix(),
		// ruleid: go-token-lifetime
		time.Now().Add(2880 * time.Minute).Unix(),
		// exactly 24 hours in minutes
		// ok: go-token-lifetime
		time.Now().Add(1440 * time.Minute).Unix(),
		// ok: go-token-lifetime
		time.Now().Add(15 * time.Minute).Unix(),
		// near miss: seconds are not covered by either branch
		// ok: go-token-lifetime
		time.Now().Add(999999 * time.Second).Unix(),
	}
}
