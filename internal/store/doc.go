// Package store keeps icetimer's saved course and its history on disk, in the
// user's state directory (see Dir).
//
// Files, all 0600 in a 0700 directory:
//
//   - state.json: the saved course, {"version": 1, "course": {...}}. Rewritten
//     whole at every event: a temp file in the same directory, fsync, rename
//     over state.json, fsync the directory. A reader sees the old file or the
//     new one, never a mix.
//   - history.jsonl: one line per course that ended (stopped, finished, or
//     replaced by a new one), appended once, holding the whole course. Per-day
//     figures are computed from these courses with the engine (see package report),
//     so nothing is counted twice and nothing is lost when the program was
//     closed during a transition.
//   - state.lock: the lock that lets one process at a time drive the course,
//     with a record of the holder's PID and command.
//   - safety.json: the answers to the one-time safety questions (package
//     safety), written atomically as state.json is; they are the person's,
//     not the course's, so writing them needs no lock.
//
// Format: durations are whole seconds (fields named *_seconds), instants are
// RFC 3339 with nanoseconds and the offset they were recorded in, quiet hours
// are seconds from local midnight plus the time zone's IANA name ("" when the
// zone had no known name; read back as the machine's local zone).
//
// Ending a course (Archive) saves it with its final events, appends it to
// history, then removes state.json: after a stop there is no saved course,
// and a crash between the steps is repaired by repeating them.
//
// A state.json that is truncated, corrupt, or written by a newer icetimer is
// moved aside to state.json.broken-<TIME> and reported as a *BrokenError, so
// the person can start afresh without the file being silently overwritten.
//
// Only regular files are read or written there, never through a symbolic
// link, and only so much of them (see openFile): a link, a named pipe or a
// device planted in the directory, or the directory itself being a link, is
// an error naming it, so that icetimer never writes outside its directory
// (as root, to /etc) and never hangs on a pipe. The process driving the
// course makes the directory and its files private again when it opens the
// store, had they been made readable to others.
//
// A process that only looks (status, history) uses a read-only store (see
// ReadOnly), which creates, changes and moves nothing, so that looking leaves
// no trace: not even the state directory of a first run.
package store
