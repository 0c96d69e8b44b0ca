//go:build !unix

package policyfacts

import "errors"

// mkfifo fails: the system has no FIFOs.
func mkfifo(string) error { return errors.New("no FIFOs on this system") }
