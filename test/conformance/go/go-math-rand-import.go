package main

// ok: go-math-rand-import
import "fmt"

// ruleid: go-math-rand-import
import "math/rand"

// ok: go-math-rand-import
import crand "crypto/rand"

// ruleid: go-math-rand-import
import mrand "math/rand"

// near miss: a different package path ending in rand
// ok: go-math-rand-import
import "golang.org/x/exp/rand"

func main() {
	fmt.Println(rand.Int(), mrand.Int(), crand.Reader)
}
