package document

import (
	"time"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// Status is what `status --json` prints. EndsAt and NextKind are null once
// the course is done; StageEndsAt is null when the stage runs until
// stopped. While paused, EndsAt is when the phase would end if resumed now.
type Status struct {
	Preset           string         `json:"preset"`
	Kind             schedule.Kind  `json:"kind"`
	Paused           bool           `json:"paused"`
	RemainingSeconds int64          `json:"remaining_seconds"`
	EndsAt           *string        `json:"ends_at"`
	NextKind         *schedule.Kind `json:"next_kind"`
	Stage            int            `json:"stage"`
	StageEndsAt      *string        `json:"stage_ends_at"`
	StartedAt        string         `json:"started_at"`
	// Repeating says a reminder waits for `icetimer ack`: a "remove the
	// pack" one, or a put-on asking "Is it on?".
	Repeating bool `json:"repeating"`
	// Pain is the latest check-in's score, or null.
	Pain *int `json:"pain"`
	// Advice is what the check-ins have called for so far, each once.
	Advice []AdviceItem `json:"advice"`
	// SkinCheck says the skin check waits for its answer (`icetimer skin
	// ok|numb`); Numb is when this course's skin went numb (PROTOCOLS.md
	// section 9).
	SkinCheck bool     `json:"skin_check"`
	Numb      []string `json:"numb"`
}

// AdviceItem is one piece of the articles' advice and why it was given.
type AdviceItem struct {
	// Rule is the stable name of the rule (package advice).
	Rule advice.Rule `json:"rule"`
	Text string      `json:"text"`
	// Source is the article's title.
	Source string `json:"source"`
	// At is the check-in that called for it.
	At string `json:"at"`
}

// AdviceOf is the advice given, as the documents list it.
func AdviceOf(given []advice.Given, loc *time.Location) []AdviceItem {
	out := []AdviceItem{}
	for _, g := range given {
		out = append(out, AdviceItem{Rule: g.Rule, Text: words.Advice(g.Rule), Source: words.AdviceSource(g.Rule), At: *instant(g.At, loc)})
	}
	return out
}

// StatusOf is course c at state st, clock times in loc; given is the
// advice its check-ins (with history's) called for (advice.For).
func StatusOf(c schedule.Course, st schedule.State, given []advice.Given, loc *time.Location) Status {
	out := Status{
		Preset:           c.Preset,
		Kind:             st.Current.Kind,
		Paused:           st.Paused,
		RemainingSeconds: words.SecondsLeft(st.Remaining),
		EndsAt:           instant(st.Current.End, loc),
		Stage:            st.Current.Stage + 1,
		StageEndsAt:      instant(st.StageEnds, loc),
		StartedAt:        *instant(c.Start, loc),
	}
	_, out.Repeating = c.Waiting(st.Now)
	if p, ok := c.LastPain(); ok {
		out.Pain = &p.Score
	}
	out.Advice = AdviceOf(given, loc)
	out.SkinCheck = !st.SkinCheck.IsZero()
	out.Numb = InstantsOf(c.NumbAt(), loc)
	if st.Next.Kind != "" {
		next := st.Next.Kind
		out.NextKind = &next
	}
	return out
}
