package cli

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// PainOptions are `icetimer pain`'s arguments, as typed.
type PainOptions struct {
	Env   *Env
	Score string
	// At is --at: "" for now, RFC 3339 or HH:MM today.
	At   string
	Note string
}

// NewCmdPain is `icetimer pain N [--at TIME] [--note TEXT]`.
func NewCmdPain(env *Env, runF func(*PainOptions) error) *cobra.Command {
	opts := &PainOptions{Env: env}
	run := runWith(runF, painRun)
	cmd := &cobra.Command{
		Use:   "pain N",
		Short: "Record pain from 0 to 10 for the running course (now, or --at a time within it)",
		Long: "pain records how bad the pain is, " + words.PainScale + ", with the running\n" +
			"course, for `icetimer report` and the advice the articles give. The timer screen\n" +
			"asks for it when a pack comes off; this records it any time. While another\n" +
			"icetimer drives the course, give it there (keys 0-9, p).\n\n" +
			"icetimer is a reminder timer: it never says what the pain means.\n" + words.RedFlags,
		Example: "  icetimer pain 6\n  icetimer pain 4 --at 14:30 --note \"after a short walk\"",
		Args:    args(cobra.ExactArgs(1)),
		RunE: func(_ *cobra.Command, a []string) error {
			opts.Score = a[0]
			return run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.At, "at", "", "when: RFC 3339 or HH:MM today, within the course (default now)")
	cmd.Flags().StringVar(&opts.Note, "note", "", fmt.Sprintf("a few words for the report (at most %d characters)", schedule.MaxNoteRunes))
	return cmd
}

func painRun(opts *PainOptions) error {
	env := opts.Env
	score, err := strconv.Atoi(opts.Score)
	if err != nil {
		return usagef("pain %q: want a whole number from 0 (none) to 10 (worst imaginable)", opts.Score)
	}
	if err := schedule.CheckPain(score, opts.Note); err != nil {
		return usagef("%v", err)
	}
	at := func(now time.Time) (time.Time, error) {
		if opts.At == "" {
			return now, nil
		}
		t, err := schedule.ParseInstant(opts.At, now)
		if err != nil {
			return t, usagef("--at: %v", err)
		}
		return schedule.EventInstant(t), nil
	}
	when, err := at(env.Clock.Now())
	if err != nil {
		return err // before looking for the course
	}
	a := schedule.Action{Verb: schedule.VerbPain, Score: score, Note: opts.Note}
	if opts.At != "" {
		a.At = when
	}
	said, err := env.act(a, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Out, said)
	return painAdvice(env, schedule.EventInstant(when))
}

// painAdvice prints the advice the score given for at calls for first,
// from the saved course and history, which now hold it.
func painAdvice(env *Env, at time.Time) error {
	s, err := env.readOnlyStore()
	if err != nil {
		return err
	}
	now := env.Clock.Now()
	c, err := s.Load()
	for _, g := range advice.NewAt(report.Given(s, now), at) {
		fmt.Fprintln(env.Out, words.AdviceLine(g.Rule))
		if st := c.StateAt(now); err == nil && g.Rule == advice.ColdNotHelping && c.Protocol.HasNextStage(st.Current.Stage) {
			fmt.Fprintln(env.Out, "To move on to "+words.KindName(c.Protocol.MainKind(st.Current.Stage+1))+" now: icetimer next-stage")
		}
	}
	return nil
}
