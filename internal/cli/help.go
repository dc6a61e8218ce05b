package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// HelpOptions are `icetimer help`'s arguments: the command to say the
// help of, under Root.
type HelpOptions struct {
	Env   *Env
	Root  *cobra.Command
	Topic []string
}

// NewCmdHelp is cobra's help command, except that a topic that is not a
// command is a usage error (exit 2), as every other unknown word is; cobra's
// own printed the usage and succeeded.
func NewCmdHelp(env *Env, runF func(*HelpOptions) error) *cobra.Command {
	opts := &HelpOptions{Env: env}
	run := runWith(runF, helpRun)
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Root, opts.Topic = cmd.Root(), args
			return run(opts)
		},
	}
}

func helpRun(opts *HelpOptions) error {
	target, rest, err := opts.Root.Find(opts.Topic)
	if err != nil || len(rest) > 0 || len(opts.Topic) > 0 && target == opts.Root {
		return usagef("unknown help topic %q: try 'icetimer --help'", strings.Join(opts.Topic, " "))
	}
	return target.Help()
}
