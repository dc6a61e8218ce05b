package main

import (
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/icetimer/icetimer/internal/cli"
	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/schedule"
)

// Bounds on a custom cycle's window. The minimum matches a phase's: seconds
// long courses are how `run` is tried out and tested against a real desktop.
const (
	minCustomWindow = time.Second
	maxCustomWindow = 30 * 24 * time.Hour
)

// courseFlags are the flags start, run and plan share: which protocol, and
// the course's settings.
type courseFlags struct {
	cycle, window, then, quiet string
	repeat, sound              string
	reminderFlags              *pflag.FlagSet // where --repeat and --sound are, to see if they were given
}

func (f *courseFlags) register(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&f.cycle, "cycle", "", `a custom cycle instead of a preset: "KIND DURATION, ..." (KIND ice, heat or rest)`)
	fs.StringVar(&f.window, "window", "", "how long the first stage repeats (default: the preset's)")
	fs.StringVar(&f.then, "then", "", "with --cycle and --window: the cycle that follows the first one, until stopped")
	fs.StringVar(&f.quiet, "quiet", "", `quiet hours in local time, HH:MM-HH:MM, or "off" (default: the config file's, else 23:00-07:00)`)
	cli.CompleteCourse(cmd)
}

// registerReminders adds the flags of the commands that remind: start and
// run.
func (f *courseFlags) registerReminders(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&f.repeat, "repeat", "2m", `how often a "remove the pack" reminder repeats until acknowledged, or "off" (default: the config file's)`)
	fs.StringVar(&f.sound, "sound", "on", `chimes at each change: "on" or "off" (default: the config file's)`)
	f.reminderFlags = fs
}

// reminders reads --repeat and --sound.
func (f *courseFlags) reminders() (repeat time.Duration, sound bool, err error) {
	if !f.reminderFlags.Changed("sound") && !settings.Sound {
		f.sound = "off"
	}
	switch strings.ToLower(f.sound) {
	case "on":
		sound = true
	case "off":
	default:
		return 0, false, usagef(`--sound %q: want "on" or "off"`, f.sound)
	}
	if !f.reminderFlags.Changed("repeat") {
		return settings.Repeat, sound, nil // checked when the file was read
	}
	if repeat, err = config.ParseRepeat(f.repeat); err != nil {
		return 0, sound, usagef("--repeat: %v", err)
	}
	return repeat, sound, nil
}

// course builds the course the command line asks for, started at start (a
// command that takes the lock first sets the start once it holds it).
// Every mistake is a usage error that says what is accepted.
func (f *courseFlags) course(cmd *cobra.Command, args []string, start time.Time) (schedule.Course, error) {
	fs := cmd.Flags()
	c := schedule.Course{Start: start.Round(0)}
	if !fs.Changed("quiet") {
		f.quiet = settings.Quiet
	}
	quiet, err := schedule.ParseQuietHours(f.quiet, time.Local)
	if err != nil {
		return c, usagef("--quiet: %v", err)
	}
	c.Quiet = quiet

	custom := fs.Changed("cycle")
	switch {
	case fs.Changed("then") && !custom:
		return c, usagef(`--then needs a first cycle: give --cycle SPEC --window DUR --then SPEC`)
	case len(args) > 1:
		return c, usagef("one preset at a time, got %q", strings.Join(args, " "))
	case len(args) == 1 && custom:
		return c, usagef("give a preset or --cycle, not both")
	case len(args) == 0 && !custom:
		return c, usagef("give a preset (%s) or --cycle SPEC", strings.Join(settings.PresetIDs(), ", "))
	}
	if custom {
		c.Preset = "custom"
		c.Protocol, err = f.customProtocol(fs.Changed("window"), fs.Changed("then"))
		return c, err
	}

	preset, ok := settings.Preset(args[0])
	if !ok {
		return c, usagef("unknown preset %q: known presets are %s", args[0], strings.Join(settings.PresetIDs(), ", "))
	}
	c.Preset = preset.ID
	c.Protocol = preset.Protocol
	if fs.Changed("window") {
		if preset.WindowMax == 0 {
			return c, usagef("preset %s runs until stopped and takes no --window; use --cycle with --window for a custom one", preset.ID)
		}
		if preset.WindowMin == preset.WindowMax {
			return c, usagef("preset %s has a fixed %s window, set in the config file: change it there, or use --cycle with --window", preset.ID, schedule.FormatDuration(preset.WindowMax))
		}
		w, err := schedule.ParseDuration(f.window, preset.WindowMin, preset.WindowMax)
		if err != nil {
			return c, usagef("--window for %s: %v", preset.ID, err)
		}
		c.Protocol = preset.Protocol.WithFirstWindow(w)
	}
	return c, nil
}

func (f *courseFlags) customProtocol(hasWindow, hasThen bool) (schedule.Protocol, error) {
	first, err := schedule.ParseCycle(f.cycle)
	if err == nil {
		err = first.CheckRails()
	}
	if err != nil {
		return schedule.Protocol{}, usagef("--cycle: %v", err)
	}
	stage := schedule.Stage{Cycle: first}
	if hasWindow {
		if stage.Window, err = schedule.ParseDuration(f.window, minCustomWindow, maxCustomWindow); err != nil {
			return schedule.Protocol{}, usagef("--window: %v", err)
		}
	}
	p := schedule.Protocol{Stages: []schedule.Stage{stage}}
	if !hasThen {
		return p, nil
	}
	if !hasWindow {
		return p, usagef("--then needs --window: the first cycle must end for the next to begin")
	}
	then, err := schedule.ParseCycle(f.then)
	if err == nil {
		err = then.CheckRails()
	}
	if err != nil {
		return p, usagef("--then: %v", err)
	}
	p.Stages = append(p.Stages, schedule.Stage{Cycle: then})
	return p, nil
}
