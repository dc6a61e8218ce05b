package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/config"
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

// LoadSettings reads the config file for cmd run with args, as the lists
// above say. `run` resuming the saved course (no PRESET, no --cycle) warns
// and goes on too: it is what keeps reminding in the background after the
// screen quits, and an edit made meanwhile must not silence a pack left on.
func LoadSettings(cmd *cobra.Command, args []string) (config.Config, error) {
	name := topCommand(cmd)
	resuming := name == "run" && len(args) == 0 && !cmd.Flags().Changed("cycle") && !cmd.Flags().Changed("then")
	for _, s := range skipConfig {
		if name == s {
			return config.Default(), nil
		}
	}
	c, err := Settings()
	if err == nil {
		return c, nil
	}
	for _, w := range warnConfig {
		if name == w || resuming {
			fmt.Fprintf(cmd.ErrOrStderr(), "icetimer: warning: %v\n", strings.ReplaceAll(err.Error(), "\n", "\nicetimer: warning: "))
			return c, nil
		}
	}
	return c, err
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
