package cli

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/schedule"
)

func TestPainIsRecordedWithTheCourseAndInStatus(t *testing.T) {
	st := newSavedCourseTest(t)
	st.save(presetCourse(t, "ice-then-heat", st.at(21, 8, 0, 0), true))
	if code, out, errOut := st.run(st.at(21, 8, 21, 0), "pain", "6", "--note", "low back, left"); code != 0 || out != "pain 6 recorded at 08:21\n" {
		t.Fatalf("pain 6: exit %d, %q, %q", code, out, errOut)
	}
	if code, out, errOut := st.run(st.at(21, 11, 30, 0), "pain", "9", "--at", "11:05"); code != 0 || !strings.Contains(out, "at 11:05\n") ||
		!strings.Contains(out, "Still severe after a few hours") || !strings.Contains(out, "(from: Back Spasm Relief)") {
		t.Fatalf("pain 9 --at 11:05: exit %d, %q, %q", code, out, errOut)
	}
	c, err := st.store.Load()
	if err != nil || len(c.Pain) != 2 || c.Pain[0].Note != "low back, left" || !c.Pain[1].At.Equal(st.at(21, 11, 5, 0)) {
		t.Fatalf("saved pain %+v (%v)", c.Pain, err)
	}
	_, out, _ := st.run(st.at(21, 11, 31, 0), "status", "--json")
	var s document.Status
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.Pain == nil || *s.Pain != 9 || len(s.Advice) != 1 || s.Advice[0].Rule != "still-severe" {
		t.Fatalf("status --json: %s (%v)", out, err)
	}
}

func TestPainRefusesBadInput(t *testing.T) {
	st := newSavedCourseTest(t)
	now := st.at(21, 9, 0, 0)
	if code, _, errOut := st.run(now, "pain", "5"); code != ExitNoCourse || !strings.Contains(errOut, "no saved course") {
		t.Fatalf("no course: exit %d, %q", code, errOut)
	}
	st.save(presetCourse(t, "ice-20-20", st.at(21, 8, 0, 0), true))
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"pain", "11"}, "from 0 (none) to 10"},
		{[]string{"pain", "-1"}, "unknown shorthand"},
		{[]string{"pain", "six"}, `pain "six": want a whole number`},
		{[]string{"pain"}, "accepts 1 arg"},
		{[]string{"pain", "5", "--note", "a\x1b[2Jb"}, "control character"},
		{[]string{"pain", "5", "--note", strings.Repeat("x", 201)}, "at most 200"},
		{[]string{"pain", "5", "--at", "07:59"}, "within the course, from 08:00 to now"},
		{[]string{"pain", "5", "--at", "09:01"}, "within the course"},
		{[]string{"pain", "5", "--at", "tea time"}, "--at"},
	} {
		code, out, errOut := st.run(now, tt.args...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, tt.says) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%q: exit %d, %q, %q; want 2 saying %q", tt.args, code, out, errOut, tt.says)
		}
	}
	if c, err := st.store.Load(); err != nil || len(c.Pain) != 0 {
		t.Fatalf("bad input recorded %+v (%v)", c.Pain, err)
	}
}

// While another process drives the course, pain and next-stage refuse and
// name it: the driver's next save would drop what they wrote.
func TestPainAndNextStageRefuseWhileDriven(t *testing.T) {
	st := newSavedCourseTest(t)
	st.save(presetCourse(t, "ice-then-heat", st.at(21, 8, 0, 0), true))
	release, err := st.store.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	for _, args := range [][]string{{"pain", "5"}, {"next-stage"}} {
		code, _, errOut := st.run(st.at(21, 9, 0, 0), args...)
		if code != ExitFailure || !strings.Contains(errOut, "process "+strconv.Itoa(os.Getpid())) || !strings.Contains(errOut, "there, or quit it first") {
			t.Fatalf("%v while locked: exit %d, %q", args, code, errOut)
		}
	}
}

func TestNextStageMovesOnAndRefusesInTheLastStage(t *testing.T) {
	st := newSavedCourseTest(t)
	st.save(presetCourse(t, "ice-then-heat", st.at(21, 8, 0, 0), true))
	code, out, errOut := st.run(st.at(21, 8, 30, 0), "next-stage")
	if code != 0 || !strings.HasPrefix(out, "stage 2: ") {
		t.Fatalf("next-stage: exit %d, %q, %q", code, out, errOut)
	}
	c, _ := st.store.Load()
	if s := c.StateAt(st.at(21, 8, 30, 0)); s.Current.Kind != schedule.Heat || s.Current.Stage != 1 {
		t.Fatalf("after next-stage: %+v", s.Current)
	}
	if code, _, errOut := st.run(st.at(21, 8, 31, 0), "next-stage"); code != ExitFailure || !strings.Contains(errOut, "last stage") {
		t.Fatalf("second next-stage: exit %d, %q", code, errOut)
	}
}

func TestReportCommand(t *testing.T) {
	st := newSavedCourseTest(t)
	c := presetCourse(t, "ice-20-20", st.at(21, 8, 0, 0), true)
	c.Pain = []schedule.PainScore{{At: st.at(21, 8, 0, 0), Score: 6}, {At: st.at(21, 8, 21, 0), Score: 4}}
	st.save(c)
	code, out, errOut := st.run(st.at(21, 9, 0, 0), "report", "--days", "2")
	if code != 0 || !strings.Contains(out, "| Sat 21 Nov | 2 times, 40 min in all |") || !strings.Contains(out, "6 4 (easing)") || !strings.Contains(out, "Urgent signs") {
		t.Fatalf("report: exit %d, %q, %q", code, out, errOut)
	}
	code, out, _ = st.run(st.at(21, 9, 0, 0), "report", "--format", "json")
	var r document.Report
	if err := json.Unmarshal([]byte(out), &r); code != 0 || err != nil || len(r.Days) != 7 || r.Trend != "easing" || len(r.Advice) != 1 {
		t.Fatalf("report --format json: exit %d, %v, %s", code, err, out)
	}
	for _, args := range [][]string{{"report", "--days", "0"}, {"report", "--format", "pdf"}} {
		if code, _, errOut := st.run(st.at(21, 9, 0, 0), args...); code != ExitUsage || !strings.Contains(errOut, "want") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}
