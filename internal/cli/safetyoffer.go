package cli

import (
	"errors"
	"os"
	"os/exec"

	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui"
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
	return []ui.Option{ui.WithSafetyCheck(exec.Command(exe, "check"))}
}
