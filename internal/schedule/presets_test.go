package schedule

import (
	"slices"
	"testing"
	"time"
)

// The catalogue of PROTOCOLS.md section 3, written out from its table so the
// test reads as the specification: ids, one cycle's phases, window, follow-on.
var catalogue = []struct {
	id     string
	cycle  string
	window time.Duration // 0: until stopped
	then   string
}{
	{"ice-20-20", "ice 20m, rest 20m", 72 * time.Hour, ""},
	{"ice-then-heat", "ice 20m, rest 20m", 48 * time.Hour, "heat 20m, rest 20m"},
	{"ice-25-90", "ice 25m, rest 1h30m", 72 * time.Hour, ""},
	{"ice-every-3h", "ice 20m, rest 2h40m", 0, ""},
	{"heat-20-20", "heat 20m, rest 20m", 0, ""},
	{"alternate", "ice 20m, rest 20m, heat 20m, rest 20m", 0, ""},
	{"intermittent-10-10-10", "ice 10m, rest 10m, ice 10m, rest 1h30m", 72 * time.Hour, ""},
}

func TestCatalogueMatchesProtocolsTable(t *testing.T) {
	var ids []string
	for _, want := range catalogue {
		ids = append(ids, want.id)
		p := preset(t, want.id)
		first := p.Protocol.Stages[0]
		if got := FormatCycle(first.Cycle); got != FormatCycle(mustCycle(t, want.cycle)) {
			t.Errorf("%s: cycle %q, want %q", want.id, got, want.cycle)
		}
		if first.Window != want.window {
			t.Errorf("%s: window %v, want %v", want.id, first.Window, want.window)
		}
		switch {
		case want.then == "" && len(p.Protocol.Stages) != 1:
			t.Errorf("%s: has a follow-on stage, want none", want.id)
		case want.then != "" && (len(p.Protocol.Stages) != 2 || FormatCycle(p.Protocol.Stages[1].Cycle) != FormatCycle(mustCycle(t, want.then)) || !p.Protocol.Stages[1].UntilStopped()):
			t.Errorf("%s: follow-on %+v, want %q until stopped", want.id, p.Protocol.Stages[1:], want.then)
		}
		if p.Name == "" || p.Description == "" || len(p.Sources) == 0 {
			t.Errorf("%s: needs a name, a description and its sources", want.id)
		}
	}
	var got []string
	for _, p := range Presets() {
		got = append(got, p.ID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("catalogue ids %v, want %v", got, ids)
	}
}

func TestInterpretationsAreLabelled(t *testing.T) {
	for _, id := range []string{"ice-every-3h", "alternate", "intermittent-10-10-10"} {
		if preset(t, id).Interpretation == "" {
			t.Errorf("%s reads something its sources leave open (or comes from another injury): it must say so", id)
		}
	}
}

func TestIceThenHeatWindowIsTheUsersChoiceFrom48To72Hours(t *testing.T) {
	p := preset(t, "ice-then-heat")
	if p.WindowMin != 48*time.Hour || p.WindowMax != 72*time.Hour {
		t.Errorf("window range %v-%v, want 48h-72h", p.WindowMin, p.WindowMax)
	}
}

func mustCycle(t *testing.T, spec string) Cycle {
	t.Helper()
	c, err := ParseCycle(spec)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
