// Command icetimer runs ice and heat therapy cycles in a terminal: it shows
// what to do now and for how long, and reminds at every change.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/ui"
	"github.com/icetimer/icetimer/internal/words"
)

// disclaimer is said in --help; the screen says the same under the picker
// on first run.
const disclaimer = ui.Disclaimer

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// maxMessage is about the most of an error message printed: one that echoes
// a megabyte argument is cut (words.SafeClipped).
const maxMessage = 2000

// run executes one command line and returns the process's exit status.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "icetimer: "+words.SafeClipped(err.Error(), maxMessage))
	var exit *exitError
	if errors.As(err, &exit) {
		return exit.code
	}
	return 1
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "icetimer",
		Short: "Ice and heat therapy cycles, timed by the wall clock",
		Long: "icetimer runs ice and heat cycles from self-care articles, shows what to do now\n" +
			"and for how long, and reminds you at every change.\n\n" + disclaimer,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          noArgs,
		RunE:          runTimerScreen,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetHelpCommand(newHelpCmd(root))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr(err) })
	root.AddCommand(
		newVersionCmd(),
		newPresetsCmd(),
		newPlanCmd(),
		newStatusCmd(),
		newStopCmd(),
		newHistoryCmd(),
		newStartCmd(),
		newRunCmd(),
	)
	for _, c := range root.Commands() {
		c.SilenceErrors, c.SilenceUsage = true, true
	}
	return root
}
