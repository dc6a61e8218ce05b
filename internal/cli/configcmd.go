package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/schedule"
)

// NewConfigCmd is `icetimer config path|init|check`.
func NewConfigCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config path|init|check",
		Short: "Where the config file is; write a commented default one; check it",
		Long: "The config file sets defaults (quiet hours, sound, repeat, 12- or 24-hour clock)\n" +
			"and your own presets. It is $XDG_CONFIG_HOME/icetimer/config.toml, else\n" +
			"~/.config/icetimer/config.toml (on Windows, %AppData%\\icetimer\\config.toml first).\n" +
			"Flags on the command line win over it.",
		Args: func(cmd *cobra.Command, args []string) error {
			return usagef("config needs one of path, init or check; got %q", strings.Join(args, " "))
		},
		RunE: func(*cobra.Command, []string) error { return nil }, // Args has refused
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "path",
			Short: "Print where the config file is read from",
			Args:  noArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				path, err := config.Path()
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), path)
				if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
					fmt.Fprintln(cmd.ErrOrStderr(), "icetimer: there is no file there yet: 'icetimer config init' writes one")
				}
				return nil
			},
		},
		&cobra.Command{
			Use:   "init",
			Short: "Write a commented config file with the defaults and an example preset",
			Args:  noArgs,
			RunE:  func(cmd *cobra.Command, _ []string) error { return initConfig(cmd) },
		},
		&cobra.Command{
			Use:   "check",
			Short: "Check the config file: every problem with its line (exit 2)",
			Args:  noArgs,
			RunE:  func(cmd *cobra.Command, _ []string) error { return checkConfig(cmd) },
		},
	)
	for _, c := range cmd.Commands() {
		c.SilenceErrors, c.SilenceUsage = true, true
	}
	return cmd
}

// initConfig writes config.Template where the config file is read, never
// over a file that is there (O_EXCL: not even one made a moment ago).
func initConfig(cmd *cobra.Command) error {
	path, err := config.Path()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	// 0600: the file may come to hold an ntfy access token.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s is there already: edit it, or move it away to write the default one", path)
	}
	if err != nil {
		return err
	}
	_, err = f.WriteString(config.Template)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path) // a half-written file would be read as the config
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", path)
	return nil
}

// checkConfig reads the config file and says what it sets, or lists every
// problem (exit 2).
func checkConfig(cmd *cobra.Command) error {
	path, err := config.Path()
	if err != nil {
		return err
	}
	c, err := config.Load(path)
	if err != nil {
		return UsageError(err)
	}
	out := cmd.OutOrStdout()
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(out, "%s: no file; the defaults apply ('icetimer config init' writes one)\n", path)
		return nil
	}
	repeat := "off"
	if c.Repeat > 0 {
		repeat = schedule.FormatDuration(c.Repeat)
	}
	fmt.Fprintf(out, "%s: ok\nquiet %s, sound %t, repeat %s, clock %s\n", path, c.Quiet, c.Sound, repeat, c.Clock)
	ids := make([]string, len(c.Presets))
	for i, p := range c.Presets {
		ids[i] = p.ID
	}
	if len(ids) > 0 {
		fmt.Fprintf(out, "your presets: %s\n", strings.Join(ids, ", "))
	}
	return nil
}
