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

// ConfigOptions are `icetimer config`'s arguments: Action is path, init
// or check.
type ConfigOptions struct {
	Env    *Env
	Action string
}

// NewCmdConfig is `icetimer config path|init|check`.
func NewCmdConfig(env *Env, runF func(*ConfigOptions) error) *cobra.Command {
	opts := &ConfigOptions{Env: env}
	run := runWith(runF, configRun)
	cmd := &cobra.Command{
		Use:   "config path|init|check",
		Short: "Where the config file is; write a commented default one; check it",
		Long: "The config file sets defaults (quiet hours, sound, repeat, 12- or 24-hour clock)\n" +
			"and your own presets. It is $XDG_CONFIG_HOME/icetimer/config.toml, else\n" +
			"~/.config/icetimer/config.toml (on Windows, %AppData%\\icetimer\\config.toml first).\n" +
			"Flags on the command line win over it.",
		Args: func(cmd *cobra.Command, args []string) error {
			var near string
			if len(args) > 0 {
				near = didYouMean(args[0], subcommands(cmd), "")
			}
			return usagef("config needs one of path, init or check; got %q%s", strings.Join(args, " "), near)
		},
		RunE: func(*cobra.Command, []string) error { return nil }, // Args has refused
	}
	for _, action := range []struct{ name, short string }{
		{"path", "Print where the config file is read from"},
		{"init", "Write a commented config file with the defaults and an example preset"},
		{"check", "Check the config file: every problem with its line (exit 2)"},
	} {
		cmd.AddCommand(&cobra.Command{
			Use:   action.name,
			Short: action.short,
			Args:  noArgs,
			RunE: func(*cobra.Command, []string) error {
				opts.Action = action.name
				return run(opts)
			},
		})
	}
	return cmd
}

func configRun(opts *ConfigOptions) error {
	path, err := opts.Env.configPath()
	if err != nil {
		return err
	}
	switch opts.Action {
	case "path":
		return configPathRun(opts.Env, path)
	case "init":
		return configInitRun(opts.Env, path)
	}
	return configCheckRun(opts.Env, path)
}

// configPathRun prints path, and says so on stderr when there is no file.
func configPathRun(env *Env, path string) error {
	fmt.Fprintln(env.Out, path)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(env.Err, "icetimer: there is no file there yet: 'icetimer config init' writes one")
	}
	return nil
}

// configInitRun writes config.Template at path, never over a file that is
// there (O_EXCL: not even one made a moment ago).
func configInitRun(env *Env, path string) error {
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
	fmt.Fprintf(env.Out, "wrote %s\n", path)
	return nil
}

// configCheckRun reads the config file at path and says what it sets, or
// lists every problem (exit 2).
func configCheckRun(env *Env, path string) error {
	c, err := config.Load(path)
	if err != nil {
		return usageError(err)
	}
	env.warn(c.Warnings)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(env.Out, "%s: no file; the defaults apply ('icetimer config init' writes one)\n", path)
		return nil
	}
	repeat := "off"
	if c.Repeat > 0 {
		repeat = schedule.FormatDuration(c.Repeat)
	}
	fmt.Fprintf(env.Out, "%s: ok\nquiet %s, sound %t, repeat %s, clock %s\n", path, c.Quiet, c.Sound, repeat, c.Clock)
	ids := make([]string, len(c.Presets))
	for i, p := range c.Presets {
		ids[i] = p.ID
	}
	if len(ids) > 0 {
		fmt.Fprintf(env.Out, "your presets: %s\n", strings.Join(ids, ", "))
	}
	return nil
}
