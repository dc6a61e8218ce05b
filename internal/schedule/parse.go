package schedule

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Limits on a custom cycle (docs: CLI.md).
const (
	MaxPhases        = 16
	MinPhaseDuration = time.Second
	MaxPhaseDuration = 12 * time.Hour
)

// ParseCycle reads a cycle SPEC: phases separated by commas (a trailing one
// is allowed), each "KIND DURATION", KIND one of ice, heat, rest, DURATION as
// ParseDuration reads it ("20m", "20 min", "1 h 30 min", "1:30"). Errors
// name the phase and say what is accepted.
func ParseCycle(spec string) (Cycle, error) {
	if strings.TrimSpace(spec) == "" {
		return nil, fmt.Errorf(`cycle is empty: give phases like "ice 20m, rest 20m"`)
	}
	// A control character (NEL, which splits fields as a space would) is
	// a pasted escape sequence, not a cycle.
	if strings.ContainsFunc(spec, isStrayControl) {
		return nil, fmt.Errorf(`cycle has a control character: give phases like "ice 20m, rest 20m"`)
	}
	parts := strings.Split(spec, ",")
	if len(parts) > 1 && strings.TrimSpace(parts[len(parts)-1]) == "" {
		parts = parts[:len(parts)-1] // "ice 20m, rest 20m," as people list things
	}
	if len(parts) > MaxPhases {
		return nil, fmt.Errorf("cycle has %d phases: at most %d are accepted", len(parts), MaxPhases)
	}
	var c Cycle
	for i, part := range parts {
		p, err := parsePhase(part)
		if err != nil {
			return nil, fmt.Errorf("phase %d %q: %w", i+1, strings.TrimSpace(part), err)
		}
		c = append(c, p)
	}
	for _, p := range c {
		if p.Kind.IsOn() {
			return c, nil
		}
	}
	return nil, fmt.Errorf("cycle %q has only rest phases: at least one must be ice or heat", strings.TrimSpace(spec))
}

// isStrayControl is a control character other than the white space a
// script may put between phases.
func isStrayControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

func parsePhase(s string) (Phase, error) {
	kindText, durText, _ := strings.Cut(strings.TrimSpace(s), " ")
	if strings.TrimSpace(durText) == "" {
		return Phase{}, fmt.Errorf(`want KIND DURATION, such as "ice 20m" or "ice 20 min"`)
	}
	kind := Kind(strings.ToLower(kindText))
	if !kind.IsOn() && kind != Rest {
		return Phase{}, fmt.Errorf("kind must be ice, heat or rest")
	}
	d, err := ParseDuration(strings.TrimSpace(durText), MinPhaseDuration, MaxPhaseDuration)
	if err != nil {
		return Phase{}, err
	}
	return Phase{Kind: kind, Duration: d}, nil
}

// units are the unit words a duration may use, in any case, each with the
// unit of Go's syntax it stands for.
var units = map[string]string{
	"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
	"m": "m", "min": "m", "mins": "m", "minute": "m", "minutes": "m",
	"h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
}

