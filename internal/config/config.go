// Package config reads the person's config file (docs: CLI.md, second
// version): defaults for quiet hours, sound, voice, repeat and the clock, their own
// presets, and the ntfy and hook settings. Every key is optional; a file
// that is missing is the defaults. Every problem is reported with its line.
package config

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// ClockFormat is how clock times are written: "24h" or "12h".
type ClockFormat string

// The clock formats the config file accepts.
const (
	Clock24 ClockFormat = "24h"
	Clock12 ClockFormat = "12h"
)

// Config is the config file's settings, defaults filled in.
type Config struct {
	// Path is the file these settings were read from; empty when there
	// was none.
	Path string
	// Quiet is the quiet hours, "HH:MM-HH:MM" or "off", already checked by
	// schedule.ParseQuietHours; --quiet wins over it.
	Quiet string
	// Sound is whether reminders make a sound; --sound wins over it.
	Sound bool
	// Voice is whether reminders are said aloud; --voice wins over it.
	Voice bool
	// Repeat is how often a "remove the pack" reminder repeats until it is
	// acknowledged; RepeatOff (negative) never, as ui.WithReminders reads it.
	// --repeat wins over it.
	Repeat time.Duration
	// Clock is how clock times are written.
	Clock ClockFormat
	// KeepAwake keeps the computer from sleeping while a pack is on;
	// --keep-awake wins over it.
	KeepAwake bool
	// SkinCheck is how far into an ice phase's running time the skin check
	// comes (PROTOCOLS.md section 9); 0 for "off". A course keeps the
	// value it started with.
	SkinCheck time.Duration
	// Presets are the person's own, in the file's order, each marked Own.
	Presets []schedule.Preset
	// Ntfy is the phone push server; only Ack is set when the file has no
	// [ntfy].
	Ntfy Ntfy
	// Hooks are the commands run at each change.
	Hooks Hooks
	// Warnings are what the file sets but was left out, and why, one line
	// each with the command that fixes it: the caller shows them.
	Warnings []string
	// Mistake is why none of the file was used (the settings are the
	// defaults): every problem found, as Load returns them; nil for a file
	// read whole. Unread are the ids of the own presets the file names,
	// which are therefore not in the catalogue.
	Mistake error
	Unread  []string
}

// Ntfy is the [ntfy] table: where phone pushes are published.
type Ntfy struct {
	// URL is the server's base URL (http or https).
	URL string
	// Topic is the topic pushes are published to.
	Topic string
	// Token is an access token sent as a Bearer token; empty for none.
	Token string
	// Ack puts a button on the phone's reminders that acknowledges them
	// (a reply on the topic TOPIC-ack); true unless the file says false.
	Ack bool
}

// Enabled reports whether the file asks for phone pushes.
func (n Ntfy) Enabled() bool { return n.URL != "" && n.Topic != "" }

// Hooks is the [hooks] table.
type Hooks struct {
	// OnChange is a shell command run at each change; empty for none.
	OnChange string
}

// Defaults when the file leaves a key out (docs: CLI.md).
const (
	DefaultQuiet  = "23:00-07:00"
	DefaultRepeat = 2 * time.Minute
	// DefaultSkinCheck: the skin under ice is coldest 8 to 9 minutes in
	// (Physiotherapy 2009;95(2):120-5).
	DefaultSkinCheck = 8 * time.Minute
)

// RepeatOff is Repeat for repeat = "off".
const RepeatOff time.Duration = -1

// Default is the settings with no config file.
func Default() Config {
	return Config{Quiet: DefaultQuiet, Sound: true, Repeat: DefaultRepeat, Clock: Clock24, KeepAwake: true, SkinCheck: DefaultSkinCheck, Ntfy: Ntfy{Ack: true}}
}

// Catalogue is every preset a person can start: the built-in ones in their
// order, then their own. Listings, the picker, completions and the commands
// that take a PRESET all read it, so an own preset appears wherever a
// built-in one does.
func (c Config) Catalogue() []schedule.Preset {
	return append(schedule.Presets(), c.Presets...)
}

// Preset finds a preset in the catalogue by id.
func (c Config) Preset(id string) (schedule.Preset, bool) {
	for _, p := range c.Catalogue() {
		if p.ID == id {
			return p, true
		}
	}
	return schedule.Preset{}, false
}

// PresetIDs lists the catalogue's ids in order, for error messages and
// completions.
func (c Config) PresetIDs() []string {
	var ids []string
	for _, p := range c.Catalogue() {
		ids = append(ids, p.ID)
	}
	return ids
}
