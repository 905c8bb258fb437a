package main

import "os/exec"

func consume(msg Message, batch *Batch, other *Batch) {
	p := msg.Payload()
	batch.Enqueue(p)
	// ruleid: taint-go-propagator
	exec.Command(batch.Next())
	other.Enqueue("uptime")
	// ok: taint-go-propagator
	exec.Command(other.Next())
	dst := make([]string, 1)
	copy(dst, []string{p})
	// ruleid: taint-go-propagator
	exec.Command(dst[0])
	clean := make([]string, 1)
	copy(clean, []string{"ls"})
	// ok: taint-go-propagator
	exec.Command(clean[0])
}
