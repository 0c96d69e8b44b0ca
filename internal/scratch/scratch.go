// Package scratch keeps the buffers that a function building a slice of
// unknown length fills before it copies the result out at its size: the
// slice's growth, which allocates about as much again as the result, is
// paid once per buffer rather than once per call.
package scratch

import (
	"slices"
	"sync"
)

// Pool is a pool of buffers of T. The zero value is ready to use; a Pool
// is safe for concurrent use and must not be copied after first use.
type Pool[T any] struct{ p sync.Pool }

// Collect calls fill with an empty buffer and returns a copy of what fill
// appended to it, nil if nothing. fill must not keep the buffer.
func (p *Pool[T]) Collect(fill func(buf []T) []T) []T {
	buf, _ := p.p.Get().(*[]T)
	if buf == nil {
		buf = new([]T)
	}
	got := fill((*buf)[:0])
	var out []T
	if len(got) > 0 {
		out = slices.Clone(got)
	}
	clear(got) // a pooled buffer keeps nothing alive
	*buf = got[:0]
	p.p.Put(buf)
	return out
}
