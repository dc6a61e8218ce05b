package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/schedule"
)

// The commands that do what a key of the timer screen does (CLI.md, third
// version), so that a window manager's hotkey, a status bar's click or a
// script can do it too: pause, resume, skip, extend, shorten, on-since,
// restart. They share one shape; ack, pain, next-stage and stop, which say
// more, have files of their own.

// KeyOptions are the arguments of a command that does what a key does.
type KeyOptions struct {
	Env  *Env
	Verb schedule.Verb
	// Amount is the duration typed: optional for extend and shorten
	// (default 5m), needed for on-since; "" when none.
	Amount string
}

// keyCommand describes one such command.
type keyCommand struct {
	use, short, long, example string
	// amount: 0 takes none, 1 takes an optional DUR, 2 needs one.
	amount int
}

// maxAmount bounds a typed amount: a phase lasts at most 12 hours.
const maxAmount = 12 * time.Hour

var keyCommands = map[schedule.Verb]keyCommand{
	schedule.VerbPause: {use: "pause", short: "Pause the course (during ice or heat the pack comes off)",
		long: "pause freezes the countdown of the running phase until 'icetimer resume'. A pause\n" +
			"during ice or heat means the pack comes off: nothing counts as on while paused.",
		example: "  icetimer pause"},
	schedule.VerbResume: {use: "resume", short: "Resume a paused course where its countdown stopped",
		example: "  icetimer resume"},
	schedule.VerbSkip: {use: "skip", short: "End this phase now: the next one starts at once",
		example: "  icetimer skip"},
	schedule.VerbExtend: {use: "extend [DUR]", amount: 1, short: "Add DUR (default 5m) to this phase, within the safety caps",
		long: "extend adds time to the running phase: 5 minutes unless DUR says otherwise. One ice\n" +
			"application lasts at most 30 minutes and one heat application 60, extensions\n" +
			"included: past that, extend says why and does nothing (exit status 1).",
		example: "  icetimer extend\n  icetimer extend 2m"},
	schedule.VerbShorten: {use: "shorten [DUR]", amount: 1, short: "Take DUR (default 5m) off this phase, never past now",
		example: "  icetimer shorten\n  icetimer shorten 10m"},
	schedule.VerbOnSince: {use: "on-since DUR", amount: 2, short: "The pack went on DUR ago: count this phase from then",
		long: "on-since counts the running ice or heat phase from when the pack really went on,\n" +
			"DUR ago, so that the reminder to take it off comes on time.",
		example: "  icetimer on-since 3m"},
	schedule.VerbRestart: {use: "restart", short: "Count this phase again from now (the pack went on late)",
		example: "  icetimer restart"},
}

// keyVerbs are those commands, in the order help lists them.
var keyVerbs = []schedule.Verb{schedule.VerbPause, schedule.VerbResume, schedule.VerbSkip, schedule.VerbExtend,
	schedule.VerbShorten, schedule.VerbOnSince, schedule.VerbRestart}

// keyLong is the help's paragraph every such command shares.
const keyLong = "It works whether or not another icetimer drives the course: with one (the screen,\n" +
	"a background run), that process makes the change, prints it and reminds by it.\n" +
	"Exit status 1 when it is refused (with why), 3 when no course runs."

// NewCmdKey is the command that does what verb's key does.
func NewCmdKey(env *Env, verb schedule.Verb, runF func(*KeyOptions) error) *cobra.Command {
	opts := &KeyOptions{Env: env, Verb: verb}
	run := runWith(runF, keyRun)
	kc := keyCommands[verb]
	long := kc.short + "."
	if kc.long != "" {
		long = kc.long
	}
	positional := []cobra.PositionalArgs{cobra.NoArgs, cobra.MaximumNArgs(1), cobra.ExactArgs(1)}[kc.amount]
	return &cobra.Command{
		Use:     kc.use,
		Short:   kc.short,
		Long:    long + "\n\n" + keyLong,
		Example: kc.example,
		Args:    args(positional),
		RunE: func(_ *cobra.Command, a []string) error {
			if len(a) > 0 {
				opts.Amount = a[0]
			}
			return run(opts)
		},
	}
}

func keyRun(opts *KeyOptions) error {
	a := schedule.Action{Verb: opts.Verb}
	if opts.Amount != "" {
		least := time.Second // "extend 0" would be the default 5m, which it does not say
		if opts.Verb == schedule.VerbOnSince {
			least = 0 // on since now: counted from now
		}
		d, err := schedule.ParseDuration(opts.Amount, least, maxAmount)
		if err != nil {
			return usagef("%s %s: %v; want a duration such as 5m, 90s or \"1 h 30 min\"", opts.Verb, opts.Amount, err)
		}
		a.Amount = d
	}
	said, err := opts.Env.act(a, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.Env.Out, said)
	return nil
}
