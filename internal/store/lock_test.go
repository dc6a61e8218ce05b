package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func init() {
	// locker takes the lock, prints "locked PID" and holds the lock until its
	// stdin closes.
	helpers["locker"] = func(s *Store) error {
		release, err := s.Lock()
		if err != nil {
			return err
		}
		os.Stdout.WriteString("locked " + strconv.Itoa(os.Getpid()) + "\n")
		_, _ = io.Copy(io.Discard, os.Stdin)
		release()
		os.Stdout.WriteString("released\n")
		return nil
	}
}

func TestLockNamesTheHolder(t *testing.T) {
	s := newTestStore(t)
	h := startHelper(t, "locker", s.Dir())
	h.expect(t, "locked ")

	_, err := s.Lock()
	var locked *LockedError
	if !errors.As(err, &locked) {
		t.Fatalf("Lock while another process holds it = %v, want a *LockedError", err)
	}
	if locked.PID != h.cmd.Process.Pid {
		t.Fatalf("LockedError.PID = %d, the holder is %d", locked.PID, h.cmd.Process.Pid)
	}
	if !strings.Contains(locked.Command, "store.test") || !strings.Contains(err.Error(), strconv.Itoa(locked.PID)) {
		t.Fatalf("the error should name the holder's command and PID: %q (command %q)", err, locked.Command)
	}

	h.stdin.Close()
	h.expect(t, "released")
	release, err := s.Lock()
	if err != nil {
		t.Fatalf("Lock after the holder released it: %v", err)
	}
	release()
}

func TestLockIsFreedWhenTheHolderIsKilled(t *testing.T) {
	s := newTestStore(t)
	h := startHelper(t, "locker", s.Dir())
	h.expect(t, "locked ")
	if _, err := s.Lock(); err == nil {
		t.Fatal("Lock succeeded while another process held it")
	}
	if err := h.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = h.cmd.Wait()
	release, err := s.Lock()
	if err != nil {
		t.Fatalf("Lock after the holder was killed: %v", err)
	}
	defer release()
	// The new holder's record replaces the dead one's.
	if h, ok := readHolderOnce(filepath.Join(s.Dir(), lockName)); !ok || h.PID != os.Getpid() {
		t.Fatalf("lock record = %+v, want this process %d", h, os.Getpid())
	}
}

// A holder that took the lock over from a dead one whose record was longer
// leaves nothing of the old record after its own, and giving the lock back
// leaves an empty record: the file is cut after what was written.
func TestTheLockRecordIsCutAfterTheNewHolders(t *testing.T) {
	s := newTestStore(t)
	path := filepath.Join(s.Dir(), lockName)
	dead := holder{PID: 999999, Command: "icetimer " + strings.Repeat("--long-flag ", 40), Since: time.Now()}
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeHolder(path, dead); err != nil {
		t.Fatal(err)
	}
	release, err := s.Lock()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rec := string(data[holderOffset:])
	if strings.Count(rec, "\n") != 1 || !strings.HasSuffix(rec, "\n") || strings.Contains(rec, "long-flag") {
		t.Fatalf("lock file after the takeover: %q, want only the new holder's record", rec)
	}
	release()
	if data, _ := os.ReadFile(path); string(data[holderOffset:]) != "\n" {
		t.Fatalf("lock file after release: %q, want an empty record", data)
	}
}

// A writer killed between creating its temp file and renaming it leaves the
// temp file behind; the next holder of the lock removes it, for the reminded
// marker as for the course, and nothing else.
func TestLockRemovesTempFiles(t *testing.T) {
	s := newTestStore(t)
	temps := []string{"state.json.tmp-123", "reminded.tmp-456"}
	kept := "notes.tmp-789"
	for _, name := range append(temps, kept) {
		if err := os.WriteFile(filepath.Join(s.Dir(), name), []byte("{"), filePerm); err != nil {
			t.Fatal(err)
		}
	}
	release, err := s.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	for _, name := range temps {
		if _, err := os.Stat(filepath.Join(s.Dir(), name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s after Lock: %v, want it removed", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(s.Dir(), kept)); err != nil {
		t.Errorf("%s, not the store's, after Lock: %v, want it kept", kept, err)
	}
}

// A holder's command line is told as text: the escape sequences anyone can
// put in a process's arguments (or in the lock file) never reach the terminal
// of the person told about it.
func TestLockHolderCommandIsMadeSafe(t *testing.T) {
	s := newTestStore(t)
	path := filepath.Join(s.Dir(), lockName)
	hostile := "icetimer \x1b]0;pwned\x07\x1b[2J \u009b31m \xff " + strings.Repeat("x", 3000)
	if err := os.WriteFile(path, nil, filePerm); err != nil {
		t.Fatal(err)
	}
	if err := writeHolder(path, holder{PID: 42, Command: hostile}); err != nil {
		t.Fatal(err)
	}
	e := readHolder(path, "")
	for _, text := range []string{e.Command, e.Error()} {
		if !utf8.ValidString(text) || strings.ContainsFunc(text, func(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }) || len(text) > 400 {
			t.Errorf("the holder is told as %q", text)
		}
	}
	if e.PID != 42 || !strings.HasPrefix(e.Command, `icetimer \x1b]0;pwned\x07\x1b[2J \u009b31m `) {
		t.Errorf("holder %d %q, want 42 and the command escaped", e.PID, e.Command)
	}
}
