package cli

import (
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/ui/picker"
)

// Completions are what the shell offers; `icetimer completion`
// (completion.go) writes the bash, zsh, fish and PowerShell scripts that
// ask for them.

// completeCourse adds completions to a command that takes PRESET|--cycle:
// preset ids (built-in and the person's own, with their names), the kinds
// in a --cycle or --then SPEC, --window's choices for the preset given,
// and --quiet's choices. The command's flags must be defined first.
func completeCourse(cmd *cobra.Command, env *Env) {
	cmd.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 || cmd.Flags().Changed("cycle") {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, p := range env.catalogue().Catalogue() {
			if strings.HasPrefix(p.ID, toComplete) {
				out = append(out, cobra.CompletionWithDesc(p.ID, p.Name))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	// Registering fails only for a flag that does not exist: a programming
	// error the completion tests catch.
	_ = cmd.RegisterFlagCompletionFunc("cycle", completeSpec)
	_ = cmd.RegisterFlagCompletionFunc("then", completeSpec)
	_ = cmd.RegisterFlagCompletionFunc("quiet", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return picker.QuietChoices(env.catalogue().Quiet), cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("window", env.completeWindow)
}

// catalogue is the config for completions: a bad file leaves the
// person's own presets out rather than breaking the shell's completion.
func (e *Env) catalogue() config.Config {
	c, _ := e.readSettings()
	return c
}

// completeSpec completes the kind of the SPEC's phase being typed: after
// "ice 20m, r" it offers "ice 20m, rest", and no space after it: the
// phase's duration comes next.
func completeSpec(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	done, last := "", toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		done, last = toComplete[:i+1]+" ", strings.TrimLeft(toComplete[i+1:], " ")
	}
	if strings.Contains(last, " ") {
		return nil, cobra.ShellCompDirectiveNoFileComp // a duration: anything Go reads
	}
	var out []cobra.Completion
	for _, k := range []schedule.Kind{schedule.Ice, schedule.Heat, schedule.Rest} {
		if strings.HasPrefix(string(k), last) {
			out = append(out, done+string(k))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

// completeWindow offers the windows the preset given accepts, every 12 h.
func (e *Env) completeWindow(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	p, ok := e.catalogue().Preset(args[0])
	if !ok || p.WindowMax == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for w := p.WindowMin; w <= p.WindowMax; w += 12 * time.Hour {
		out = append(out, schedule.FormatDuration(w))
	}
	if last := schedule.FormatDuration(p.WindowMax); !slices.Contains(out, last) {
		out = append(out, last)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
