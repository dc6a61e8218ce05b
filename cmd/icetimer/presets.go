package main

import (
	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/words"
)

func newPresetsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "presets",
		Short: "List the preset cycles and where each comes from",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON {
				return document.Write(cmd.OutOrStdout(), document.PresetsOf(settings.Catalogue()))
			}
			words.Presets(cmd.OutOrStdout(), settings.Catalogue())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
