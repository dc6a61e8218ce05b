package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// StatusOptions are `icetimer status`'s flags.
type StatusOptions struct {
	Env  *Env
	JSON bool
	// Format is text, json, waybar or i3blocks; "" is text (json with
	// --json).
	Format string
	// Follow prints a line at every change and every minute until the
	// course ends or the output closes.
	Follow bool
}

// statusFormats are --format's choices.
var statusFormats = []string{"text", "json", "waybar", "i3blocks"}

// NewCmdStatus is `icetimer status [--json] [--format FORMAT] [--follow]`.
func NewCmdStatus(env *Env, runF func(*StatusOptions) error) *cobra.Command {
	opts := &StatusOptions{Env: env}
	run := runWith(runF, statusRun)
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Print the saved course now, in one line (exit 3 when there is none)",
		Long: "status prints what the saved course says now, in one line fit for a tmux status\n" +
			"bar or a shell prompt. It only reads: it works while another icetimer drives the\n" +
			"course. Exit status 3 when there is no saved course.\n\n" +
			"--follow prints again at every change and every minute, for a status bar that\n" +
			"reads a stream (waybar, i3blocks' persist): from the process that drives the\n" +
			"course as soon as it changes, else from the saved course. It ends with the course\n" +
			"or when its output closes. --format waybar prints waybar's JSON (class alert while\n" +
			"a reminder waits for 'icetimer ack'), --format i3blocks three lines: the full\n" +
			"text, the short text and a colour.",
		Example: `  icetimer status
  tmux: set -g status-right '#(icetimer status 2>/dev/null)'
  icetimer status --follow --format waybar`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return run(opts) },
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON (the same as --format json)")
	cmd.Flags().StringVar(&opts.Format, "format", "", "text, json, waybar or i3blocks (default text)")
	cmd.Flags().BoolVar(&opts.Follow, "follow", false, "print again at every change and every minute")
	return cmd
}

func statusRun(opts *StatusOptions) error {
	env := opts.Env
	write, err := statusWriter(opts)
	if err != nil {
		return err
	}
	s, err := env.readOnlyStore()
	if err != nil {
		return err
	}
	c, err := s.Load()
	if errors.Is(err, store.ErrNoCourse) {
		return errNoCourse // exit 3 (docs: CLI.md)
	} else if err != nil {
		return err
	}
	if opts.Follow {
		return follow(env, s, c, write)
	}
	return write(c, c.StateAt(env.Clock.Now()))
}

// statusWriter is the function that prints the course in the format asked
// for.
func statusWriter(opts *StatusOptions) (func(schedule.Course, schedule.State) error, error) {
	format := opts.Format
	switch {
	case opts.JSON && format != "" && format != "json":
		return nil, usagef("--json and --format %s: give one of them", format)
	case opts.JSON:
		format = "json"
	case format == "":
		format = "text"
	}
	env := opts.Env
	switch format {
	case "text":
		return func(_ schedule.Course, st schedule.State) error {
			_, err := fmt.Fprintln(env.Out, words.Status(st))
			return err
		}, nil
	case "json":
		return func(c schedule.Course, st schedule.State) error {
			doc := document.StatusOf(c, st, statusAdvice(env, st.Now), time.Local)
			if opts.Follow {
				return json.NewEncoder(env.Out).Encode(doc) // one object a line
			}
			return document.Write(env.Out, doc)
		}, nil
	case "waybar":
		return func(c schedule.Course, st schedule.State) error { return document.WriteWaybar(env.Out, c, st) }, nil
	case "i3blocks":
		return func(c schedule.Course, st schedule.State) error { return document.WriteI3blocks(env.Out, c, st) }, nil
	}
	return nil, usagef("--format %q: want %s", format, strings.Join(statusFormats, ", "))
}

// statusAdvice is the advice given so far, for `status --json`: none when
// history cannot be read.
func statusAdvice(env *Env, now time.Time) []advice.Given {
	s, err := env.readOnlyStore()
	if err != nil {
		return nil
	}
	return report.Given(s, now)
}
