package files

import "os"

func writeThenClose(f *os.File, data []byte) {
	// written before Close: not inside the `Close()` sequence
	// ok: go-write-after-close
	f.Write(data)
	f.Close()
	// ruleid: go-write-after-close
	f.Write(data)
	if len(data) > 0 {
		// a nested block after Close is reached too
		// ruleid: go-write-after-close
		f.Write(data)
	}
}

func other(g *os.File, data []byte) {
	// ok: go-write-after-close
	g.Write(data)
}
