// Command icetimer runs ice and heat therapy cycles in a terminal: it shows
// what to do now and for how long, and reminds at every change.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/cli"
	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/safetext"
	"github.com/icetimer/icetimer/internal/ui"
)

// disclaimer is said in --help; the screen says it on first run.
const disclaimer = ui.Disclaimer

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// maxMessage is about the most of an error message printed: one that echoes
// a megabyte argument is cut (safetext.Clipped).
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
	fmt.Fprintln(stderr, "icetimer: "+safetext.Lines(err.Error(), maxMessage))
	var exit interface{ ExitCode() int }
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	return 1
}

// settings is the config file's, read before each command runs (cli.LoadSettings).
var settings = config.Default()

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
		Version:       cli.VersionString(),
		PersistentPreRunE: func(cmd *cobra.Command, args []string) (err error) {
			settings, err = cli.LoadSettings(cmd, args)
			return err
		},
	}
	root.SetVersionTemplate(cli.VersionTemplate)
	root.SetHelpCommand(newHelpCmd(root))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr(err) })
	env := cli.Env{Clock: func() time.Time { return clock() }} // read at each call: tests set clock
	root.AddCommand(
		cli.NewVersionCmd(),
		cli.NewConfigCmd(),
		cli.NewManCmd(root),
		newPresetsCmd(),
		newPlanCmd(),
		newStatusCmd(),
		newStopCmd(),
		newHistoryCmd(),
		newStartCmd(),
		newRunCmd(),
		cli.NewAckCmd(env),
		cli.NewPainCmd(env),
		cli.NewNextStageCmd(env),
		cli.NewReportCmd(env),
	)
	for _, c := range root.Commands() {
		c.SilenceErrors, c.SilenceUsage = true, true
	}
	return root
}
