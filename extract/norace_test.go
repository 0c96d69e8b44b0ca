//go:build !race

package extract_test

// raceEnabled reports a build with the race detector, under which the
// timed tests of long inputs would time the detector.
const raceEnabled = false
