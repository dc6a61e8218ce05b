package store

import (
	"testing"
	"time"
)

func TestRemindedRoundTrips(t *testing.T) {
	s, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Reminded(); ok {
		t.Fatal("a new store has a reminded instant")
	}
	at := time.Date(2026, 11, 21, 8, 0, 0, 5, time.FixedZone("X", 3600))
	if err := s.SaveReminded(at); err != nil {
		t.Fatal(err)
	}
	if got, ok := s.Reminded(); !ok || !got.Equal(at) {
		t.Errorf("reminded %v %v, want %v", got, ok, at)
	}
}
