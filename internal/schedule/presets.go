package schedule

import "time"

// Preset is a named protocol from the catalogue (docs: PROTOCOLS.md section 3).
// Ids are stable: scripts and saved courses refer to them.
type Preset struct {
	ID          string
	Name        string
	Description string
	// Sources are the article files (in shared/seeds) or references the
	// timings come from.
	Sources []string
	// Interpretation says where the preset reads something the sources leave
	// open; empty when it follows them to the letter.
	Interpretation string
	Protocol       Protocol
	// WindowMin and WindowMax bound the first stage's window when the person
	// chooses it; both zero when the first stage runs until stopped.
	WindowMin, WindowMax time.Duration
	// Own marks a person's own preset, from their config file, so listings
	// can tell it from the catalogue's.
	Own bool
}

const (
	minute = time.Minute
	hour   = time.Hour
)

func cycle(phases ...Phase) Cycle { return phases }

func on(k Kind, d time.Duration) Phase { return Phase{Kind: k, Duration: d} }

// Presets is the catalogue, in the order the picker shows it.
func Presets() []Preset {
	ice2020 := cycle(on(Ice, 20*minute), on(Rest, 20*minute))
	heat2020 := cycle(on(Heat, 20*minute), on(Rest, 20*minute))
	return []Preset{
		{
			ID: "ice-20-20", Name: "Ice 20 on, 20 off",
			Description: "Ice for 20 minutes, rest 20, repeated for the first 72 hours.",
			Sources:     []string{"000_7d64d274c823c83d.txt", "001_e310bbdc0bb54cbd.txt"},
			Protocol:    Protocol{Stages: []Stage{{Cycle: ice2020, Window: 72 * hour}}},
			WindowMin:   48 * hour, WindowMax: 72 * hour,
		},
		{
			ID: "ice-then-heat", Name: "Ice, then heat",
			Description: "Ice 20 on, 20 off for 48 hours (up to 72), then heat 20 on, 20 off until you stop.",
			Sources:     []string{"000_7d64d274c823c83d.txt", "003_466514dff374f0c2.txt"},
			Protocol: Protocol{Stages: []Stage{
				{Cycle: ice2020, Window: 48 * hour},
				{Cycle: heat2020},
			}},
			WindowMin: 48 * hour, WindowMax: 72 * hour,
		},
		{
			ID: "ice-25-90", Name: "Ice 25 on, 90 off",
			Description: "Ice for 25 minutes, then a long 90-minute rest, for the first 72 hours.",
			Sources:     []string{"002_c65f3fbaa6a05800.txt"},
			Protocol:    Protocol{Stages: []Stage{{Cycle: cycle(on(Ice, 25*minute), on(Rest, 90*minute)), Window: 72 * hour}}},
			WindowMin:   48 * hour, WindowMax: 72 * hour,
		},
		{
			ID: "ice-every-3h", Name: "Ice every 3 hours",
			Description:    "Ice for 20 minutes every 3 hours, until you stop.",
			Sources:        []string{"004_794139d6192a0f74.txt"},
			Interpretation: `Our reading: the source says "every few hours"; we use every 3 hours.`,
			Protocol:       Protocol{Stages: []Stage{{Cycle: cycle(on(Ice, 20*minute), on(Rest, 2*hour+40*minute))}}},
		},
		{
			ID: "heat-20-20", Name: "Heat 20 on, 20 off",
			Description: "Heat for 20 minutes, rest 20, until you stop.",
			Sources:     []string{"000_7d64d274c823c83d.txt"},
			Protocol:    Protocol{Stages: []Stage{{Cycle: heat2020}}},
		},
		{
			ID: "alternate", Name: "Alternate ice and heat",
			Description:    "Ice 20, rest 20, heat 20, rest 20, until you stop.",
			Sources:        []string{"004_794139d6192a0f74.txt", "003_466514dff374f0c2.txt"},
			Interpretation: "Our reading: the sources give no times; we use their common 20-minute unit.",
			Protocol: Protocol{Stages: []Stage{{Cycle: cycle(
				on(Ice, 20*minute), on(Rest, 20*minute), on(Heat, 20*minute), on(Rest, 20*minute))}}},
		},
		{
			ID: "intermittent-10-10-10", Name: "Intermittent ice 10-10-10",
			Description:    "Ice 10, rest 10, ice 10, then rest 90, for the first 72 hours.",
			Sources:        []string{"Bleakley et al. 2006, BJSM 40:700-705"},
			Interpretation: "From a trial on ankle sprains, not backs.",
			Protocol: Protocol{Stages: []Stage{{Cycle: cycle(
				on(Ice, 10*minute), on(Rest, 10*minute), on(Ice, 10*minute), on(Rest, 90*minute)), Window: 72 * hour}}},
			WindowMin: 48 * hour, WindowMax: 72 * hour,
		},
	}
}

// PresetByID finds a preset in the catalogue.
func PresetByID(id string) (Preset, bool) {
	for _, p := range Presets() {
		if p.ID == id {
			return p, true
		}
	}
	return Preset{}, false
}
