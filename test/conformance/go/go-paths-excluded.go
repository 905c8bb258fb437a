package main

func mustPositive(n int) int {
	if n < 0 {
		// the rule would match here, but paths.exclude removes this file
		// ok: go-paths-excluded
		panic(n)
	}
	return n
}
