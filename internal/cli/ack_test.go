package cli

import (
	"strings"
	"testing"

	"github.com/icetimer/icetimer/internal/schedule"
)

func TestAckRecordsTheAcknowledgement(t *testing.T) {
	st := newSavedCourseTest(t)
	if code, _, _ := st.run(st.at(21, 8, 0, 0), "ack"); code != ExitNoCourse {
		t.Fatalf("ack with no course: exit %d, want 3", code)
	}
	st.save(presetCourse(t, "ice-20-20", st.at(21, 8, 0, 0), false))
	// Nothing waits: it says so, with exit status 1 (issue 21).
	if code, out, errOut := st.run(st.at(21, 8, 10, 0), "ack"); code != ExitFailure || out != "" || !strings.Contains(errOut, "no reminder is waiting") {
		t.Fatalf("ack with the pack on: exit %d, %q, %q", code, out, errOut)
	}
	if code, out, _ := st.run(st.at(21, 8, 22, 0), "status", "--json"); code != 0 || !strings.Contains(out, `"repeating": true`) {
		t.Fatalf("status --json while the reminder waits: %q", out)
	}
	if code, out, _ := st.run(st.at(21, 8, 23, 0), "ack"); code != 0 || out != "acknowledged: rest until 08:40\n" {
		t.Fatalf("ack after the pack came off: exit %d, %q", code, out)
	}
	c, err := st.store.Load()
	if err != nil || len(c.Events) != 1 || c.Events[0].Type != schedule.Ack || !c.Events[0].At.Equal(st.at(21, 8, 23, 0)) {
		t.Fatalf("saved events %+v, %v; want one ack at 08:23", c.Events, err)
	}
	if _, out, _ := st.run(st.at(21, 8, 24, 0), "status", "--json"); !strings.Contains(out, `"repeating": false`) {
		t.Fatalf("status --json after the ack: %q", out)
	}
}
