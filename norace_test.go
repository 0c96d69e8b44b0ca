//go:build !race

package policyfacts

// raceEnabled reports a build with the race detector, under which the
// largest inputs take too long to be worth running.
const raceEnabled = false
