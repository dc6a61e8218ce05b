package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/notify"
	"github.com/icetimer/icetimer/internal/runner"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
)

func newRunCmd() *cobra.Command {
	var flags courseFlags
	cmd := &cobra.Command{
		Use:   "run [PRESET|--cycle SPEC]",
		Short: "Run a course with no screen: a line per change on stdout, and notifications",
		Long: "run starts a course now and prints one line per change (clock time, what to do,\n" +
			"what comes next), sending the same reminder as a desktop notification. When the\n" +
			"desktop cannot be reached, a line saying so follows the reminder. It exits when\n" +
			"the course is done, or on Ctrl-C (the course goes on, saved).\n\n" +
			"With no preset and no --cycle, it resumes the saved course and first tells what\n" +
			"was missed while nothing was running.\n\n" + disclaimer,
		Example: `  icetimer run ice-20-20
  icetimer run --cycle "ice 20m, rest 20m" --window 48h --quiet off`,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, course, since, err := courseToRun(cmd, args, &flags)
			if err != nil {
				return err
			}
			defer d.release()
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			runCourse(ctx, course, since, d, cmd.OutOrStdout())
			if course.StateAt(d.Now()).Done {
				return d.Save(d.Ticket(), course) // to history
			}
			return nil
		},
	}
	flags.register(cmd)
	return cmd
}

// courseToRun takes the lock and gives the course run drives: a new one from
// the command line (saved, replacing any other), or the saved one.
func courseToRun(cmd *cobra.Command, args []string, flags *courseFlags) (*driver, schedule.Course, time.Time, error) {
	resume := len(args) == 0 && !cmd.Flags().Changed("cycle") && !cmd.Flags().Changed("then")
	var course schedule.Course
	if !resume {
		var err error
		if course, err = flags.course(cmd, args, session.EventInstant(clock())); err != nil {
			return nil, course, time.Time{}, err
		}
	}
	d, err := openDriver()
	if err != nil {
		return nil, course, time.Time{}, err
	}
	since := course.Start
	if resume {
		var r session.Resumed
		r, err = d.Resume()
		course, since = r.Course, r.Since
		if errors.Is(err, store.ErrNoCourse) {
			err = errNoCourse
		}
	} else {
		err = d.Start(course)
	}
	if err != nil {
		d.release()
		return nil, course, since, err
	}
	return d, course, since, nil
}

// runCourse reminds of course's changes on out and the desktop until the
// course is done or ctx ends, then waits for the notifications in flight.
// How far it got is saved, so a later run or screen does not repeat it.
func runCourse(ctx context.Context, course schedule.Course, since time.Time, d *driver, out io.Writer) {
	p := &linePrinter{w: out, bell: isTerminal(out)}
	var inFlight sync.WaitGroup
	err := runner.Run(ctx, runner.Config{
		Course:  course,
		Handled: since,
		OnDue: func(due runner.Due) {
			r := due.Reminder
			results := d.desktop.Send(r.Notification)
			p.println(false, r.Line)
			inFlight.Go(func() {
				if res := <-results; !res.OK() {
					p.println(true, fallbackLine(res, d.Now()))
				}
			})
			// After the reminder is out: a slow disk delays nothing that matters.
			if err := d.Announced(due.Handled); err != nil {
				p.println(true, fmt.Sprintf("%s  Could not save progress (the reminders go on): %v", d.Now().Format(time.TimeOnly), err))
			}
		},
	})
	inFlight.Wait() // each is answered within the dispatcher's timeout
	if errors.Is(err, context.Canceled) {
		p.println(false, stoppedLine(course, d.Now()))
	}
}

// fallbackLine tells that a reminder did not reach the desktop.
func fallbackLine(res notify.Result, now time.Time) string {
	return fmt.Sprintf("%s  Desktop notification %s: %v. Reminder: %s.",
		now.Format(time.TimeOnly), res.Outcome, res.Err, res.Notification.Title)
}

// stoppedLine is the last line when run is interrupted: the course itself
// goes on, so it says where it stands.
func stoppedLine(course schedule.Course, now time.Time) string {
	s := course.StateAt(now)
	where := "The course is over."
	if !s.Done {
		where = fmt.Sprintf("Now: %s until %s.", s.Current.Kind, s.Current.End.In(time.Local).Format("15:04"))
	}
	return fmt.Sprintf("%s  Reminders stopped. %s", now.Format(time.TimeOnly), where)
}

// linePrinter writes whole lines from several goroutines.
type linePrinter struct {
	mu   sync.Mutex
	w    io.Writer
	bell bool // ring the terminal's bell with a fallback line
}

func (p *linePrinter) println(fallback bool, line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if fallback && p.bell {
		line = "\a" + line
	}
	fmt.Fprintln(p.w, line)
}

// isTerminal reports whether w is a terminal, where a bell can be heard.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
