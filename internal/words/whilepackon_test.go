package words

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/schedule"
)

// asking is course with its put-on reminders asking "Is it on?".
func asking(c schedule.Course) schedule.Course {
	c.ConfirmPutOn = true
	return c
}

// A put-on that asks says so, with a quiet "It's on" button and a tag its
// repeats replace; its repeat says how to answer it. A paused morning
// asks nothing: the pack goes on at the resume.
func TestAPutOnAsksIsItOn(t *testing.T) {
	c := asking(course(t, "ice 20m, rest 20m", "", "", "23:00-07:00"))
	r := remindAt(t, c, at("08:40"), at("08:40"))
	if r.Urgent || r.Ack != onLabel || r.Tag != Tag(at("08:40")) || r.Body != "Ice 20 minutes, until 09:00. "+isItOn+" "+towel {
		t.Fatalf("put-on reminder %+v", r)
	}
	if want := "08:40:00  Put the ice pack on. Ice 20 minutes, until 09:00. " + isItOn; r.Line != want {
		t.Fatalf("line %q, want %q", r.Line, want)
	}
	ts := c.Transitions(at("08:40"), at("08:40").Add(time.Nanosecond))
	again := Repeat(c, ts[0], 2, c.StateAt(at("08:50")), zone)
	if again.Title != "Put the ice pack on (again)" || again.Urgent || again.Body != "This change was due at 08:40. Ice 10 minutes, until 09:00. "+isItOn+" "+towel {
		t.Fatalf("put-on repeat %+v", again)
	}
	if s := SpokenRepeat(c, ts[0], c.StateAt(at("08:50")), zone); s != "Again: put the ice pack on. It was due at eight forty. Is it on? Once it is, press a, or run icetimer ack." {
		t.Fatalf("spoken %q", s)
	}
	off := Repeat(c, c.Transitions(at("08:20"), at("08:20").Add(time.Nanosecond))[0], 1, c.StateAt(at("08:22")), zone)
	if off.Ack != ackLabel || !off.Urgent || off.Body[:len("Once it is off")] != "Once it is off" {
		t.Fatalf("removal repeat %+v", off)
	}

	paused := asking(course(t, "ice 20m, rest 20m", "", "", "08:30-07:00", schedule.Event{Type: schedule.Pause, At: at("09:00")}))
	morning := at("07:00").AddDate(0, 0, 1)
	if r := remindAt(t, paused, morning, morning); r.Ack != "" || r.Tag != "" {
		t.Fatalf("a paused morning asks: %+v", r)
	}
	if r := remindAt(t, course(t, "ice 20m, rest 20m", "", "", "off"), at("08:40"), at("08:40")); r.Ack != "" {
		t.Fatalf("a course saved before icetimer asked asks: %+v", r)
	}
}

// The removal a numb answer makes says why.
func TestANumbRemovalSaysWhy(t *testing.T) {
	c := course(t, "ice 20m, rest 20m", "", "", "off", schedule.Event{Type: schedule.Numb, At: at("08:09")})
	c.SkinCheck = 8 * time.Minute
	r := remindAt(t, c, at("08:09"), at("08:09"))
	if r.Title != "Remove the ice pack: the skin went numb" || !r.Urgent || r.Ack != ackLabel {
		t.Fatalf("numb removal %+v", r)
	}
}

// A yes that cautions a kind of pack gives that kind's reminders, on and
// off, the stronger safety line in place of the usual one; the other
// kind's reminders and a check never taken leave them as they are.
func TestCautionedRemindersCarryTheStrongerLine(t *testing.T) {
	raynaud := safety.Answers{At: at("07:00"), Yes: map[safety.ID]bool{safety.Raynaud: true, safety.BrokenSkin: false}}
	ice := course(t, "ice 20m, rest 20m", "", "", "off")
	on := remindAt(t, ice, at("08:40"), at("08:40"))
	if got := Cautioned(on, raynaud); got.Body != "Ice 20 minutes, until 09:00. "+strongSafety[schedule.Ice] {
		t.Fatalf("cautioned put-on body %q", got.Body)
	}
	off := remindAt(t, ice, at("08:20"), at("08:20"))
	if got := Cautioned(off, raynaud); got.Body != "Rest 20 minutes. Ice again at 08:40. "+strongSafety[schedule.Ice] || got.Title != off.Title || !got.Urgent {
		t.Fatalf("cautioned removal %+v", got)
	}
	heat := remindAt(t, course(t, "heat 20m, rest 20m", "", "", "off"), at("08:00"), at("08:00"))
	if got := Cautioned(heat, raynaud); got != heat {
		t.Fatalf("a caution for cold changed a heat reminder: %q", got.Body)
	}
	if got := Cautioned(on, safety.Answers{}); got != on {
		t.Fatalf("no answers changed the reminder: %q", got.Body)
	}
	diabetes := safety.Answers{At: at("07:00"), Yes: map[safety.ID]bool{safety.DiabetesOrPoorCirculation: true}}
	if got := Cautioned(heat, diabetes); got.Body != "Heat 20 minutes, until 08:20. "+strongSafety[schedule.Heat] {
		t.Fatalf("cautioned heat body %q", got.Body)
	}
	if got := Cautioned(Cautioned(on, raynaud), raynaud); got.Body != Cautioned(on, raynaud).Body {
		t.Fatalf("cautioned twice: %q", got.Body)
	}
}
