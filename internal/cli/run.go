package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/background"
	"github.com/icetimer/icetimer/internal/runner"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui"
	"github.com/icetimer/icetimer/internal/words"
)

// RunOptions are `icetimer run`'s arguments, as typed.
type RunOptions struct {
	Env   *Env
	Args  []string // the preset, if given
	Flags CourseFlags
	// Context ends the run (with the signals that end it too).
	Context context.Context
	// HandedOver is why a screen handed the course to this run (hidden
	// --handed-over), said in the first line of the run log; "" otherwise.
	HandedOver string
	// HandedCourse is the file holding the course as that screen drove it,
	// when its last changes could not be saved (hidden --handed-course).
	HandedCourse string
}

// NewCmdRun is `icetimer run [PRESET|--cycle SPEC]`.
func NewCmdRun(env *Env, runF func(*RunOptions) error) *cobra.Command {
	opts := &RunOptions{Env: env}
	run := runWith(runF, runRun)
	cmd := &cobra.Command{
		Use:   "run [PRESET|--cycle SPEC]",
		Short: "Run a course with no screen: a line per change on stdout, and notifications",
		Long: "run starts a course now and prints one line per change (clock time, what to do,\n" +
			"what comes next), sending the same reminder as a desktop notification. When the\n" +
			"desktop cannot be reached, a line saying so follows the reminder. It exits when\n" +
			"the course is done, or on Ctrl-C (the course goes on, saved).\n\n" +
			"With no preset and no --cycle, it resumes the saved course and first tells what\n" +
			"was missed while nothing was running.\n\n" + ui.Disclaimer,
		Example: `  icetimer run ice-20-20
  icetimer run --cycle "ice 20m, rest 20m" --window 48h --quiet off`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args, opts.Context = args, cmd.Context()
			return run(opts)
		},
	}
	opts.Flags.register(cmd, env)
	opts.Flags.registerReminders(cmd)
	// Accepted as start's is, and read by nothing: run's lines are plain
	// already.
	cmd.Flags().Bool("plain", false, "accepted as start's: run's lines are plain already")
	cmd.Flags().StringVar(&opts.HandedOver, background.HandOverFlag, "", "why a screen handed the course to this run")
	_ = cmd.Flags().MarkHidden(background.HandOverFlag)
	cmd.Flags().StringVar(&opts.HandedCourse, background.HandedCourseFlag, "", "the course as the screen drove it, unsaved")
	_ = cmd.Flags().MarkHidden(background.HandedCourseFlag)
	return cmd
}

func runRun(opts *RunOptions) error {
	how, err := opts.Flags.drive(&opts.Env.Settings)
	if err != nil {
		return err
	}
	s, course, since, err := courseToRun(opts, how)
	if err != nil {
		return err
	}
	defer s.Close()
	if opts.HandedOver != "" {
		fmt.Fprintln(opts.Env.Out, words.TookOverFrom(opts.HandedOver, s.Now()))
	}
	ctx, stop := signal.NotifyContext(opts.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	course, err = runner.Drive(ctx, runner.Config{Course: course, Handled: since, Repeat: how.Repeat}, s, opts.Env.Out)
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(opts.Env.Out, words.Stopped(course.StateAt(s.Now())))
	}
	if course.StateAt(s.Now()).Done {
		return s.Save(s.Ticket(), course) // to history
	}
	return nil
}

// courseToRun takes the lock and gives the course run drives: a new one from
// the command line (saved, replacing any other), or the saved one. Every
// flag is checked before the saved course is looked for.
func courseToRun(opts *RunOptions, how Reminding) (*session.Session, schedule.Course, time.Time, error) {
	env := opts.Env
	resume := resuming(opts.Args, opts.Flags.Given)
	var course schedule.Course
	var err error
	if resume {
		err = opts.Flags.forResume()
	} else {
		course, err = opts.Flags.course(opts.Args, time.Time{}, env.Settings)
	}
	if err != nil {
		return nil, course, time.Time{}, err
	}
	s, err := env.openDriver(how)
	if err != nil {
		return nil, course, time.Time{}, err
	}
	var since time.Time
	if resume {
		var r session.Resumed
		r, err = s.Resume()
		course, since = r.Course, r.Since
		if opts.HandedCourse != "" {
			course, err = handedCourse(s, opts, course, err)
		}
		if errors.Is(err, store.ErrNoCourse) {
			err = errNoCourse
		}
	} else {
		course.Start = s.EventTime() // once the lock is held
		since = course.Start
		err = s.Start(course)
	}
	if err != nil {
		s.Close()
		return nil, course, since, err
	}
	return s, course, since, nil
}

// handedCourse is the course a screen handed over with its last changes
// unsaved (a full or read-only disk): it wins over the saved one when it is
// the same course with at least its events, so that a pause made on the
// screen is not lost; it is saved again, when the disk takes it. saved and
// err are what the saved file gave.
func handedCourse(s *session.Session, opts *RunOptions, saved schedule.Course, err error) (schedule.Course, error) {
	handed, herr := store.TakeHandOver(opts.HandedCourse)
	switch {
	case herr != nil:
		fmt.Fprintln(opts.Env.Out, words.Stamped(herr.Error(), s.Now()))
		return saved, err
	case err != nil && !errors.Is(err, store.ErrNoCourse):
		return saved, err
	case err == nil && !handed.Extends(saved):
		return saved, nil // the saved course moved on since: it wins
	}
	if serr := s.Save(s.Ticket(), handed); serr != nil {
		fmt.Fprintln(opts.Env.Out, words.NotSaved(serr, s.Now()))
	}
	return handed, nil
}
