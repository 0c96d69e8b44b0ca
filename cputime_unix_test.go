//go:build unix

package policyfacts

import "syscall"

// processCPU returns the CPU time the process has used, user and system,
// in nanoseconds, on every thread (the garbage collector's included): a
// measure of work that other processes on the machine disturb less than
// the wall clock.
func processCPU() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
