package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// CompletionOptions are `icetimer completion SHELL`'s arguments: the
// script is for Root's commands.
type CompletionOptions struct {
	Env            *Env
	Root           *cobra.Command
	Shell          string
	NoDescriptions bool
}

// completionShells are the shells a script is written for, each with where
// it wants the script.
var completionShells = []struct{ name, where string }{
	{"bash", "Needs the bash-completion package. For this shell: source <(icetimer completion bash)\n" +
		"For every new shell, once: icetimer completion bash > ~/.local/share/bash-completion/completions/icetimer"},
	{"zsh", "Needs compinit (autoload -U compinit; compinit in ~/.zshrc).\n" +
		"For every new shell, once: icetimer completion zsh > \"${fpath[1]}/_icetimer\""},
	{"fish", "For this shell: icetimer completion fish | source\n" +
		"For every new shell, once: icetimer completion fish > ~/.config/fish/completions/icetimer.fish"},
	{"powershell", "For this shell: icetimer completion powershell | Out-String | Invoke-Expression\n" +
		"For every new shell, add that line to your PowerShell profile."},
}

// NewCmdCompletion is `icetimer completion bash|zsh|fish|powershell`: the
// script that has the shell ask icetimer for completions.
func NewCmdCompletion(env *Env, runF func(*CompletionOptions) error) *cobra.Command {
	opts := &CompletionOptions{Env: env}
	run := runWith(runF, completionRun)
	cmd := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the shell completion script for bash, zsh, fish or PowerShell",
		Long: "completion prints the script that completes icetimer's commands, preset ids\n" +
			"(yours too) and flags in your shell. 'icetimer completion SHELL --help' says\n" +
			"where each shell wants it.",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("completion %q: want bash, zsh, fish or powershell", strings.Join(args, " "))
			}
			return nil
		},
		RunE:              func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	for _, shell := range completionShells {
		sub := &cobra.Command{
			Use:               shell.name,
			Short:             "Print the completion script for " + shell.name,
			Long:              "Print the completion script for " + shell.name + ".\n\n" + shell.where,
			Args:              noArgs,
			ValidArgsFunction: cobra.NoFileCompletions,
			RunE: func(cmd *cobra.Command, _ []string) error {
				opts.Root, opts.Shell = cmd.Root(), shell.name
				return run(opts)
			},
		}
		sub.Flags().BoolVar(&opts.NoDescriptions, "no-descriptions", false, "leave out the descriptions of the completions")
		cmd.AddCommand(sub)
	}
	return cmd
}

func completionRun(opts *CompletionOptions) error {
	root, out, desc := opts.Root, opts.Env.Out, !opts.NoDescriptions
	scripts := map[string]func(io.Writer) error{
		"bash": func(w io.Writer) error { return root.GenBashCompletionV2(w, desc) },
		"zsh": func(w io.Writer) error {
			if desc {
				return root.GenZshCompletion(w)
			}
			return root.GenZshCompletionNoDesc(w)
		},
		"fish": func(w io.Writer) error { return root.GenFishCompletion(w, desc) },
		"powershell": func(w io.Writer) error {
			if desc {
				return root.GenPowerShellCompletionWithDesc(w)
			}
			return root.GenPowerShellCompletion(w)
		},
	}
	return scripts[opts.Shell](out)
}
