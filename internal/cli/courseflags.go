package cli

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/schedule"
)

// Bounds on a custom cycle's window. The minimum matches a phase's: seconds
// long courses are how `run` is tried out and tested against a real desktop.
const (
	minCustomWindow = time.Second
	maxCustomWindow = 30 * 24 * time.Hour
)

// CourseFlags are the flags start, run and plan share, as typed: which
// protocol, and the course's settings.
type CourseFlags struct {
	Cycle, Window, Then, Quiet string
	Repeat, Sound, Voice       string
	KeepAwake                  string
	// Given says whether the flag of that name was on the command line:
	// the config file's setting stands for one that was not.
	Given func(name string) bool
}

// register adds the flags that set up a course to cmd.
func (f *CourseFlags) register(cmd *cobra.Command, env *Env) {
	fs := cmd.Flags()
	fs.StringVar(&f.Cycle, "cycle", "", `a custom cycle instead of a preset: "KIND DURATION, ..." (KIND ice, heat or rest)`)
	fs.StringVar(&f.Window, "window", "", "how long the first stage repeats (default: the preset's)")
	fs.StringVar(&f.Then, "then", "", "with --cycle and --window: the cycle that follows the first one, until stopped")
	fs.StringVar(&f.Quiet, "quiet", "", `quiet hours in local time, HH:MM-HH:MM, or "off" (default: the config file's, else 23:00-07:00)`)
	f.Given = fs.Changed
	completeCourse(cmd, env)
}

// registerReminders adds the flags of the commands that remind: start and
// run.
func (f *CourseFlags) registerReminders(cmd *cobra.Command) {
	fs := cmd.Flags()
	// No default value here: the help would show it beside the config
	// file's, which wins over it (reminders).
	fs.StringVar(&f.Repeat, "repeat", "", `how often a "remove the pack" reminder repeats until acknowledged, or "off" (default: the config file's, else 2m)`)
	fs.StringVar(&f.Sound, "sound", "", `chimes at each change: "on" or "off" (default: the config file's, else on)`)
	fs.StringVar(&f.Voice, "voice", "", `each reminder also said aloud: "on" or "off" (default: the config file's, else off)`)
	fs.StringVar(&f.KeepAwake, "keep-awake", "", `keep the computer from sleeping while a pack is on: "on" or "off" (default: the config file's, else on)`)
	f.Given = fs.Changed
	for _, name := range []string{"sound", "voice", "keep-awake"} {
		_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions([]cobra.Completion{"on", "off"}, cobra.ShellCompDirectiveNoFileComp))
	}
}

// Reminding is how a course reminds, as the flags and the config file say.
type Reminding struct {
	// Repeat is how often a "remove the pack" reminder repeats until
	// acknowledged; config.RepeatOff never.
	Repeat time.Duration
	// Sound plays the chimes; Voice says each reminder aloud.
	Sound, Voice bool
}

// reminding is how the config file's settings say to remind: for the
// screens, which take no flags of their own.
func reminding(s config.Config) Reminding {
	return Reminding{Repeat: s.Repeat, Sound: s.Sound, Voice: s.Voice}
}

// resuming says whether a command line with these arguments and flags
// names no course: `run` then resumes the saved one.
func resuming(args []string, given func(name string) bool) bool {
	return len(args) == 0 && !given("cycle") && !given("then")
}

// forResume refuses the flags that only set up a new course, before
// anything looks for the saved one: they would be ignored.
func (f *CourseFlags) forResume() error {
	for _, name := range []string{"window", "quiet"} {
		if f.Given(name) {
			return usagef("--%s sets up a new course: give a preset or --cycle with it ('icetimer run' alone resumes the saved course)", name)
		}
	}
	return nil
}

// reminders reads --repeat, --sound and --voice, the config file's
// settings s standing for the ones not given.
func (f *CourseFlags) reminders(s config.Config) (Reminding, error) {
	r := reminding(s) // the file's settings were checked when it was read
	var err error
	if f.Given("sound") {
		if r.Sound, err = onOff("sound", f.Sound); err != nil {
			return r, err
		}
	}
	if f.Given("voice") {
		if r.Voice, err = onOff("voice", f.Voice); err != nil {
			return r, err
		}
	}
	if f.Given("repeat") {
		if r.Repeat, err = config.ParseRepeat(f.Repeat); err != nil {
			return r, usagef("--repeat: %v", err)
		}
	}
	return r, nil
}

