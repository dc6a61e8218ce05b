package config

import (
	"regexp"
	"time"
	"unicode/utf8"

	"github.com/icetimer/icetimer/internal/schedule"
)

// Bounds on an own preset's window: those of --window with --cycle.
const (
	MinWindow = time.Second
	MaxWindow = 30 * 24 * time.Hour
)

// Bounds on the words of an own preset, which listings and the picker show.
const (
	maxName = 60
	maxNote = 200
)

// idPattern is what an own preset's id may be: it is typed on the command
// line and completed by the shell.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// rawPreset is a [[preset]] table as written, each value with its line.
type rawPreset struct {
	line                                int // of the [[preset]] header
	id, name, cycle, window, then, note field
}

// field is a string key's value and its line; line 0 when it is not set.
type field struct {
	text string
	line int
	// bad is set when the value was not a string, which is reported
	// already.
	bad bool
}

func (r *rawPreset) set(e entry, ps *problems) {
	keys := map[string]*field{"id": &r.id, "name": &r.name, "cycle": &r.cycle, "window": &r.window, "then": &r.then, "note": &r.note}
	f, ok := keys[e.path[1]]
	if !ok {
		ps.addf(e.line, "unknown key %s in [[preset]]: %s", safeKey(e.path[1]), acceptedKeys(e))
		return
	}
	s, ok := str(e, ps, "see 'icetimer config init' for an example preset")
	*f = field{text: s, line: e.line, bad: !ok}
}

// buildPresets turns the [[preset]] tables into presets, each checked
// against the safety rails; a table with a problem is left out.
func buildPresets(raws []rawPreset, ps *problems) []schedule.Preset {
	var out []schedule.Preset
	ids := map[string]int{}
	for _, r := range raws {
		p, ok := r.preset(ps)
		if !ok {
			continue
		}
		if first, dup := ids[p.ID]; dup {
			ps.addf(r.id.line, "preset id %q is used twice (first at line %d): give each preset its own id", p.ID, first)
			continue
		}
		ids[p.ID] = r.id.line
		out = append(out, p)
	}
	return out
}

// preset is one [[preset]] as a schedule.Preset, or false after adding its
// problems.
func (r rawPreset) preset(ps *problems) (schedule.Preset, bool) {
	before := len(ps.list)
	p := schedule.Preset{ID: r.id.text, Name: r.name.text, Description: r.note.text,
		Sources: []string{"your config file"}, Own: true}
	switch _, builtin := schedule.PresetByID(r.id.text); {
	case r.id.line == 0:
		ps.addf(r.line, `[[preset]] has no id: give it one, such as id = "physio"`)
	case r.id.bad:
	case !idPattern.MatchString(r.id.text):
		ps.addf(r.id.line, "preset id %q: want lowercase letters, digits and dashes, such as \"physio\" or \"physio-2\"", r.id.text)
	case builtin:
		ps.addf(r.id.line, "preset id %q is a built-in preset's: choose another id (built-in ids are listed by 'icetimer presets')", r.id.text)
	}
	if p.Name == "" {
		p.Name = p.ID
	}
	r.checkWords(ps)
	if p.Description == "" {
		p.Description = "Your own preset, from your config file."
	}
	p.Protocol = r.protocol(ps)
	if len(ps.list) > before {
		return p, false
	}
	if w := p.Protocol.Stages[0].Window; w > 0 {
		// The window is the physiotherapist's: --window and the picker
		// offer only it.
		p.WindowMin, p.WindowMax = w, w
	}
	return p, true
}

// checkWords refuses a name or note a listing could not show as written.
func (r rawPreset) checkWords(ps *problems) {
	for _, f := range []struct {
		key string
		f   field
		max int
	}{{"name", r.name, maxName}, {"note", r.note, maxNote}} {
		switch {
		case f.f.line == 0 || f.f.bad:
		case !printable(f.f.text):
			ps.addf(f.f.line, "%s has control characters: write plain text on one line", f.key)
		case utf8.RuneCountInString(f.f.text) > f.max:
			ps.addf(f.f.line, "%s is %d characters long: at most %d are shown", f.key, utf8.RuneCountInString(f.f.text), f.max)
		}
	}
}

// protocol reads cycle, window and then, and checks them against the
// safety rails.
func (r rawPreset) protocol(ps *problems) schedule.Protocol {
	var p schedule.Protocol
	if r.cycle.line == 0 {
		ps.addf(r.line, `[[preset]] %s has no cycle: give one, such as cycle = "ice 15m, rest 45m"`, r.id.text)
		return p
	}
	first, ok := cycle("cycle", r.cycle, ps)
	stage := schedule.Stage{Cycle: first}
	if r.window.bad {
		ok = false
	} else if r.window.line != 0 {
		w, err := schedule.ParseDuration(r.window.text, MinWindow, MaxWindow)
		if err != nil {
			ps.addf(r.window.line, "window: %v; leave it out for a cycle that runs until stopped", err)
			ok = false
		}
		stage.Window = w
	}
	p.Stages = []schedule.Stage{stage}
	if r.then.line != 0 {
		if r.window.line == 0 {
			ps.addf(r.then.line, "then needs window: the first cycle must end for the next to begin")
			return p
		}
		then, thenOK := cycle("then", r.then, ps)
		p.Stages = append(p.Stages, schedule.Stage{Cycle: then})
		ok = ok && thenOK
	}
	if ok {
		for _, v := range railViolations(p) {
			line := r.cycle.line
			if v.stage > 0 {
				line = r.then.line
			}
			ps.addf(line, "%s", v.msg)
		}
	}
	return p
}

// cycle parses a cycle SPEC, adding a problem that names the key.
func cycle(key string, f field, ps *problems) (schedule.Cycle, bool) {
	if f.bad {
		return nil, false
	}
	c, err := schedule.ParseCycle(f.text)
	if err != nil {
		ps.addf(f.line, "%s: %v", key, err)
		return nil, false
	}
	return c, true
}
