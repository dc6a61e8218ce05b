package cli

import (
	"fmt"
	"strings"

	"github.com/muesli/mango"
	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/ui/timer"
	"github.com/icetimer/icetimer/internal/words"
)

// manSections are the man page's sections that no command's help says.
// mango reads their text as a format: no per cent signs.
var manSections = []struct{ name, text string }{
	{"FILES", "$XDG_CONFIG_HOME/icetimer/config.toml, else ~/.config/icetimer/config.toml " +
		"(on Windows, the AppData folder's icetimer\\config.toml first): defaults and your own presets; " +
		"'icetimer config init' writes a commented one, 'icetimer config check' checks it.\n" +
		"$XDG_STATE_HOME/icetimer, else ~/.local/state/icetimer: the saved course (state.json), " +
		"its history (history.jsonl) and the lock (state.lock)."},
	{"ENVIRONMENT", "XDG_CONFIG_HOME and XDG_STATE_HOME move the files above. " +
		"NO_COLOR turns colour off: the words carry the meaning."},
	{"EXIT STATUS", "0 on success; 1 when something went wrong that is not the caller's input; " +
		"2 for bad usage or input ('config check' on a config file with a mistake; every other command warns and goes on " +
		"with the defaults); 3 when there is no saved course (status, run, stop)."},
}

// keysSection is the man page's list of the timer screen's keys, as its
// full help (?) shows them.
func keysSection() string {
	lines := []string{"On the timer screen (? shows them there too; a only while a reminder waits for it):"}
	for _, k := range timer.DefaultKeyMap().Described() {
		lines = append(lines, k[0]+"  "+k[1])
	}
	return strings.Join(append(lines, words.KeysAsk), "\n")
}

// ManOptions are `icetimer man`'s: the page is Root's.
type ManOptions struct {
	Env  *Env
	Root *cobra.Command
}

// NewCmdMan is `icetimer man`: the man page of every command, in roff, on
// stdout.
func NewCmdMan(env *Env, runF func(*ManOptions) error) *cobra.Command {
	opts := &ManOptions{Env: env}
	run := runWith(runF, manRun)
	return &cobra.Command{
		Use:   "man",
		Short: "Print the man page (roff)",
		Example: "  icetimer man | man -l -\n" +
			"  icetimer man > /usr/local/share/man/man1/icetimer.1",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Root = cmd.Root()
			return run(opts)
		},
	}
}

func manRun(opts *ManOptions) error {
	page, err := manPage(opts.Root)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(opts.Env.Out, page)
	return err
}

// manPage is root's man page, section 1, in roff.
func manPage(root *cobra.Command) (string, error) {
	// The help's lines are wrapped for a terminal; man wraps its own.
	long := strings.ReplaceAll(strings.ReplaceAll(root.Long, "\n\n", "\x00"), "\n", " ")
	page := mango.NewManPage(1, root.Name(), root.Short).WithLongDescription(strings.ReplaceAll(long, "\x00", "\n"))
	if err := mcobra.AddCommand(page, root); err != nil {
		return "", err
	}
	page = page.WithSection("KEYS", keysSection())
	for _, s := range manSections {
		page = page.WithSection(s.name, s.text)
	}
	return page.Build(roff.NewDocument()), nil
}
