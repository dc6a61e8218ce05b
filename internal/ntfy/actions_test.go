package ntfy_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
)

// A reminder that waits for the person carries a button on the phone: an
// http action that POSTs the change's sequence ID to the reply topic on the
// same server, with the token, and clears the notification. Pressing it (the
// fake server plays the phone) leaves the reply on TOPIC-ack.
func TestTheButtonRepliesOnTheReplyTopic(t *testing.T) {
	srv := ntfytest.New(t, "my-back", secret, func() time.Time { return t0 })
	p := newPublisher(t, srv.Config(), ntfy.Options{})
	putOn := iceOn(t0.Add(20 * time.Minute))
	putOn.Ack = "It's on"
	mustOK(t, p.Publish(removeIce(t0)))
	mustOK(t, p.Publish(putOn))
	header := srv.Requests()[0].Header.Get("Actions")
	t.Logf("Actions: %s", header)
	for i, want := range []struct {
		label string
		at    time.Time
	}{{"Pack is off", t0}, {"It's on", putOn.At}} {
		actions, err := srv.Actions(i)
		if err != nil || len(actions) != 1 {
			t.Fatalf("request %d: actions %+v, %v\n%s", i, actions, err, srv.Log())
		}
		a := actions[0]
		if a.Action != "http" || a.Label != want.label || a.URL != srv.URL+"/my-back-ack" || a.Method != "POST" ||
			a.Body != ntfy.SequenceID(want.at) || !a.Clear || a.Headers["Authorization"] != "Bearer "+secret {
			t.Errorf("request %d: button %+v", i, a)
		}
		if err := srv.Press(context.Background(), i, want.label); err != nil {
			t.Fatalf("pressing %q: %v", want.label, err)
		}
	}
	replies := srv.Messages("my-back-ack")
	if len(replies) != 2 || replies[0].Message != ntfy.SequenceID(t0) || replies[1].Message != ntfy.SequenceID(putOn.At) {
		t.Fatalf("replies %+v\n%s", replies, srv.Log())
	}
}

// No button without Ack in the config, or on a reminder that waits for
// nothing; a repeat's button names the change it repeats.
func TestWhichRemindersCarryAButton(t *testing.T) {
	srv := ntfytest.New(t, "t", "", func() time.Time { return t0 })
	off := srv.Config()
	off.Ack = false
	mustOK(t, newPublisher(t, off, ntfy.Options{}).Publish(removeIce(t0)))
	p := newPublisher(t, srv.Config(), ntfy.Options{})
	mustOK(t, p.Publish(iceOn(t0)))
	again := removeIce(t0)
	again.Repeat = 2
	mustOK(t, p.Publish(again))
	reqs := srv.Requests()
	if a := reqs[0].Header.Get("Actions") + reqs[1].Header.Get("Actions"); a != "" {
		t.Errorf("buttons %q with ack = false or on a reminder that waits for nothing", a)
	}
	if a := reqs[2].Header.Get("Actions"); !strings.Contains(a, "body="+ntfy.SequenceID(t0)+",") {
		t.Errorf("a repeat's button: %q, want it to name the change", a)
	}
	if strings.Contains(reqs[2].Header.Get("Actions"), "Authorization") {
		t.Errorf("a button sends a token the config does not have: %q", reqs[2].Header.Get("Actions"))
	}
}

// A label that would break the simple format is quoted, and the server
// reads it back whole.
func TestALabelWithCommasIsQuoted(t *testing.T) {
	srv := ntfytest.New(t, "t", "", func() time.Time { return t0 })
	p := newPublisher(t, srv.Config(), ntfy.Options{})
	r := removeIce(t0)
	r.Ack = `Off, "really"; done`
	mustOK(t, p.Publish(r))
	actions, err := srv.Actions(0)
	if err != nil || len(actions) != 1 || actions[0].Label != r.Ack {
		t.Fatalf("%+v, %v\n%s", actions, err, srv.Log())
	}
}

// The config file's topic limit leaves room for the reply topic.
func TestAReplyTopicTooLongIsRefused(t *testing.T) {
	c := ntfy.Config{URL: "https://ntfy.example", Topic: strings.Repeat("t", 61), Ack: true}
	if err := c.Check(); err == nil || !strings.Contains(err.Error(), "-ack") {
		t.Errorf("a 61-character topic with replies: %v", err)
	}
	c.Topic = strings.Repeat("t", 60)
	if err := c.Check(); err != nil {
		t.Errorf("a 60-character topic: %v", err)
	}
}
