package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/policyfacts/policyfacts"
)

// TestEmptyInput checks that paths holding no document (an empty
// directory, a directory of files that are no documents, an empty CSV)
// exit 1 with a message, whatever the command.
func TestEmptyInput(t *testing.T) {
	empty := t.TempDir()
	photos := t.TempDir()
	os.WriteFile(filepath.Join(photos, "photo.jpg"), []byte("\xFF\xD8\xFF\xE0"), 0o644)
	os.WriteFile(filepath.Join(photos, "logo.png"), []byte("\x89PNG"), 0o644)
	csvFile := filepath.Join(t.TempDir(), "empty.csv")
	os.WriteFile(csvFile, []byte("id,text\n"), 0o644)
	for _, tc := range []struct {
		name, path, want string
	}{
		{"empty directory", empty, "no documents in the paths given"},
		{"no documents", photos, "no documents in the paths given (2 files passed over as no document)"},
		{"empty csv", csvFile, "no documents in the paths given"},
	} {
		for _, cmd := range []string{"extract", "records", "clean", "segment", "keywords"} {
			t.Run(tc.name+"/"+cmd, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "out")
				args := []string{cmd, "-q", tc.path}
				if cmd != "extract" {
					args = []string{cmd, tc.path}
				}
				if cmd == "extract" || cmd == "keywords" || cmd == "records" {
					args = append(args, "-o", out)
				}
				code, _, errOut := runCLI(args...)
				if code != 1 || !strings.Contains(errOut, tc.want) {
					t.Errorf("policyfacts %v: exit %d, stderr %q; want 1 and %q", args, code, errOut, tc.want)
				}
				if _, err := os.Stat(out); err == nil {
					t.Errorf("output %s written", out)
				}
			})
		}
	}
}

func TestFlagChecks(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	os.WriteFile(a, []byte("协议引资204亿元"), 0o644)
	for _, args := range [][]string{
		{"extract", "--sample", a},
		{"records", "--sample", a},
		{"segment", "--sample", a},
		{"keywords", "--sample", a},
		{"extract", "--workers", "-3", a},
		{"records", "--workers", "-1", a},
		{"extract", "--bom", a}, // JSON lines
		{"extract", "--format", "csv", "--keywords", "-1", a},
		{"keywords", "-n", "0", a},
	} {
		if code, _, errOut := runCLI(args...); code != 2 || errOut == "" {
			t.Errorf("policyfacts %v: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
	if code, out, errOut := runCLI("extract", "-q", "--workers", "0", a); code != 0 || !strings.Contains(out, `"id":"a.txt"`) {
		t.Errorf("--workers 0 (the number of CPUs): exit %d, %q %q", code, out, errOut)
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		code, out, _ := runCLI(arg)
		want := "policyfacts " + version + " (schema version " + policyfacts.SchemaVersion + ")\n"
		if code != 0 || out != want {
			t.Errorf("%s: exit %d, %q; want %q", arg, code, out, want)
		}
	}
}

// TestTablesBOMAndOutput checks that every command writing a table takes
// --bom and -o.
func TestTablesBOMAndOutput(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"extract", "--sample", "--format", "csv"},
		{"records", "--sample"},
		{"keywords", "--sample"},
	} {
		out := filepath.Join(dir, args[0]+".csv")
		code, stdout, errOut := runCLI(append(args, "--bom", "-o", out)...)
		if code != 0 || stdout != "" {
			t.Errorf("%v --bom -o: exit %d, stdout %q, stderr %q", args, code, stdout, errOut)
			continue
		}
		b, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(b, []byte("\uFEFF")) || bytes.Count(b, []byte("\n")) < 2 {
			t.Errorf("%v --bom -o: %v, %q", args, err, b[:min(len(b), 80)])
		}
		if code, stdout, _ := runCLI(args...); code != 0 || strings.HasPrefix(stdout, "\uFEFF") || stdout == "" {
			t.Errorf("%v: exit %d, %q", args, code, stdout[:min(len(stdout), 80)])
		}
	}
}

// TestHelperProcess runs the command with the arguments after "--" when
// started by TestSignals.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("POLICYFACTS_HELPER") != "1" {
		t.Skip("run by TestSignals")
	}
	args := os.Args
	for len(args) > 0 && args[0] != "--" {
		args = args[1:]
	}
	os.Exit(run(args[1:], os.Stdout, os.Stderr))
}

