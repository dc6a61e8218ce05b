package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/schedule"
)

// skinAnswers are the words `icetimer skin` takes, and the action of each.
var skinAnswers = map[string]schedule.Verb{"ok": schedule.VerbSkinOK, "numb": schedule.VerbSkinNumb}

// SkinOptions are `icetimer skin`'s arguments, as typed.
type SkinOptions struct {
	Env *Env
	// Answer is "ok" or "numb".
	Answer string
}

// NewCmdSkin is `icetimer skin ok|numb`.
func NewCmdSkin(env *Env, runF func(*SkinOptions) error) *cobra.Command {
	opts := &SkinOptions{Env: env}
	run := runWith(runF, skinRun)
	return &cobra.Command{
		Use:   "skin ok|numb",
		Short: "Answer the skin check during ice: ok, or numb (the ice comes off now)",
		Long: "skin answers the skin check the screen asks during ice (skin_check in the config\n" +
			"file, 8 minutes into each ice phase by default). ok: the skin is still just cold or\n" +
			"aching. numb: it went numb or white, and the ice phase ends now, with the reminder\n" +
			"to take the pack off; numb is taken whenever an ice pack is on, asked or not.\n" +
			"Exit status 1 when nothing waits for the answer, 3 when no course runs.",
		Example:   "  icetimer skin ok\n  icetimer skin numb",
		Args:      args(cobra.ExactArgs(1)),
		ValidArgs: []string{"ok", "numb"},
		RunE: func(_ *cobra.Command, a []string) error {
			opts.Answer = a[0]
			return run(opts)
		},
	}
}

func skinRun(opts *SkinOptions) error {
	env := opts.Env
	verb, ok := skinAnswers[strings.ToLower(opts.Answer)]
	if !ok {
		return usagef("skin %q: want ok (still just cold or aching) or numb (numb or white: the ice comes off)", opts.Answer)
	}
	said, err := env.act(schedule.Action{Verb: verb}, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Out, said)
	if verb == schedule.VerbSkinNumb {
		return painAdvice(env, schedule.EventInstant(env.Clock.Now()))
	}
	return nil
}
