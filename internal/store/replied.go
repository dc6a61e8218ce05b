package store

import (
	"encoding/json"
	"fmt"
	"time"
)

// repliedName is the file holding the last message the driver read on the
// phone's reply topic, so that the next driver picks up there: a press of
// the phone's button while no icetimer ran is applied by the next one, and
// a press applied already is not read again.
const repliedName = "replied"

// replied is the file's content. The course it belongs to is named by its
// start, so that a reply ID left by an earlier course is never taken for
// the next one's (that one reads its replies from its own start): the file
// is not cleared when a course ends, unlike the reminded marker.
type replied struct {
	Course time.Time `json:"course"`
	ID     string    `json:"id"`
}

// SaveReplied records id, ntfy's ID of the last message read on the reply
// topic of the course started at course, once what it asked was done.
// Written atomically, like the course.
func (s *Store) SaveReplied(course time.Time, id string) error {
	if err := s.refuseWrite("record the phone's last reply"); err != nil {
		return err
	}
	data, err := json.Marshal(replied{Course: course.Round(0).UTC(), ID: id})
	if err != nil {
		return err
	}
	path, err := s.file(repliedName)
	if err == nil {
		err = checkRegular(path)
	}
	if err == nil {
		err = writeAtomic(path, append(data, '\n'))
	}
	if err != nil {
		return fmt.Errorf("cannot record the phone's last reply: %w", err)
	}
	return nil
}

// Replied is the ID SaveReplied last recorded for the course started at
// course; false when none was for that course (or the file cannot be read,
// or is not a small regular file: the replies are then read from the
// course's start, and those applied already are ignored).
func (s *Store) Replied(course time.Time) (string, bool) {
	path, err := s.file(repliedName)
	if err != nil {
		return "", false
	}
	data, err := readFile(path, maxRemindedSize)
	if err != nil {
		return "", false
	}
	var r replied
	if json.Unmarshal(data, &r) != nil || r.ID == "" || !r.Course.Equal(course.Round(0)) {
		return "", false
	}
	return r.ID, true
}