// helperCmd is the command run in a child process (TestHelperProcess)
// with a pipe on its standard input, started.
type helperCmd struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	stderr bytes.Buffer
}

// startHelper starts the command args in a child process.
func startHelper(t *testing.T, args ...string) *helperCmd {
	t.Helper()
	h := &helperCmd{cmd: exec.Command(os.Args[0], append([]string{"-test.run=^TestHelperProcess$", "--"}, args...)...)}
	h.cmd.Env = append(os.Environ(), "POLICYFACTS_HELPER=1")
	h.cmd.Stderr = &h.stderr
	var err error
	if h.in, err = h.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := h.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.in.Close() })
	return h
}

// waitUntil polls ok until it holds, killing the child and failing the
// test, with what it waited for, after limit.
func (h *helperCmd) waitUntil(t *testing.T, limit time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			h.cmd.Process.Kill()
			t.Fatalf("%s after %s; stderr %q", what, limit, h.stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// signal sends sig once the child has had a moment to catch it, and
// returns how the child ended, failing the test if it has not 20 s later.
func (h *helperCmd) signal(t *testing.T, sig os.Signal) error {
	t.Helper()
	time.Sleep(50 * time.Millisecond)
	h.cmd.Process.Signal(sig)
	done := make(chan error, 1)
	go func() { done <- h.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		h.cmd.Process.Kill()
		t.Fatalf("still running 20 s after %v", sig)
		return nil
	}
}

// TestSignals stops a batch reading a pipe with SIGINT, SIGTERM and
// SIGHUP: the exit status is 128 + the signal, the temporary output file
// is removed and the earlier output kept.
func TestSignals(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		args []string
		code int
	}{
		{syscall.SIGINT, []string{"extract", "-q", "-"}, 130},
		{syscall.SIGTERM, []string{"extract", "-q", "--format", "csv", "-"}, 143},
		{syscall.SIGHUP, []string{"extract", "-q", "-"}, 129},
		{syscall.SIGTERM, []string{"keywords", "-"}, 143},
	} {
		t.Run(tc.sig.String()+"/"+tc.args[0], func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			os.WriteFile(out, []byte("earlier output\n"), 0o644)
			h := startHelper(t, append(tc.args, "-o", out)...)
			// JSON lines, and the pipe left open: the batch waits for more.
			h.in.Write([]byte(`{"id":"1","text":"协议引资204亿元。"}` + "\n" + `{"id":"2","text":"到位资金165.02亿元。"}` + "\n"))
			h.waitUntil(t, 20*time.Second, "no temporary output file", func() bool {
				tmp, _ := filepath.Glob(filepath.Join(dir, ".out.tmp*"))
				return len(tmp) > 0 // the output is open: the signals are caught
			})
			err := h.signal(t, tc.sig)
			stderr := &h.stderr
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
				t.Errorf("after %v: %v, want exit status %d; stderr %q", tc.sig, err, tc.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), "interrupted") || !strings.Contains(stderr.String(), "earlier file is kept") {
				t.Errorf("stderr %q", stderr.String())
			}
			if b, err := os.ReadFile(out); err != nil || string(b) != "earlier output\n" {
				t.Errorf("earlier output: %q, %v", b, err)
			}
			if tmp, _ := filepath.Glob(filepath.Join(dir, ".out.tmp*")); len(tmp) > 0 {
				t.Errorf("temporary files left: %v", tmp)
			}
		})
	}
}
