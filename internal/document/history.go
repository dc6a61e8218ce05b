package document

import (
	"time"

	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/schedule"
)

// History is what `history --json` prints: one entry per local day, oldest
// first.
type History struct {
	Days []HistoryDay `json:"days"`
}

// HistoryDay is one day's applications and courses.
type HistoryDay struct {
	Date        string `json:"date"`
	IceCount    int    `json:"ice_count"`
	IceSeconds  int64  `json:"ice_seconds"`
	HeatCount   int    `json:"heat_count"`
	HeatSeconds int64  `json:"heat_seconds"`
	Started     int    `json:"started"`
	Finished    int    `json:"finished"`
	// Pain is the day's check-ins, in order.
	Pain []PainPoint `json:"pain"`
	// Removals counts the day's "remove the pack" reminders; LateRemovals
	// is those acknowledged more than 2 minutes after the reminder,
	// Unanswered those never acknowledged before the next change.
	Removals     int           `json:"removals"`
	LateRemovals []LateRemoval `json:"late_removals"`
	Unanswered   int           `json:"unanswered_removals"`
	// HeatDaysInARow is how many days in a row, this one included, had
	// heat, counted up to 14: at 14 the skin may mark (PROTOCOLS.md
	// section 9).
	HeatDaysInARow int `json:"heat_days_in_a_row"`
	// Numb is when the skin went numb under ice (a skin check answered
	// "numb"); UnconfirmedPutOns the put-on reminders whose "Is it on?"
	// was never answered (the phase ran as planned). PROTOCOLS.md section 9.
	Numb              []string   `json:"numb"`
	UnconfirmedPutOns []PutOnDoc `json:"unconfirmed_put_ons"`
}

// PutOnDoc is a reminder to put a pack on.
type PutOnDoc struct {
	At   string        `json:"at"`
	Kind schedule.Kind `json:"kind"`
}

// PainPoint is one check-in.
type PainPoint struct {
	At    string `json:"at"`
	Score int    `json:"score"`
	Note  string `json:"note,omitempty"`
}

// LateRemoval is a reminder to take a pack off that was acknowledged late.
type LateRemoval struct {
	At   string        `json:"at"`
	Kind schedule.Kind `json:"kind"`
	// LateSeconds is the time from the reminder to the acknowledgement.
	LateSeconds int64 `json:"late_seconds"`
}

// HistoryOf is the figures of report.Days.
func HistoryOf(figures []report.Day) History {
	out := History{Days: []HistoryDay{}}
	for _, f := range figures {
		out.Days = append(out.Days, HistoryDay{
			Date:     f.Day.Format(time.DateOnly),
			IceCount: f.Ice.Count, IceSeconds: *seconds(f.Ice.Time),
			HeatCount: f.Heat.Count, HeatSeconds: *seconds(f.Heat.Time),
			Started: f.Started, Finished: f.Finished,
			Pain: PainOf(f.Pain, f.Day.Location()), Removals: f.Removals, LateRemovals: latesOf(f.Late, f.Day.Location()), Unanswered: f.Unanswered,
			HeatDaysInARow: f.HeatInARow, Numb: InstantsOf(f.Numb, f.Day.Location()), UnconfirmedPutOns: putOnsOf(f.Unconfirmed, f.Day.Location()),
		})
	}
	return out
}

// PainOf is check-ins as the documents list them, instants in loc.
func PainOf(scores []schedule.PainScore, loc *time.Location) []PainPoint {
	out := []PainPoint{}
	for _, p := range scores {
		out = append(out, PainPoint{At: *instant(p.At, loc), Score: p.Score, Note: p.Note})
	}
	return out
}

func latesOf(late []remind.Removal, loc *time.Location) []LateRemoval {
	out := []LateRemoval{}
	for _, r := range late {
		out = append(out, LateRemoval{At: *instant(r.At, loc), Kind: r.Kind, LateSeconds: *seconds(r.Answered.Sub(r.At))})
	}
	return out
}

// InstantsOf is instants as the documents list them, in loc.
func InstantsOf(ts []time.Time, loc *time.Location) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, *instant(t, loc))
	}
	return out
}

func putOnsOf(puts []report.PutOn, loc *time.Location) []PutOnDoc {
	out := []PutOnDoc{}
	for _, p := range puts {
		out = append(out, PutOnDoc{At: *instant(p.At, loc), Kind: p.Kind})
	}
	return out
}
