package scratch

import (
	"slices"
	"strconv"
	"sync"
	"testing"
)

func digits(buf []string, n int) []string {
	for i := range n {
		buf = append(buf, strconv.Itoa(i))
	}
	return buf
}

func TestCollect(t *testing.T) {
	var p Pool[string]
	if got := p.Collect(func(buf []string) []string { return buf }); got != nil {
		t.Errorf("nothing appended: got %#v, want nil", got)
	}
	a := p.Collect(func(buf []string) []string { return digits(buf, 100) })
	b := p.Collect(func(buf []string) []string { return digits(buf, 3) })
	if len(a) != 100 || a[99] != "99" || !slices.Equal(b, []string{"0", "1", "2"}) {
		t.Fatalf("Collect = %d values, %v", len(a), b)
	}
	if cap(b) != len(b) {
		t.Errorf("result of %d values has capacity %d", len(b), cap(b))
	}
	// a result is the caller's: later calls do not touch it
	c := p.Collect(func(buf []string) []string { return digits(buf, 100) })
	c[0] = "changed"
	if a[0] != "0" {
		t.Error("a result shares its array with the buffer")
	}
}

func TestCollectConcurrent(t *testing.T) {
	var p Pool[int]
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 50 {
				n := (g*7 + k) % 40
				got := p.Collect(func(buf []int) []int {
					for i := range n {
						buf = append(buf, g*1000+i)
					}
					return buf
				})
				if len(got) != n || n > 0 && got[n-1] != g*1000+n-1 {
					t.Errorf("goroutine %d: %v", g, got)
					return
				}
			}
		})
	}
	wg.Wait()
}
