package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// CheckOptions are `icetimer check`'s flags.
type CheckOptions struct {
	Env *Env
	// Show prints the answers kept; Reset forgets them.
	Show, Reset bool
}

// NewCmdCheck is `icetimer check [--show|--reset]`.
func NewCmdCheck(env *Env, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{Env: env}
	run := runWith(runF, checkRun)
	cmd := &cobra.Command{
		Use:   "check",
		Short: "The one-time safety questions: five yes/no questions about cold and heat",
		Long: "check asks five yes/no questions about conditions that make cold or heat risky\n" +
			"(PROTOCOLS.md section 9), one key each: y or n; esc or ctrl+c leaves without\n" +
			"saving. The answers are kept in the state directory. A yes means: ask a clinician\n" +
			"before using that kind of pack, and its reminders carry a stronger safety line.\n" +
			"The answers never block a course. --show prints them; --reset forgets them.",
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return run(opts) },
	}
	cmd.Flags().BoolVar(&opts.Show, "show", false, "print the answers kept")
	cmd.Flags().BoolVar(&opts.Reset, "reset", false, "forget the answers")
	return cmd
}

func checkRun(opts *CheckOptions) error {
	env := opts.Env
	if opts.Show && opts.Reset {
		return usagef("--show and --reset: give one or the other")
	}
	dir, err := env.stateDir()
	if err != nil {
		return err
	}
	if opts.Show {
		return showAnswers(env.Out, store.ReadOnly(dir))
	}
	s, err := store.OpenDir(dir)
	if err != nil {
		return err
	}
	if opts.Reset {
		if err := s.ForgetSafety(); err != nil {
			return err
		}
		fmt.Fprintln(env.Out, words.CheckForgotten)
		return nil
	}
	restore, raw := rawInput(env.In)
	a, err := ask(env.Out, bufio.NewReader(env.In).ReadByte, raw)
	restore()
	switch {
	case errors.Is(err, errLeft):
		fmt.Fprintln(env.Out, words.CheckLeft)
		return nil
	case err != nil:
		return err
	}
	a.At = env.Clock.Now()
	if err := s.SaveSafety(a); err != nil {
		return err
	}
	if kinds := a.Cautions(); len(kinds) > 0 {
		fmt.Fprintln(env.Out, words.AskClinician(kinds))
		fmt.Fprintln(env.Out, words.CheckStronger(kinds))
		return nil
	}
	fmt.Fprintln(env.Out, words.CheckAllNo)
	return nil
}

// showAnswers prints the answers s keeps, or that there are none.
func showAnswers(w io.Writer, s *store.Store) error {
	a, err := s.SafetyAnswers()
	switch {
	case errors.Is(err, store.ErrNoAnswers):
		fmt.Fprintln(w, words.CheckNotYet)
		return nil
	case err != nil:
		return err
	}
	at := a.At.In(time.Local)
	fmt.Fprintf(w, "Safety answers given %s %s:\n", at.Format("Mon 2 Jan 2006"), words.Clock(at))
	for _, q := range safety.Questions {
		fmt.Fprintf(w, "  %-12s %s\n", words.SafetyAnswer(a, q.ID), words.SafetyTopic(q.ID))
	}
	if line := words.AskClinician(a.Cautions()); line != "" {
		fmt.Fprintln(w, line)
	}
	return nil
}

// errLeft says the person left the questions without answering them all.
var errLeft = errors.New("left without saving")

// ask asks every question in order, one key each, and gives the answers
// (At left for the caller); errLeft when the person leaves. raw says the
// terminal is in raw mode, where a line ends with "\r\n".
func ask(w io.Writer, keys func() (byte, error), raw bool) (safety.Answers, error) {
	nl := "\n"
	if raw {
		nl = "\r\n"
	}
	a := safety.Answers{Yes: map[safety.ID]bool{}}
	fmt.Fprint(w, words.CheckIntro+nl)
	for i, q := range safety.Questions {
		fmt.Fprintf(w, "%d/%d %s [y/n] ", i+1, len(safety.Questions), words.SafetyQuestion(q.ID))
		for {
			k, err := keys()
			if errors.Is(err, io.EOF) {
				fmt.Fprint(w, nl)
				return a, errLeft
			}
			if err != nil {
				return a, err
			}
			switch k {
			case 'y', 'Y', 'n', 'N':
				a.Yes[q.ID] = k == 'y' || k == 'Y'
				fmt.Fprint(w, words.SafetyAnswer(a, q.ID)+nl)
			case 0x1b, 0x03, 0x04: // esc, ctrl+c, ctrl+d
				fmt.Fprint(w, nl)
				return a, errLeft
			case '\r', '\n', ' ', '\t':
				continue
			default:
				fmt.Fprint(w, nl+words.CheckRetry+" ")
				continue
			}
			break
		}
	}
	return a, nil
}
