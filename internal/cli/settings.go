package cli

import (
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/safetext"
	"github.com/icetimer/icetimer/internal/words"
)

// What each command does with a bad config file. The ones that manage the
// file, print help or describe the program do not read it (a bad file must
// not stop 'config check' or 'man'; completions read it themselves and
// leave out the own presets of a bad one). Every other command warns in one
// line and goes on with the defaults: a typo never keeps a person in pain
// from a course, a built-in preset, the picker or --cycle (issue 22), nor
// from the course that runs. An own preset of the bad file says why it is
// missing (unreadPreset); 'config check' lists every problem, exit 2.
var skipConfig = []string{"config", "version", "man", "completion", "help", "check", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd}

// loadSettings reads the config file into e.Settings for cmd, as said
// above.
func (e *Env) loadSettings(cmd *cobra.Command) {
	if slices.Contains(skipConfig, topCommand(cmd)) {
		e.Settings = config.Default()
		words.Use12HourClock(false) // not an earlier command's, in tests that run several
		return
	}
	var err error
	if e.Settings, err = e.readSettings(); err != nil {
		first, more := problems(err)
		fmt.Fprintln(e.Err, "icetimer: warning: "+safetext.Clipped(words.ConfigNotUsed(first, more), maxMessage))
	}
	e.warn(e.Settings.Warnings)
}

// problems is err's first problem and how many more it has.
func problems(err error) (first string, more int) {
	var ps config.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		return ps[0].Error(), len(ps) - 1
	}
	return err.Error(), 0
}

// unreadPreset is the refusal of id, an own preset of a config file that
// has a mistake in it (settings s); nil for any other id.
func unreadPreset(id string, s config.Config) error {
	if s.Mistake == nil || !slices.Contains(s.Unread, id) {
		return nil
	}
	first, _ := problems(s.Mistake)
	return usagef("%s is in the config file, which has a mistake: %s", id, first)
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
		c := config.Default()
		c.Mistake = err
		return c, usageError(err)
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
