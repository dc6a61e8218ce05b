package remind

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// SkinCheck is the one rule for telling a skin check (schedule.State's
// SkinCheck) once, used by the screen's bell and by `run`'s line alike.
type SkinCheck struct {
	// told is the instant of the skin check told last.
	told time.Time
}

// Due says the skin check that waits in st has not been told yet, and
// counts it told.
func (s *SkinCheck) Due(st schedule.State) bool {
	if st.SkinCheck.IsZero() || st.SkinCheck.Equal(s.told) {
		return false
	}
	s.told = st.SkinCheck
	return true
}

// Shift moves the check told by d, with a course that Shifted by d: the
// wall clock stepped, and the check told stays told.
func (s *SkinCheck) Shift(d time.Duration) {
	if !s.told.IsZero() {
		s.told = s.told.Add(d)
	}
}
