package main

import (
	"context"
	"fmt"
	"iter"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"github.com/policyfacts/policyfacts"
	"github.com/policyfacts/policyfacts/corpus"
)

// stopSignals are the signals that stop a batch cleanly: Ctrl-C, what
// timeout, kill, docker stop and batch schedulers send, and a closed
// terminal. The batch stops, the temporary output file is removed, any
// earlier output is kept, and the exit status is 128 + the signal's number
// (130, 143, 129), as a shell reports a command the signal killed.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// signalContext returns a context cancelled when one of stopSignals
// arrives, a function that returns that signal (nil before one arrives),
// and a function that stops listening. Until stop is called the signals
// do not kill the process: the command must watch ctx.
func signalContext() (ctx context.Context, received func() os.Signal, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals...)
	var got atomic.Value
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			got.Store(&s)
			cancel()
		case <-done:
		}
	}()
	received = func() os.Signal {
		if s, ok := got.Load().(*os.Signal); ok {
			return *s
		}
		return nil
	}
	stop = func() {
		signal.Stop(ch)
		close(done)
		cancel()
	}
	return ctx, received, stop
}

// interruptedError is the error of a command a signal stopped.
type interruptedError struct {
	sig os.Signal
	n   int    // documents done when it arrived
	out string // the -o file, "" for stdout
	// note, when set, says what the output holds instead of the -o
	// file's fate (a database keeps what was stored).
	note string
}

func (e *interruptedError) Error() string {
	msg := fmt.Sprintf("interrupted (%s) after %s", signalName(e.sig), plural(e.n, "document"))
	if e.note != "" {
		return msg + "; " + e.note
	}
	if e.out != "" {
		msg += "; " + e.out + " not written"
		if _, err := os.Stat(e.out); err == nil {
			msg += " (the earlier file is kept)"
		}
	}
	return msg
}

// exitCode returns 128 + the signal's number.
func (e *interruptedError) exitCode() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

func signalName(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return s.String()
}

// interruptible yields the documents of src until ctx is done, even while
// src blocks (reading a pipe): src is read on a goroutine of its own, left
// blocked if it is, for the command then ends.
func interruptible(ctx context.Context, src iter.Seq2[corpus.Document, error]) iter.Seq2[corpus.Document, error] {
	type item struct {
		doc corpus.Document
		err error
	}
	return func(yield func(corpus.Document, error) bool) {
		ch := make(chan item)
		quit := make(chan struct{})
		defer close(quit)
		go func() {
			defer close(ch)
			for doc, err := range src {
				select {
				case ch <- item{doc, err}:
				case <-quit:
					return
				}
			}
		}()
		for {
			select {
			case <-ctx.Done():
				return
			case it, ok := <-ch:
				if !ok || !yield(it.doc, it.err) {
					return
				}
			}
		}
	}
}

// until yields the items of ch until it is closed or ctx is done, even
// while the batch waits on its source (reading a pipe).
func until(ctx context.Context, ch <-chan policyfacts.Item) iter.Seq[policyfacts.Item] {
	return func(yield func(policyfacts.Item) bool) {
		for {
			select {
			case <-ctx.Done():
				return
			case it, ok := <-ch:
				if !ok || !yield(it) {
					return
				}
			}
		}
	}
}
