package words

import (
	"strings"

	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/schedule"
)

// safetyQuestions are the questions of the one-time safety check (package
// safety, PROTOCOLS.md section 9), each as it is asked and as a short topic
// for the report's list of answers.
var safetyQuestions = map[safety.ID]struct{ ask, topic string }{
	safety.Raynaud: {"Do your fingers or toes turn white or blue in the cold (Raynaud's)?",
		"Fingers or toes white or blue in the cold (Raynaud's)"},
	safety.ColdUrticaria: {"Does cold bring you out in hives or swelling, or give you another reaction?",
		"Hives, swelling or another reaction to cold"},
	safety.ReducedSensation: {"Does the skin where the pack goes feel less than it should (numbness, neuropathy)?",
		"Less feeling in the skin (numbness, neuropathy)"},
	safety.DiabetesOrPoorCirculation: {"Do you have diabetes or poor circulation?",
		"Diabetes or poor circulation"},
	safety.BrokenSkin: {"Is there a wound, broken skin or a rash where the pack goes?",
		"Wound, broken skin or rash where the pack goes"},
}

// SafetyQuestion is question id as `icetimer check` asks it.
func SafetyQuestion(id safety.ID) string { return safetyQuestions[id].ask }

// SafetyTopic is question id in a few words, for a list of the answers.
func SafetyTopic(id safety.ID) string { return safetyQuestions[id].topic }

// AskClinician is the one line a yes to a safety question brings, naming
// the kinds of pack it concerns: "Ask a clinician before using cold or
// heat." Empty for no kinds.
func AskClinician(kinds []schedule.Kind) string {
	if len(kinds) == 0 {
		return ""
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = map[schedule.Kind]string{schedule.Ice: "cold", schedule.Heat: "heat"}[k]
	}
	return "Ask a clinician before using " + strings.Join(names, " or ") + "."
}

// HeatTwoWeeks is section 9's line after HeatDays days in a row with heat.
const HeatTwoWeeks = "Heat every day for two weeks: look for a net-like, blotchy rash where the pack goes, " +
	"and see a clinician if the pain goes on."
