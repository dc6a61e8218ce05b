package schedule

import (
	"reflect"
	"slices"
)

// Extends reports whether c is old with events or check-ins added after
// its own: the same course (preset, protocol, start, settings) a process
// went on driving. Events and check-ins are append-only, so a course that
// extends another holds everything it did.
func (c Course) Extends(old Course) bool {
	return c.Preset == old.Preset && c.Start.Equal(old.Start) && reflect.DeepEqual(c.Protocol, old.Protocol) &&
		c.Quiet.Enabled == old.Quiet.Enabled && c.Quiet.Start == old.Quiet.Start && c.Quiet.End == old.Quiet.End &&
		c.SkinCheck == old.SkinCheck && c.ConfirmPutOn == old.ConfirmPutOn &&
		len(c.Events) >= len(old.Events) && slices.EqualFunc(c.Events[:len(old.Events)], old.Events, sameEvent) &&
		len(c.Pain) >= len(old.Pain) && slices.EqualFunc(c.Pain[:len(old.Pain)], old.Pain, samePain)
}

func sameEvent(a, b Event) bool { return a.Type == b.Type && a.At.Equal(b.At) && a.Amount == b.Amount }

func samePain(a, b PainScore) bool { return a.At.Equal(b.At) && a.Score == b.Score && a.Note == b.Note }
