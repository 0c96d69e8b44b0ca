//go:build race

package main

// raceEnabled reports a build with the race detector, under which the
// table tests leave out the largest inputs.
const raceEnabled = true
