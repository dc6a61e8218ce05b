package cli

import (
	"errors"
	"os"
	"os/exec"

	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui"
	"github.com/icetimer/icetimer/internal/words"
)

// safetyOffer is the picker's offer of the safety questions before the
// first course (PROTOCOLS.md section 9): while they were never answered
// and no course is in history. c in the picker runs `icetimer check`.
func safetyOffer(s *store.Store) []ui.Option {
	if _, err := s.SafetyAnswers(); !errors.Is(err, store.ErrNoAnswers) {
		return nil
	}
	if _, err := os.Stat(s.HistoryPath()); !errors.Is(err, os.ErrNotExist) {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	check := exec.Command(exe, "check")
	// The terminal itself, so that a key counts without enter: the
	// screen's own input is a reader Bubble Tea wraps.
	check.Stdin = os.Stdin
	return []ui.Option{ui.WithSafetyCheck(check, func() string { return checkSaid(s) })}
}

// checkSaid is what came of the safety questions, in a line: what a yes
// calls for, that all were no, or nothing when they were left.
func checkSaid(s *store.Store) string {
	a, err := s.SafetyAnswers()
	switch {
	case err != nil:
		return ""
	case a.AnyYes():
		return words.AskClinician(a.Cautions()) + " " + words.CheckStronger(a.Cautions())
	}
	return words.CheckAllNo
}
