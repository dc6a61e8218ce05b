package timer

import "slices"

// seenKept bounds how many problems a screen remembers having shown.
const seenKept = 8

// showProblem puts err's line on the screen (nil clears it). A problem
// that came before is told again quietly, dim on one row: a desktop that
// cannot be reached says so at every reminder, and once in full is enough.
func (m Model) showProblem(err error) Model {
	m.problem, m.quietProblem = "", ""
	if err == nil {
		return m
	}
	m.problem = err.Error()
	if slices.Contains(m.seenProblems, m.problem) {
		m.quietProblem = m.problem
		return m
	}
	m.seenProblems = append(m.seenProblems[max(len(m.seenProblems)-seenKept+1, 0):len(m.seenProblems):len(m.seenProblems)], m.problem)
	return m
}
