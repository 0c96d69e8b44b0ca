//go:build !race

package tabletest

// Race reports a build with the race detector, under which the tests
// leave out the largest inputs (the provincial reports): they check
// concurrency there, not coverage.
const Race = false
