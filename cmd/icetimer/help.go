package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// newHelpCmd is cobra's help command, except that a topic that is not a
// command is a usage error (exit 2), as every other unknown word is; cobra's
// own printed the usage and succeeded.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(_ *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 || len(args) > 0 && target == root {
				return usagef("unknown help topic %q: try 'icetimer --help'", strings.Join(args, " "))
			}
			return target.Help()
		},
	}
}