// onOff reads the value of --name, "on" or "off".
func onOff(name, value string) (bool, error) {
	switch strings.ToLower(value) {
	case "on":
		return true, nil
	case "off":
		return false, nil
	}
	return false, usagef(`--%s %q: want "on" or "off"`, name, value)
}

// drive makes the command line's --repeat and --keep-awake the settings
// of this process, over the config file's in s: the session that drives
// the course chooses its adapters from the settings (openSession). It
// returns how to remind (--repeat, --sound, --voice).
func (f *CourseFlags) drive(s *config.Config) (Reminding, error) {
	r, err := f.reminders(*s)
	if err != nil {
		return r, err
	}
	if f.Given("keep-awake") {
		if s.KeepAwake, err = onOff("keep-awake", f.KeepAwake); err != nil {
			return r, err
		}
	}
	s.Repeat = r.Repeat
	return r, nil
}

// course builds the course the command line asks for, started at start (a
// command that takes the lock first sets the start once it holds it), the
// config file's settings s standing for the flags not given (its skin
// check among them; its put-on reminders ask "Is it on?"). Every mistake
// is a usage error that says what is accepted.
func (f *CourseFlags) course(args []string, start time.Time, s config.Config) (schedule.Course, error) {
	c := schedule.Course{Start: start.Round(0), SkinCheck: s.SkinCheck, ConfirmPutOn: true}
	quietFlag := f.Quiet
	if !f.Given("quiet") {
		quietFlag = s.Quiet
	}
	quiet, err := schedule.ParseQuietHours(quietFlag, time.Local)
	if err != nil {
		return c, usagef("--quiet: %v", err)
	}
	c.Quiet = quiet

	custom := f.Given("cycle")
	switch {
	case f.Given("then") && !custom:
		return c, usagef(`--then needs a first cycle: give --cycle SPEC --window DUR --then SPEC`)
	case len(args) > 1:
		return c, usagef("one preset at a time, got %q", strings.Join(args, " "))
	case len(args) == 1 && custom:
		return c, usagef("give a preset or --cycle, not both")
	case len(args) == 0 && !custom:
		return c, usagef("give a preset (%s) or --cycle SPEC", strings.Join(s.PresetIDs(), ", "))
	}
	if custom {
		c.Preset = "custom"
		c.Protocol, err = f.customProtocol()
		return c, err
	}

	preset, ok := s.Preset(args[0])
	if err := unreadPreset(args[0], s); !ok && err != nil {
		return c, err
	}
	if !ok {
		return c, usagef("unknown preset %q: known presets are %s", args[0], strings.Join(s.PresetIDs(), ", "))
	}
	c.Preset = preset.ID
	c.Protocol = preset.Protocol
	if f.Given("window") {
		if preset.WindowMax == 0 {
			return c, usagef("preset %s runs until stopped and takes no --window; use --cycle with --window for a custom one", preset.ID)
		}
		if preset.WindowMin == preset.WindowMax {
			return c, usagef("preset %s has a fixed %s window, set in the config file: change it there, or use --cycle with --window", preset.ID, schedule.FormatDuration(preset.WindowMax))
		}
		w, err := schedule.ParseDuration(f.Window, preset.WindowMin, preset.WindowMax)
		if err != nil {
			return c, usagef("--window for %s: %v", preset.ID, err)
		}
		c.Protocol = preset.Protocol.WithFirstWindow(w)
	}
	return c, nil
}

func (f *CourseFlags) customProtocol() (schedule.Protocol, error) {
	first, err := schedule.ParseCycle(f.Cycle)
	if err == nil {
		err = first.CheckRails()
	}
	if err != nil {
		return schedule.Protocol{}, usagef("--cycle: %v", err)
	}
	stage := schedule.Stage{Cycle: first}
	hasWindow := f.Given("window")
	if hasWindow {
		if stage.Window, err = schedule.ParseDuration(f.Window, minCustomWindow, maxCustomWindow); err != nil {
			return schedule.Protocol{}, usagef("--window: %v", err)
		}
	}
	p := schedule.Protocol{Stages: []schedule.Stage{stage}}
	if !f.Given("then") {
		return p, nil
	}
	if !hasWindow {
		return p, usagef("--then needs --window: the first cycle must end for the next to begin")
	}
	then, err := schedule.ParseCycle(f.Then)
	if err == nil {
		err = then.CheckRails()
	}
	if err != nil {
		return p, usagef("--then: %v", err)
	}
	p.Stages = append(p.Stages, schedule.Stage{Cycle: then})
	return p, nil
}
