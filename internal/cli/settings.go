package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/safetext"
	"github.com/icetimer/icetimer/internal/words"
)

// What each command does with a bad config file. The ones that manage the
// file, print help or describe the program do not read it (a bad file must
// not stop 'config check' or 'man'; completions read it themselves and
// leave out the own presets of a bad one); the ones that look at,
// acknowledge or end the saved course go on with the defaults after a
// warning, so a typo never keeps a person from their running course (docs:
// CLI.md: never fatal for status).
// Every other command refuses with every problem and exit status 2.
var (
	skipConfig = []string{"config", "version", "man", "completion", "help", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd}
	warnConfig = []string{"status", "stop", "history", "ack"}
)

// loadSettings reads the config file into e.Settings for cmd run with
// args, as the lists above say. `run` resuming the saved course (no
// PRESET, no --cycle) warns and goes on too: it is what keeps reminding in
// the background after the screen quits, and an edit made meanwhile must
// not silence a pack left on.
func (e *Env) loadSettings(cmd *cobra.Command, args []string) error {
	name := topCommand(cmd)
	if slices.Contains(skipConfig, name) {
		e.Settings = config.Default()
		return nil
	}
	var err error
	if e.Settings, err = e.readSettings(); err == nil {
		e.warn(e.Settings.Warnings)
		return nil
	}
	if slices.Contains(warnConfig, name) || name == "run" && resuming(args, cmd.Flags().Changed) {
		fmt.Fprintf(e.Err, "icetimer: warning: %v\n", strings.ReplaceAll(err.Error(), "\n", "\nicetimer: warning: "))
		return nil
	}
	return err
}

// warn prints what the config file sets that was left out, and why (a
// hook in a file others can write), one line each.
func (e *Env) warn(warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(e.Err, "icetimer: warning: "+safetext.Safe(w))
	}
}

// readSettings reads the config file and applies what it sets for the
// whole process (the 12-hour clock). A bad file is a usage error listing
// every problem with its line, and the settings are then the defaults: a
// command that must not fail on it (status) goes on with them.
func (e *Env) readSettings() (config.Config, error) {
	path, err := e.configPath()
	if err != nil {
		words.Use12HourClock(false)
		return config.Default(), usageError(err)
	}
	c, err := config.Load(path)
	words.Use12HourClock(c.Clock == config.Clock12)
	if err != nil {
		return c, usageError(err)
	}
	return c, nil
}

// topCommand is the name of cmd's ancestor just under the root: "config"
// for `icetimer config check`; "" for the root itself.
func topCommand(cmd *cobra.Command) string {
	for cmd.HasParent() && cmd.Parent().HasParent() {
		cmd = cmd.Parent()
	}
	if !cmd.HasParent() {
		return ""
	}
	return cmd.Name()
}
