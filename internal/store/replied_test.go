package store

import (
	"testing"
	"time"
)

// The phone's last reply is kept for its course only: the next course
// reads its replies from its own start.
func TestRepliedBelongsToItsCourse(t *testing.T) {
	s, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.FixedZone("X", 3600))
	if id, ok := s.Replied(start); ok {
		t.Fatalf("a new store has a reply %q", id)
	}
	for _, id := range []string{"m00000000001", "m00000000002"} {
		if err := s.SaveReplied(start, id); err != nil {
			t.Fatal(err)
		}
		if got, ok := s.Replied(start.UTC()); !ok || got != id {
			t.Errorf("replied %q %v, want %q", got, ok, id)
		}
	}
	if id, ok := s.Replied(start.Add(time.Hour)); ok {
		t.Errorf("the next course found the last one's reply %q", id)
	}
	if err := ReadOnly(s.dir).SaveReplied(start, "m00000000003"); err == nil {
		t.Error("a read-only store recorded a reply")
	}
}
