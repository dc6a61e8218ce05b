package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/schedule"
)

// A course as start and run make them now: a skin check at 8 minutes and
// put-ons that ask.
func skinCourse(t *testing.T, st *savedCourseTest) schedule.Course {
	c := presetCourse(t, "ice-20-20", st.at(21, 8, 0, 0), false)
	c.SkinCheck, c.ConfirmPutOn = 8*time.Minute, true
	return c
}

func TestSkinOKAnswersTheCheck(t *testing.T) {
	st := newSavedCourseTest(t)
	if code, _, errOut := st.run(st.at(21, 8, 9, 0), "skin", "ok"); code != ExitNoCourse || !strings.Contains(errOut, "no saved course") {
		t.Fatalf("no course: exit %d, %q", code, errOut)
	}
	st.save(skinCourse(t, st))
	if code, out, errOut := st.run(st.at(21, 8, 5, 0), "skin", "ok"); code != ExitFailure || out != "" || errOut != "icetimer: no skin check is waiting: it comes 8 min into an ice phase\n" {
		t.Fatalf("skin ok before the check: exit %d, %q, %q", code, out, errOut)
	}
	_, out, _ := st.run(st.at(21, 8, 9, 0), "status", "--json")
	var s document.Status
	if err := json.Unmarshal([]byte(out), &s); err != nil || !s.SkinCheck || len(s.Numb) != 0 {
		t.Fatalf("status --json while the check waits: %s (%v)", out, err)
	}
	if code, out, errOut := st.run(st.at(21, 8, 9, 0), "skin", "OK"); code != 0 || out != "skin check answered: fine\n" {
		t.Fatalf("skin ok: exit %d, %q, %q", code, out, errOut)
	}
	_, out, _ = st.run(st.at(21, 8, 9, 30), "status", "--json")
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.SkinCheck {
		t.Fatalf("status --json once answered: %s (%v)", out, err)
	}
	if code, _, errOut := st.run(st.at(21, 8, 9, 0), "skin", "cold"); code != ExitUsage || !strings.Contains(errOut, `skin "cold": want ok (still just cold or aching) or numb`) {
		t.Fatalf("skin cold: exit %d, %q", code, errOut)
	}
}

// Numb ends the ice phase now, is kept and shown in status and history;
// the second in a course brings section 9's advice, once.
func TestSkinNumbEndsTheIceAndAdvisesOnTheSecond(t *testing.T) {
	st := newSavedCourseTest(t)
	st.save(skinCourse(t, st))
	code, out, errOut := st.run(st.at(21, 8, 9, 0), "skin", "numb")
	if code != 0 || out != "skin numb or white: take the ice pack off now and let the skin warm up; rest until 08:29\n" {
		t.Fatalf("skin numb: exit %d, %q, %q", code, out, errOut)
	}
	c, err := st.store.Load()
	if err != nil || c.StateAt(st.at(21, 8, 10, 0)).Current.Cause != schedule.CauseNumb {
		t.Fatalf("saved %+v (%v)", c.Events, err)
	}
	if code, _, errOut := st.run(st.at(21, 8, 10, 0), "skin", "numb"); code != ExitFailure || errOut != "icetimer: no ice pack is on: it is rest now\n" {
		t.Fatalf("numb in rest: exit %d, %q", code, errOut)
	}
	_, out, _ = st.run(st.at(21, 8, 31, 0), "skin", "numb")
	if !strings.Contains(out, "The skin went numb twice") || !strings.Contains(out, "(from: Cold-therapy clinical practice pages") {
		t.Fatalf("the second numb: %q", out)
	}
	_, out, _ = st.run(st.at(21, 8, 40, 0), "status", "--json")
	var s document.Status
	if err := json.Unmarshal([]byte(out), &s); err != nil || len(s.Numb) != 2 || len(s.Advice) != 1 || s.Advice[0].Rule != "numb-twice" {
		t.Fatalf("status --json: %s (%v)", out, err)
	}
	_, out, _ = st.run(st.at(21, 8, 40, 0), "history", "--days", "1")
	if lines := strings.Split(out, "\n"); !strings.Contains(lines[0], "NUMB") || !strings.Contains(lines[1], "  2  ") {
		t.Fatalf("history:\n%s", out)
	}
}
