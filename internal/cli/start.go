package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/ui"
	"github.com/icetimer/icetimer/internal/words"
)

// StartOptions are `icetimer start`'s arguments, as typed.
type StartOptions struct {
	Env     *Env
	Args    []string // the preset, if given
	Flags   CourseFlags
	Replace bool
	// Plain shows the course as lines, for screen readers and small
	// terminals (--plain).
	Plain bool
}

// NewCmdStart is `icetimer start PRESET|--cycle SPEC`.
func NewCmdStart(env *Env, runF func(*StartOptions) error) *cobra.Command {
	opts := &StartOptions{Env: env}
	run := runWith(runF, startRun)
	cmd := &cobra.Command{
		Use:   "start PRESET|--cycle SPEC",
		Short: "Start a course now and open the timer screen",
		Long: "start begins a course now and opens the timer screen. A course that is still\n" +
			"running is only replaced with --replace; it then goes to history.",
		Example: `  icetimer start ice-then-heat --window 60h
  icetimer start --cycle "ice 20m, rest 20m" --window 48h --then "heat 20m, rest 20m" --quiet off`,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Args = args
			return run(opts)
		},
	}
	opts.Flags.register(cmd, env)
	opts.Flags.registerReminders(cmd)
	cmd.Flags().BoolVar(&opts.Replace, "replace", false, "replace a course that is still running")
	cmd.Flags().BoolVar(&opts.Plain, "plain", false, "lines instead of the screen, for screen readers and small terminals: one per change, per key and per minute of a phase's last five")
	return cmd
}

func startRun(opts *StartOptions) error {
	env := opts.Env
	course, err := opts.Flags.course(opts.Args, time.Time{}, env.Settings)
	if err != nil {
		return err
	}
	how, err := opts.Flags.drive(&env.Settings)
	if err != nil {
		return err
	}
	if err := needTerminal(env); err != nil {
		return err
	}
	s, err := env.openDriver(how)
	if err != nil {
		return err
	}
	defer s.Close()
	if running, ok := s.Running(); ok && !opts.Replace {
		return usagef("a course is running (%s): 'icetimer' shows it; 'icetimer start --replace ...' replaces it", words.CourseName(running, s.Now()))
	}
	course.Start = s.EventTime() // once the lock is held
	if err := s.Start(course); err != nil {
		return err
	}
	// Its first phase is announced, as the picker and `run` do.
	if opts.Plain {
		return runPlain(env, s, course, course.Start, how)
	}
	return runScreen(env, ui.NewTimer(course, ui.WithSession(s), ui.WithSince(course.Start), ui.WithReminders(how.Repeat, how.Sound), ui.WithVoice(how.Voice),
		ui.WithKeepAwake(env.Settings.KeepAwake)))
}
