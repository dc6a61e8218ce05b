package cli

import (
	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/words"
)

// PresetsOptions are `icetimer presets`'s flags.
type PresetsOptions struct {
	Env  *Env
	JSON bool
}

// NewCmdPresets is `icetimer presets [--json]`.
func NewCmdPresets(env *Env, runF func(*PresetsOptions) error) *cobra.Command {
	opts := &PresetsOptions{Env: env}
	run := runWith(runF, presetsRun)
	cmd := &cobra.Command{
		Use:   "presets",
		Short: "List the preset cycles and where each comes from",
		Args:  noArgs,
		RunE:  func(*cobra.Command, []string) error { return run(opts) },
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func presetsRun(opts *PresetsOptions) error {
	catalogue := opts.Env.Settings.Catalogue()
	if opts.JSON {
		return document.Write(opts.Env.Out, document.PresetsOf(catalogue))
	}
	words.Presets(opts.Env.Out, catalogue)
	return nil
}
