package cli

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// PainOptions are `icetimer pain`'s arguments, as typed.
type PainOptions struct {
	Score string
	// At is --at: "" for now, RFC 3339 or HH:MM today.
	At   string
	Note string
	Out  io.Writer
}

// NewPainCmd is `icetimer pain N [--at TIME] [--note TEXT]`.
func NewPainCmd(env Env) *cobra.Command {
	var opts PainOptions
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
		RunE: func(cmd *cobra.Command, a []string) error {
			opts.Score, opts.Out = a[0], cmd.OutOrStdout()
			return painRun(env, opts)
		},
	}
	cmd.Flags().StringVar(&opts.At, "at", "", "when: RFC 3339 or HH:MM today, within the course (default now)")
	cmd.Flags().StringVar(&opts.Note, "note", "", fmt.Sprintf("a few words for the report (at most %d characters)", schedule.MaxNoteRunes))
	return cmd
}

func painRun(env Env, opts PainOptions) error {
	score, err := strconv.Atoi(opts.Score)
	if err != nil {
		return usagef("pain %q: want a whole number from 0 (none) to 10 (worst imaginable)", opts.Score)
	}
	if err := schedule.CheckPain(score, opts.Note); err != nil {
		return usagef("%v", err)
	}
	dir, err := env.dir()
	if err != nil {
		return err
	}
	var p schedule.PainScore
	c, err := session.Change(dir, session.Options{Clock: env.Clock}, func(c *schedule.Course, now time.Time) error {
		at := now
		if opts.At != "" {
			t, err := schedule.ParseInstant(opts.At, now)
			if err != nil {
				return usagef("--at: %v", err)
			}
			if t = schedule.EventInstant(t); t.Before(c.Start) || t.After(now) {
				return usagef("--at %s: want a time within the course, from %s to now", opts.At, words.Clock(c.Start.In(now.Location())))
			}
			at = t
		}
		p = schedule.PainScore{At: at, Score: score, Note: opts.Note}
		c.Pain = append(c.Pain, p)
		return nil
	})
	if err != nil {
		return changeErr(err, "give the score")
	}
	fmt.Fprintf(opts.Out, "pain %d recorded at %s\n", score, words.Clock(p.At.In(time.Local)))
	for _, g := range advice.NewAt(report.Given(store.ReadOnly(dir), env.Clock.Now()), p.At) {
		fmt.Fprintln(opts.Out, words.AdviceLine(g.Rule))
		if st := c.StateAt(env.Clock.Now()); g.Rule == advice.ColdNotHelping && c.Protocol.HasNextStage(st.Current.Stage) {
			fmt.Fprintln(opts.Out, "To move on to "+words.KindName(c.Protocol.MainKind(st.Current.Stage+1))+" now: icetimer next-stage")
		}
	}
	return nil
}
