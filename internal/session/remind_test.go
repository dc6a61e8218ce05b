package session

import (
	"errors"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/notify"
	"github.com/icetimer/icetimer/internal/words"
)

// heldNotifier answers each notification only when the test says so.
type heldNotifier struct {
	sent    chan notify.Notification
	answers chan notify.Result
}

func newHeldNotifier() *heldNotifier {
	return &heldNotifier{sent: make(chan notify.Notification, 8), answers: make(chan notify.Result, 8)}
}

func (h *heldNotifier) Send(n notify.Notification) <-chan notify.Result {
	h.sent <- n
	return h.answers
}

func (h *heldNotifier) Close() {}

// The marker moves only once the desktop has answered: a crash before the
// answer repeats the reminder on resume rather than losing it (issue 9).
func TestRemindRecordsProgressAfterTheDesktopAnswers(t *testing.T) {
	dir := t.TempDir()
	desktop := newHeldNotifier()
	s, err := Open(dir, Options{Clock: func() time.Time { return testStart.Add(time.Hour) }, Notifier: desktop})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(iceCourse(testStart)); err != nil {
		t.Fatal(err)
	}
	through := testStart.Add(40*time.Minute + time.Nanosecond)
	answer := s.Remind(words.Reminder{Notification: notify.Notification{Title: "Remove the ice pack"}}, through)
	if n := <-desktop.sent; n.Title != "Remove the ice pack" {
		t.Fatalf("sent %q", n.Title)
	}
	if r, _ := s.Resume(); !r.Since.Equal(testStart) {
		t.Fatalf("progress recorded before the desktop answered: since %v", r.Since)
	}
	desktop.answers <- notify.Result{Outcome: notify.Delivered}
	if a := <-answer; !a.OK() || a.SaveErr != nil {
		t.Fatalf("answer %+v", a)
	}
	if r, _ := s.Resume(); !r.Since.Equal(through) {
		t.Fatalf("after the answer: since %v, want %v", r.Since, through)
	}
	s.Close()
}

// A session opened without a notifier (stop) answers that there is no
// desktop, at once.
func TestRemindWithoutANotifier(t *testing.T) {
	s, _ := openAt(t, t.TempDir(), testStart)
	a := <-s.Remind(words.Reminder{}, testStart)
	if a.OK() || !errors.Is(a.Err, notify.ErrNoDesktop) {
		t.Fatalf("answer %+v, want no desktop", a)
	}
}
