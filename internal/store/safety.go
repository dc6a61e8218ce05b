package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/icetimer/icetimer/internal/safety"
)

// safetyName is the file holding the answers to the one-time safety
// questions (`icetimer check`, PROTOCOLS.md section 9).
const safetyName = "safety.json"

// ErrNoAnswers is returned by SafetyAnswers when the safety questions have
// not been answered, or the answers were forgotten.
var ErrNoAnswers = errors.New("the safety questions have not been answered")

// safetyFile is safety.json: {"version": 1, "answered_at": ..., "answers":
// {"raynaud": false, ...}}, an answer per question id.
type safetyFile struct {
	Version    int                `json:"version"`
	AnsweredAt time.Time          `json:"answered_at"`
	Answers    map[safety.ID]bool `json:"answers"`
}

// SaveSafety keeps a as the answers to the safety questions, replacing any
// before them, written atomically like the course. The answers are the
// person's, not the course's: no lock is needed, and the last to write
// wins.
func (s *Store) SaveSafety(a safety.Answers) error {
	if err := s.refuseWrite("keep the safety answers"); err != nil {
		return err
	}
	path, err := s.file(safetyName)
	if err == nil {
		err = checkRegular(path)
	}
	var data []byte
	if err == nil {
		data, err = json.MarshalIndent(safetyFile{Version: formatVersion, AnsweredAt: a.At.Round(0), Answers: a.Yes}, "", "  ")
	}
	if err == nil {
		err = writeAtomic(path, append(data, '\n'))
	}
	if err != nil {
		return fmt.Errorf("cannot keep the safety answers: %w", err)
	}
	return nil
}

// SafetyAnswers reads the answers SaveSafety kept: ErrNoAnswers when there
// are none, an error saying what is wrong (and what to do) when the file
// cannot be read back. Answers to questions this icetimer does not ask
// (a newer one's) are left out.
func (s *Store) SafetyAnswers() (safety.Answers, error) {
	path, err := s.file(safetyName)
	if err != nil {
		return safety.Answers{}, fmt.Errorf("cannot read the safety answers: %w", err)
	}
	data, err := readFile(path, maxSafetySize)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return safety.Answers{}, ErrNoAnswers
	case err != nil:
		return safety.Answers{}, fmt.Errorf("cannot read the safety answers %s: %w", path, err)
	}
	var f safetyFile
	switch err := json.Unmarshal(data, &f); {
	case err != nil:
		return safety.Answers{}, brokenAnswers(path, fmt.Sprintf("not valid JSON (%v)", err))
	case f.Version > formatVersion:
		return safety.Answers{}, brokenAnswers(path, fmt.Sprintf("written by a newer icetimer (format version %d)", f.Version))
	case f.Version < 1 || f.AnsweredAt.IsZero():
		return safety.Answers{}, brokenAnswers(path, "no version or no time of answering")
	}
	a := safety.Answers{At: f.AnsweredAt, Yes: map[safety.ID]bool{}}
	for id, yes := range f.Answers {
		if safety.Known(id) {
			a.Yes[id] = yes
		}
	}
	return a, nil
}

// brokenAnswers says why the answers file cannot be read, and what to do.
func brokenAnswers(path, why string) error {
	return fmt.Errorf("the safety answers %s cannot be read: %s; answer them again with 'icetimer check'", path, why)
}

// ForgetSafety removes the answers to the safety questions (`icetimer
// check --reset`); nothing to remove is no error.
func (s *Store) ForgetSafety() error {
	if err := s.refuseWrite("forget the safety answers"); err != nil {
		return err
	}
	path, err := s.file(safetyName)
	if err == nil {
		err = checkRegular(path)
	}
	if err == nil {
		err = os.Remove(path)
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("cannot forget the safety answers: %w", err)
	}
	return nil
}
