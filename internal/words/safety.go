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

// strongSafety is the safety line a reminder of a kind of pack carries
// once a safety answer cautions that kind (safety.Answers.CautionFor),
// instead of the usual one: the clinician first, then closer care.
var strongSafety = map[schedule.Kind]string{
	schedule.Ice: "Your safety answers call for care with cold: ask a clinician before using it, " +
		"check the skin every 5 minutes and take the pack off at once if it goes numb or white.",
	schedule.Heat: "Your safety answers call for care with heat: ask a clinician before using it, " +
		"keep to the lowest setting, check the skin often and never sleep with it on.",
}

// Cautioned is reminder r for a person whose safety answers are a: a
// reminder that puts on or takes off a pack of a kind they caution carries
// the stronger safety line in place of its usual one (PROTOCOLS.md section
// 9). Other reminders come back as they are.
func Cautioned(r Reminder, a safety.Answers) Reminder {
	kind := r.To
	if !kind.IsOn() {
		kind = r.From
	}
	if !kind.IsOn() || !a.CautionFor(kind) {
		return r
	}
	body := strings.TrimSuffix(strings.TrimSuffix(r.Body, r.safety), " ")
	r.safety = strongSafety[kind]
	r.Body = strings.TrimPrefix(body+" "+r.safety, " ")
	return r
}

// SkinCheck is the screen's line while the skin check waits for its
// answer (PROTOCOLS.md section 9).
const SkinCheck = "Skin check: still just cold or aching? k fine, n numb or white"

// SkinNumb is what the screen and `icetimer skin numb` say when the answer
// ends the ice phase.
const SkinNumb = "Skin numb or white: take the ice pack off now and let the skin warm up."

// CheckFailed is the picker's line when the safety questions it offered
// could not be asked.
func CheckFailed(err error) string {
	return "The safety questions could not be asked (" + err.Error() + "): run icetimer check."
}

// SafetyOffer is the picker's line before the first course, while the
// safety questions have not been answered.
const SafetyOffer = "First time? c asks five safety questions (icetimer check), once; any key else skips."

// SafetyAnswer is the answer to question id in a: "yes", "no" or "not
// answered".
func SafetyAnswer(a safety.Answers, id safety.ID) string {
	switch yes, answered := a.Answer(id); {
	case !answered:
		return "not answered"
	case yes:
		return "yes"
	}
	return "no"
}

// What `icetimer check` says.
const (
	CheckIntro     = "Five questions about conditions that make cold or heat risky. Press y or n; esc leaves without saving."
	CheckRetry     = "Press y or n (esc leaves without saving)."
	CheckLeft      = "Left without saving: nothing was kept."
	CheckAllNo     = "No to every question: the usual safety lines apply."
	CheckNotYet    = "Safety questions: not answered yet ('icetimer check' asks them)."
	CheckForgotten = "Safety answers forgotten: 'icetimer check' asks them again."
)

// CheckStronger says which reminders carry the stronger safety line after
// a yes that cautions kinds (at least one).
func CheckStronger(kinds []schedule.Kind) string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return "From now on the " + strings.Join(names, " and ") + " reminders carry a stronger safety line. A course is never blocked."
}
