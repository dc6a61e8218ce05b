package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// check asks the five questions in order, one key each; a yes to
// Raynaud's asks for a clinician's word on cold and keeps the answers,
// which --show prints and --reset forgets.
func TestCheckAsksKeepsShowsAndForgets(t *testing.T) {
	st := newSavedCourseTest(t)
	now := st.at(21, 8, 0, 0)
	if code, out, _ := st.run(now, "check", "--show"); code != 0 || out != "Safety questions: not answered yet ('icetimer check' asks them).\n" {
		t.Fatalf("check --show before: exit %d, %q", code, out)
	}
	st.env.In = strings.NewReader("y\nx\nn\nn\nN\nn\n")
	code, out, errOut := st.run(now, "check")
	if code != 0 || errOut != "" {
		t.Fatalf("check: exit %d, %q, %q", code, out, errOut)
	}
	for i, q := range safety.Questions {
		if !strings.Contains(out, fmt.Sprintf("%d/5 %s [y/n] ", i+1, words.SafetyQuestion(q.ID))) {
			t.Errorf("check did not ask question %d: %q", i+1, out)
		}
	}
	if !strings.Contains(out, "Press y or n (esc leaves without saving).") ||
		!strings.HasSuffix(out, "Ask a clinician before using cold.\nFrom now on the ice reminders carry a stronger safety line. A course is never blocked.\n") {
		t.Fatalf("check said %q", out)
	}
	a, err := st.store.SafetyAnswers()
	if err != nil || !a.At.Equal(now) || len(a.Yes) != 5 || !a.Yes[safety.Raynaud] || a.AnyYes() != true || a.CautionFor("heat") {
		t.Fatalf("kept %+v (%v)", a, err)
	}
	code, out, _ = st.run(now, "check", "--show")
	if code != 0 || !strings.HasPrefix(out, "Safety answers given Sat 21 Nov 2026 08:00:\n  yes          Fingers or toes") || !strings.HasSuffix(out, "Ask a clinician before using cold.\n") {
		t.Fatalf("check --show: exit %d, %q", code, out)
	}
	if code, out, _ := st.run(now, "check", "--reset"); code != 0 || out != "Safety answers forgotten: 'icetimer check' asks them again.\n" {
		t.Fatalf("check --reset: exit %d, %q", code, out)
	}
	if _, err := st.store.SafetyAnswers(); !errors.Is(err, store.ErrNoAnswers) {
		t.Fatalf("after --reset: %v", err)
	}
	if code, _, errOut := st.run(now, "check", "--show", "--reset"); code != ExitUsage || !strings.Contains(errOut, "show") {
		t.Fatalf("--show --reset: exit %d, %q", code, errOut)
	}
}

// esc, ctrl+c or the end of the input leaves without saving; all no says
// the usual lines apply.
func TestCheckLeavesWithoutSavingOrSaysAllNo(t *testing.T) {
	for name, in := range map[string]string{"esc": "n\x1b", "ctrl+c": "y\x03", "end of input": "y\nn\n"} {
		st := newSavedCourseTest(t)
		st.env.In = strings.NewReader(in)
		code, out, _ := st.run(st.at(21, 8, 0, 0), "check")
		if code != 0 || !strings.HasSuffix(out, "Left without saving: nothing was kept.\n") {
			t.Errorf("%s: exit %d, %q", name, code, out)
		}
		if _, err := st.store.SafetyAnswers(); !errors.Is(err, store.ErrNoAnswers) {
			t.Errorf("%s kept answers: %v", name, err)
		}
	}
	st := newSavedCourseTest(t)
	st.env.In = strings.NewReader("nnnnn")
	if code, out, _ := st.run(st.at(21, 8, 0, 0), "check"); code != 0 || !strings.HasSuffix(out, "No to every question: the usual safety lines apply.\n") {
		t.Fatalf("all no: exit %d, %q", code, out)
	}
}
