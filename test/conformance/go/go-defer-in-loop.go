package main

import "os"

func readAll(paths []string) {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		// ruleid: go-defer-in-loop
		defer f.Close()
	}
	for i := 0; i < 3; i++ {
		if i > 0 {
			f, _ := os.Open(paths[i])
			// nested block inside the loop
			// ruleid: go-defer-in-loop
			defer f.Close()
		}
	}
	for _, p := range paths {
		func() {
			f, _ := os.Open(p)
			// ok: go-defer-in-loop
			defer f.Close()
		}()
	}
	f, _ := os.Open("x")
	// near miss: not in a loop
	// ok: go-defer-in-loop
	defer f.Close()
}
