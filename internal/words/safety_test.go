package words

import (
	"testing"

	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/schedule"
)

func TestEverySafetyQuestionIsWorded(t *testing.T) {
	for _, q := range safety.Questions {
		if SafetyQuestion(q.ID) == "" || SafetyTopic(q.ID) == "" {
			t.Errorf("%s has no words", q.ID)
		}
	}
}

func TestAskClinicianNamesTheKinds(t *testing.T) {
	for kinds, want := range map[string]string{
		"":         "",
		"ice":      "Ask a clinician before using cold.",
		"ice heat": "Ask a clinician before using cold or heat.",
	} {
		var ks []schedule.Kind
		switch kinds {
		case "ice":
			ks = []schedule.Kind{schedule.Ice}
		case "ice heat":
			ks = []schedule.Kind{schedule.Ice, schedule.Heat}
		}
		if got := AskClinician(ks); got != want {
			t.Errorf("AskClinician(%s) = %q, want %q", kinds, got, want)
		}
	}
}
