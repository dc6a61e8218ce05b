package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/safetext"
	"github.com/icetimer/icetimer/internal/ui"
)

// maxMessage is about the most of an error message printed: one that echoes
// a megabyte argument is cut (safetext.Clipped).
const maxMessage = 2000

// Main runs one command line in env and returns the process's exit status
// (docs: CLI.md). A failure is one line on env.Err, cut short and with its
// control characters shown, never acted on by the terminal.
func Main(args []string, env *Env) int {
	root := NewCmdRoot(env)
	root.SetArgs(args)
	root.SetIn(env.In)
	root.SetOut(env.Out)
	root.SetErr(env.Err)
	err := root.Execute()
	if err != nil {
		fmt.Fprintln(env.Err, "icetimer: "+safetext.Lines(err.Error(), maxMessage))
	}
	return exitStatus(err)
}

// NewCmdRoot is `icetimer`: the timer screen, and every command under it.
func NewCmdRoot(env *Env) *cobra.Command {
	opts := &ScreenOptions{Env: env}
	root := &cobra.Command{
		Use:   "icetimer",
		Short: "Ice and heat therapy cycles, timed by the wall clock",
		Long: "icetimer runs ice and heat cycles from self-care articles, shows what to do now\n" +
			"and for how long, and reminds you at every change.\n\n" + ui.Disclaimer,
		SilenceErrors:    true,
		SilenceUsage:     true,
		Args:             unknownCommand,
		RunE:             func(*cobra.Command, []string) error { return screenRun(opts) },
		Version:          versionString(),
		PersistentPreRun: func(cmd *cobra.Command, _ []string) { env.loadSettings(cmd) },
	}
	root.Flags().BoolVar(&opts.Plain, "plain", false, "lines instead of the screen, for screen readers and small terminals (resumes the saved course; no picker)")
	root.SetVersionTemplate(versionTemplate)
	root.SetHelpCommand(NewCmdHelp(env, nil))
	root.SetFlagErrorFunc(flagError)
	root.CompletionOptions.DisableDefaultCmd = true // NewCmdCompletion is ours
	root.AddCommand(
		NewCmdVersion(env, nil),
		NewCmdConfig(env, nil),
		NewCmdMan(env, nil),
		NewCmdCompletion(env, nil),
		NewCmdPresets(env, nil),
		NewCmdPlan(env, nil),
		NewCmdStatus(env, nil),
		NewCmdStop(env, nil),
		NewCmdHistory(env, nil),
		NewCmdStart(env, nil),
		NewCmdRun(env, nil),
		NewCmdAck(env, nil),
		NewCmdPain(env, nil),
		NewCmdNextStage(env, nil),
		NewCmdSkin(env, nil),
		NewCmdCheck(env, nil),
		NewCmdReport(env, nil),
	)
	for _, v := range keyVerbs {
		root.AddCommand(NewCmdKey(env, v, nil))
	}
	return root
}

// runWith is the run a command calls: the test's runF when it gives one,
// else the command's own.
func runWith[T any](runF, own func(*T) error) func(*T) error {
	if runF != nil {
		return runF
	}
	return own
}
