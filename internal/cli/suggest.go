package cli

import (
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Did you mean: an unknown command or flag is told with the known ones it
// is a slip from ("strat" for start, "--jsn" for --json).

// nearBy is how many single-letter slips (an extra, a missing or a wrong
// letter, two swapped) a word may be from a known one to be suggested: one
// in a short word, two in a longer one ("edit" is not "init").
func nearBy(word string) int {
	if len(word) <= 4 {
		return 1
	}
	return 2
}

// unknownCommand refuses the words given to cmd, a command that takes a
// subcommand and no other word, naming the nearest subcommands.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return usagef("unknown command %q for %q%s", args[0], cmd.CommandPath(), didYouMean(args[0], subcommands(cmd), ""))
}

// subcommands are the names of cmd's commands a person may give.
func subcommands(cmd *cobra.Command) []string {
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return names
}

// flagError words a flag cobra could not parse as a usage error, naming
// the nearest flags to an unknown one.
func flagError(cmd *cobra.Command, err error) error {
	name, unknown := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !unknown {
		return usageError(err)
	}
	var names []string
	for _, fs := range []*pflag.FlagSet{cmd.Flags(), cmd.InheritedFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				names = append(names, f.Name)
			}
		})
	}
	return usagef("%v%s", err, didYouMean(name, names, "--"))
}

// didYouMean is " (did you mean X?)" naming the known words near typed,
// each written after prefix; "" when none is.
func didYouMean(typed string, known []string, prefix string) string {
	var near []string
	lower, most := strings.ToLower(typed), nearBy(typed)
	letters := utf8.RuneCountInString(lower)
	for _, k := range known {
		// Words whose lengths differ by more than the slips allowed are not
		// compared letter by letter: a hostile megabyte argument costs
		// nothing.
		slipped := abs(letters-utf8.RuneCountInString(k)) <= most && slips(lower, k) <= most
		if k != typed && (slipped || len(typed) >= 3 && strings.HasPrefix(k, typed)) {
			near = append(near, prefix+k)
		}
	}
	if len(near) == 0 {
		return ""
	}
	return " (did you mean " + strings.Join(near, " or ") + "?)"
}

// slips is how many single-letter slips turn a into b: letters added,
// dropped or changed, and two next to each other swapped (the optimal
// string alignment distance).
func slips(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

func abs(n int) int { return max(n, -n) }
