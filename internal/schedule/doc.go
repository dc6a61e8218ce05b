// Package schedule is icetimer's engine: it answers what the person should be
// doing at any instant of a course, and which transitions happened between two
// instants.
//
// Everything here is a pure function of (course, now). The package never reads
// the clock, does no I/O and keeps no counters, so an answer cannot drift however
// long a course runs, and a process that restarts (or a laptop that slept) gets
// the same answer as one that never stopped.
package schedule