// durationTerm is a number and its unit word, spaces between allowed.
var durationTerm = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]+)`)

// ParseDuration reads a duration that must be whole seconds within [lo, hi]:
// in Go's syntax ("20m", "1h30m", "90s"), with unit words and spaces as
// people write them ("20 min", "20min", "20M", "1 h 30 min", "2 hours"), or
// as a clock reads it, H:MM or H:MM:SS ("1:30" is an hour and a half).
func ParseDuration(s string, lo, hi time.Duration) (time.Duration, error) {
	d, err := readDuration(s)
	if err != nil {
		return 0, err
	}
	if d%time.Second != 0 {
		return 0, fmt.Errorf("duration %q must be whole seconds", s)
	}
	if d < lo || d > hi {
		return 0, fmt.Errorf("duration %q must be from %s to %s", s, FormatDuration(lo), FormatDuration(hi))
	}
	return d, nil
}

// readDuration turns s into Go's syntax and reads it.
func readDuration(s string) (time.Duration, error) {
	notDuration := fmt.Errorf(`duration %q is not a duration: write it like 20m, 20 min, 1h30m, 1:30 or 90s`, s)
	text := strings.TrimSpace(s)
	if d, err := time.ParseDuration(text); err == nil {
		return d, nil // Go's syntax, "0" included
	}
	if strings.Contains(text, ":") {
		return readClockDuration(text, notDuration)
	}
	if _, numErr := strconv.ParseFloat(text, 64); numErr == nil {
		return 0, fmt.Errorf("duration %q needs a unit: s, m or h, as in %sm or %s min", s, text, text)
	}
	sign := ""
	if rest, ok := strings.CutPrefix(text, "-"); ok {
		sign, text = "-", rest
	}
	var goSyntax strings.Builder
	goSyntax.WriteString(sign)
	for text != "" {
		m := durationTerm.FindStringSubmatch(text)
		if m == nil {
			return 0, notDuration
		}
		unit, ok := units[strings.ToLower(m[2])]
		if !ok {
			return 0, fmt.Errorf("duration %q: unit %q is not one of s, sec, m, min, h, hour", s, m[2])
		}
		goSyntax.WriteString(m[1] + unit)
		text = strings.TrimSpace(text[len(m[0]):])
	}
	d, err := time.ParseDuration(goSyntax.String())
	if err != nil {
		return 0, notDuration
	}
	return d, nil
}

// readClockDuration reads H:MM or H:MM:SS.
func readClockDuration(text string, notDuration error) (time.Duration, error) {
	parts := strings.Split(text, ":")
	if len(parts) > 3 {
		return 0, notDuration
	}
	var d time.Duration
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || (i > 0 && (len(p) != 2 || n > 59)) {
			return 0, notDuration
		}
		d = d*60 + time.Duration(n)
	}
	unit := time.Minute
	if len(parts) == 3 {
		unit = time.Second
	}
	return d * unit, nil
}

// FormatDuration writes a duration the short way people read it: 20m, 1h30m,
// 72h, 90s.
func FormatDuration(d time.Duration) string {
	s := d.Round(time.Second).String()
	for _, zero := range []string{"m0s", "h0m"} {
		s = strings.Replace(s, zero, zero[:1], 1)
	}
	return s
}

// FormatCycle writes a cycle back in SPEC syntax.
func FormatCycle(c Cycle) string {
	parts := make([]string, len(c))
	for i, p := range c {
		parts[i] = string(p.Kind) + " " + FormatDuration(p.Duration)
	}
	return strings.Join(parts, ", ")
}

// ParseQuietHours reads "HH:MM-HH:MM" (local clock times in loc) or "off".
func ParseQuietHours(s string, loc *time.Location) (QuietHours, error) {
	if strings.EqualFold(strings.TrimSpace(s), "off") {
		return QuietHours{}, nil
	}
	from, to, ok := strings.Cut(s, "-")
	if !ok {
		return QuietHours{}, fmt.Errorf(`quiet hours %q: want HH:MM-HH:MM (such as 23:00-07:00) or "off"`, s)
	}
	start, err1 := ParseClock(from)
	end, err2 := ParseClock(to)
	if err1 != nil || err2 != nil {
		return QuietHours{}, fmt.Errorf(`quiet hours %q: want HH:MM-HH:MM (such as 23:00-07:00) or "off"`, s)
	}
	if start == end {
		return QuietHours{}, fmt.Errorf("quiet hours %q: start and end must differ", s)
	}
	return QuietHours{Enabled: true, Start: start, End: end, Location: loc}, nil
}

// String writes quiet hours back as "HH:MM-HH:MM" or "off".
func (q QuietHours) String() string {
	if !q.Enabled {
		return "off"
	}
	return FormatClock(q.Start) + "-" + FormatClock(q.End)
}

// ParseClock reads a 24-hour clock time "HH:MM" as an offset from midnight.
func ParseClock(s string) (time.Duration, error) {
	if strings.ContainsFunc(s, isStrayControl) {
		return 0, fmt.Errorf("clock time %q has a control character: want HH:MM from 00:00 to 23:59", s)
	}
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(h) == 0 || len(h) > 2 || len(m) != 2 ||
		hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, fmt.Errorf("clock time %q: want HH:MM from 00:00 to 23:59", s)
	}
	return time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute, nil
}

// FormatClock writes an offset from midnight as "HH:MM".
func FormatClock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// ParseInstant reads an instant given as RFC 3339 ("2026-11-21T08:00:00+01:00")
// or as "HH:MM", today in now's location.
func ParseInstant(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	d, err := ParseClock(s)
	if err != nil || strings.Contains(s, "T") {
		return time.Time{}, fmt.Errorf("time %q: want RFC 3339 (2026-11-21T08:00:00+01:00) or HH:MM (today, local time)", s)
	}
	y, m, day := now.Date()
	return time.Date(y, m, day, int(d/time.Hour), int(d%time.Hour/time.Minute), 0, 0, now.Location()), nil
}
