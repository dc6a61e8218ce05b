package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/safety"
)

func TestSafetyAnswersRoundTrip(t *testing.T) {
	s, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SafetyAnswers(); !errors.Is(err, ErrNoAnswers) {
		t.Fatalf("a new store's answers: %v, want ErrNoAnswers", err)
	}
	at := time.Date(2026, 11, 21, 8, 0, 0, 0, time.FixedZone("X", 3600))
	want := safety.Answers{At: at, Yes: map[safety.ID]bool{safety.Raynaud: true, safety.ColdUrticaria: false, safety.BrokenSkin: false}}
	if err := s.SaveSafety(want); err != nil {
		t.Fatal(err)
	}
	got, err := s.SafetyAnswers()
	if err != nil {
		t.Fatal(err)
	}
	if !got.At.Equal(at) || len(got.Yes) != 3 || !got.Yes[safety.Raynaud] || got.Yes[safety.BrokenSkin] {
		t.Fatalf("read back %+v, want %+v", got, want)
	}
	if _, answered := got.Answer(safety.ReducedSensation); answered {
		t.Error("a question not answered reads as answered")
	}
	info, err := os.Stat(filepath.Join(s.Dir(), safetyName))
	if err != nil || info.Mode().Perm() != filePerm {
		t.Fatalf("safety.json: %v, mode %v; want %v", err, info.Mode().Perm(), os.FileMode(filePerm))
	}
	if err := s.ForgetSafety(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SafetyAnswers(); !errors.Is(err, ErrNoAnswers) {
		t.Fatalf("after ForgetSafety: %v, want ErrNoAnswers", err)
	}
	if err := s.ForgetSafety(); err != nil {
		t.Fatalf("forgetting twice: %v", err)
	}
}

// A file that cannot be read back is an error naming it and saying how to
// answer again; a newer icetimer's questions are left out.
func TestSafetyAnswersFromAFileNotAsWritten(t *testing.T) {
	for _, tt := range []struct{ name, data, err string }{
		{"not JSON", "{", "not valid JSON"},
		{"newer", `{"version": 2, "answered_at": "2026-11-21T08:00:00Z", "answers": {}}`, "newer icetimer"},
		{"no time", `{"version": 1, "answers": {"raynaud": true}}`, "no time of answering"},
		{"too large", `{"version": 1, "answered_at": "2026-11-21T08:00:00Z", "answers": {}}` + strings.Repeat(" ", maxSafetySize), "KiB"},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, safetyName)
		if err := os.WriteFile(path, []byte(tt.data), filePerm); err != nil {
			t.Fatal(err)
		}
		_, err := ReadOnly(dir).SafetyAnswers()
		if err == nil || errors.Is(err, ErrNoAnswers) || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v, want an error naming %s and saying %q", tt.name, err, path, tt.err)
		}
	}
	dir := t.TempDir()
	data := `{"version": 1, "answered_at": "2026-11-21T08:00:00Z", "answers": {"raynaud": true, "asked-later": true}}`
	if err := os.WriteFile(filepath.Join(dir, safetyName), []byte(data), filePerm); err != nil {
		t.Fatal(err)
	}
	a, err := ReadOnly(dir).SafetyAnswers()
	if err != nil || len(a.Yes) != 1 || !a.Yes[safety.Raynaud] {
		t.Fatalf("answers %+v, %v; want raynaud only", a, err)
	}
}

func TestReadOnlyStoreKeepsNoAnswers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "icetimer")
	s := ReadOnly(dir)
	a := safety.Answers{At: time.Now(), Yes: map[safety.ID]bool{safety.Raynaud: false}}
	for what, err := range map[string]error{"SaveSafety": s.SaveSafety(a), "ForgetSafety": s.ForgetSafety()} {
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s on a read-only store: %v, want ErrReadOnly", what, err)
		}
	}
	if _, err := os.Lstat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a read-only store made its directory: %v", err)
	}
}
