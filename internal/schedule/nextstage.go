package schedule

import "time"

// CauseNextStage says the person moved the course on to its next stage
// (a NextStage event).
const CauseNextStage Cause = "next-stage"

// ByPerson reports whether a segment with this cause began because of the
// person's own key or command (a skip, a stop, a move to the next stage):
// they saw it happen, so no reminder tells them of it.
func (c Cause) ByPerson() bool {
	return c == CauseSkip || c == CauseStop || c == CauseNextStage
}

// HasNextStage reports whether a stage follows stage (0-based) in p: what a
// NextStage event needs to do anything.
func (p Protocol) HasNextStage(stage int) bool {
	return stage >= 0 && stage+1 < len(p.Stages)
}

// nextStage starts the stage after the current one at instant at, with its
// cycle's first ice or heat phase, as after quiet hours: the person decided
// the earlier stage had done its job (PROTOCOLS.md section 8). Its window
// counts from at. Done, or already in the last stage, nothing changes. Made
// during quiet hours it ends them, as a skip does; a pause in force holds
// the new phase frozen from its start, as it would any phase.
func (w *walker) nextStage(at time.Time) {
	if w.cur.Kind == Done || !w.course.Protocol.HasNextStage(w.cur.Stage) {
		return
	}
	if w.cur.Kind == Quiet {
		w.quiet = w.course.Quiet.nextAfter(at)
	}
	stage := w.cur.Stage + 1
	w.stageStart = at
	w.startPhase(at, stage, w.course.Protocol.Stages[stage].Cycle.firstOn(), CauseNextStage)
}
