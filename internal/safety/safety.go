// Package safety is the one-time safety check of PROTOCOLS.md section 9:
// five yes/no questions about conditions that make cold or heat risky, and
// the answers a person gave. A yes never blocks a course; it asks for a
// clinician's word and a stronger safety line on reminders of the kinds it
// concerns. The words a person reads are in package words; the answers are
// kept by package store.
package safety

import (
	"slices"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// ID names one question. The ids are stable: the answers file and the
// documents carry them.
type ID string

// The questions, in the order of section 9's list.
const (
	// Raynaud: fingers or toes that turn white or blue in the cold.
	Raynaud ID = "raynaud"
	// ColdUrticaria: hives, swelling or another reaction to cold (cold
	// urticaria; section 9's cryoglobulinaemia is a reaction to cold too,
	// asked here rather than by a name few people know).
	ColdUrticaria ID = "cold-urticaria"
	// ReducedSensation: skin that feels less than it should (neuropathy):
	// a numb skin cannot tell when a pack burns or freezes it.
	ReducedSensation ID = "reduced-sensation"
	// DiabetesOrPoorCirculation: diabetes or poor circulation, with which
	// cold and heat both harm the skin sooner (Nadler 2004).
	DiabetesOrPoorCirculation ID = "diabetes-or-poor-circulation"
	// BrokenSkin: a wound, broken skin or a rash where the pack goes: on
	// every cold and heat contraindication list, and the one section 9's
	// conditions leave out.
	BrokenSkin ID = "broken-skin"
)

// Question is one question of the check: its id and the kinds of pack a
// yes to it is a caution for.
type Question struct {
	ID    ID
	Kinds []schedule.Kind
}

// Questions is every question, in the order they are asked.
var Questions = []Question{
	{Raynaud, []schedule.Kind{schedule.Ice}},
	{ColdUrticaria, []schedule.Kind{schedule.Ice}},
	{ReducedSensation, []schedule.Kind{schedule.Ice, schedule.Heat}},
	{DiabetesOrPoorCirculation, []schedule.Kind{schedule.Ice, schedule.Heat}},
	{BrokenSkin, []schedule.Kind{schedule.Ice, schedule.Heat}},
}

// Answers is what a person answered, once: yes (true) or no (false) for
// each question they answered. The zero Answers is a check never taken.
type Answers struct {
	// At is when the questions were answered.
	At time.Time
	// Yes holds the answer to each question by its id; a question missing
	// from it was not answered (a check cut short, or a question added
	// after the person took it).
	Yes map[ID]bool
}

// Taken reports whether the check was taken at all.
func (a Answers) Taken() bool { return !a.At.IsZero() }

// Answer is the answer to question id: yes, and whether it was answered.
func (a Answers) Answer(id ID) (yes, answered bool) {
	yes, answered = a.Yes[id]
	return yes, answered
}

// AnyYes reports whether any question was answered yes: then the person
// is told once to ask a clinician before using cold or heat.
func (a Answers) AnyYes() bool { return len(a.Cautions()) > 0 }

// Cautions is the kinds of pack, ice before heat, that a yes calls for a
// clinician's word on: "ask a clinician before using cold/heat".
func (a Answers) Cautions() []schedule.Kind {
	var out []schedule.Kind
	for _, k := range []schedule.Kind{schedule.Ice, schedule.Heat} {
		if a.CautionFor(k) {
			out = append(out, k)
		}
	}
	return out
}

// CautionFor reports whether a yes concerns packs of kind k: the reminders
// of that kind then carry the stronger safety line.
func (a Answers) CautionFor(k schedule.Kind) bool {
	for _, q := range Questions {
		if a.Yes[q.ID] && slices.Contains(q.Kinds, k) {
			return true
		}
	}
	return false
}

// Known reports whether id is one of the questions: the answers file may
// hold ids of a newer icetimer's questions, which this one leaves out.
func Known(id ID) bool {
	return slices.ContainsFunc(Questions, func(q Question) bool { return q.ID == id })
}
