package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/ui"
	"github.com/icetimer/icetimer/internal/words"
)

// Bad input gets one line on stderr saying what was wrong and what is
// accepted, and exit status 2.
func TestBadInputIsAOneLineErrorAndExit2(t *testing.T) {
	e := newTestEnv(t)
	seventeen := strings.TrimSuffix(strings.Repeat("ice 1m, ", 17), ", ")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"plan", "--cycle", ""}, `cycle is empty: give phases like "ice 20m, rest 20m"`},
		{[]string{"plan", "--cycle", "ice 0m"}, `duration "0m" must be from 1s to 12h`},
		{[]string{"plan", "--cycle", "ice -5m"}, `duration "-5m" must be from 1s to 12h`},
		{[]string{"plan", "--cycle", "snow 20m"}, `phase 1 "snow 20m": kind must be ice, heat or rest`},
		{[]string{"plan", "--cycle", "ice 20"}, `duration "20" needs a unit`},
		{[]string{"plan", "--cycle", seventeen}, `17 phases: at most 16`},
		{[]string{"plan", "--cycle", "rest 5m, rest 10m"}, `at least one must be ice or heat`},
		{[]string{"plan", "--cycle", "ice 12h30m"}, `must be from 1s to 12h`},
		{[]string{"plan", "--cycle", "ice 20m, rest 20m", "--window", "0"}, `--window: duration "0" must be from 1s to 720h`},
		{[]string{"plan", "--cycle", "ice 31m, rest 20m"}, `--cycle: ice 31m is too long: one ice application lasts at most 30m`},
		{[]string{"plan", "--cycle", "ice 20m"}, `--cycle: ice follows ice with no rest between`},
		{[]string{"plan", "--cycle", "ice 20m, rest 20m", "--window", "1h", "--then", "heat 90m, rest 10m"}, `--then: heat 1h30m is too long`},
		{[]string{"plan", "ice-then-heat", "--window", "0"}, `--window for ice-then-heat: duration "0" must be from 48h to 72h`},
		{[]string{"plan", "ice-then-heat", "--window", "96h"}, `must be from 48h to 72h`},
		{[]string{"plan", "ice-20-20", "--window", "banana"}, `"banana" is not a duration`},
		{[]string{"plan", "heat-20-20", "--window", "48h"}, `runs until stopped and takes no --window`},
		{[]string{"plan", "ice-20-20", "--start", "25:00"}, `--start: time "25:00": want RFC 3339`},
		{[]string{"plan", "ice-20-20", "--quiet", "7-23"}, `want HH:MM-HH:MM (such as 23:00-07:00) or "off"`},
		{[]string{"plan", "ice-20-20", "--hours", "-1"}, `--hours -1: want a number of hours above 0`},
		{[]string{"plan", "ice-20-20", "--hours", "lots"}, `invalid argument "lots"`},
		{[]string{"plan", "frostbite"}, `unknown preset "frostbite": known presets are ice-20-20, ice-then-heat,`},
		{[]string{"plan", "--then", "heat 20m, rest 20m"}, `--then needs a first cycle`},
		{[]string{"plan", "--cycle", "ice 20m, rest 20m", "--then", "heat 20m"}, `--then needs --window`},
		{[]string{"plan", "ice-20-20", "--cycle", "ice 1m"}, `give a preset or --cycle, not both`},
		{[]string{"plan"}, `give a preset (ice-20-20,`},
		{[]string{"plan", "ice-20-20", "ice-25-90"}, `one preset at a time`},
		{[]string{"presets", "--yaml"}, `unknown flag: --yaml`},
		{[]string{"frobnicate"}, `unknown command "frobnicate" for "icetimer"`},
		{[]string{"strat"}, `unknown command "strat" for "icetimer" (did you mean start?)`},
		{[]string{"config", "chek"}, `config needs one of path, init or check; got "chek" (did you mean check?)`},
		{[]string{"stat"}, `unknown command "stat" for "icetimer" (did you mean start or status?)`},
		{[]string{"presets", "--jsn"}, `unknown flag: --jsn (did you mean --json?)`},
		{[]string{"start", "ice-20-20", "--replce"}, `unknown flag: --replce (did you mean --replace?)`},
		{[]string{"plan", "ice-20-20", "--hour", "2"}, `unknown flag: --hour (did you mean --hours?)`},
		{[]string{"completion", "tcsh"}, `completion "tcsh": want bash, zsh, fish or powershell`},
	} {
		code, stdout, stderr := e.run(tc.args...)
		if code != ExitUsage || stdout != "" || !strings.HasPrefix(stderr, "icetimer: ") ||
			strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("icetimer %q: exit %d, stdout %q, stderr %q; want exit 2 and one line containing %q",
				tc.args, code, stdout, stderr, tc.want)
		}
	}
}

func TestPresetsListsTheCatalogue(t *testing.T) {
	e := newTestEnv(t)
	code, out, _ := e.run("presets")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, p := range schedule.Presets() {
		if !strings.Contains(out, p.ID+"  "+p.Name) || !strings.Contains(out, words.Source(p.Sources[0])) {
			t.Errorf("presets does not list %s with its name and source", p.ID)
		}
	}
	// Sources by title and publisher, never by file name (PROTOCOLS.md
	// section 0).
	if !strings.Contains(out, "source: Back Spasm Relief, The Healthy Back Institute; How to Get Relief From Painful Back Muscle Spasms") || strings.Contains(out, ".txt") {
		t.Errorf("presets names a source by its file:\n%s", out)
	}
	code, out, _ = e.run("presets", "--json")
	var list []document.Preset
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != len(schedule.Presets()) {
		t.Fatalf("presets --json: exit %d, %v, %d entries", code, err, len(list))
	}
	ith := list[1]
	if ith.ID != "ice-then-heat" || *ith.WindowSeconds != 48*3600 || ith.Then == nil || ith.Then.WindowSeconds != nil ||
		ith.Then.Phases[0] != (document.Phase{Kind: schedule.Heat, Seconds: 1200}) {
		t.Errorf("ice-then-heat in JSON: %+v", ith)
	}
}

// The acceptance check: 20-minute ice and rest for exactly 48 h, then heat.
func TestPlanIceThenHeatJSON(t *testing.T) {
	e := newTestEnv(t)
	code, out, stderr := e.run("plan", "ice-then-heat", "--start", "2026-11-21T08:00:00Z", "--quiet", "off", "--hours", "50", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var plan document.Plan
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	if plan.Preset != "ice-then-heat" || plan.Start != "2026-11-21T08:00:00Z" || len(plan.Phases) != 150 {
		t.Fatalf("preset %q start %q, %d phases; want 150 (50 h of 20-minute phases)", plan.Preset, plan.Start, len(plan.Phases))
	}
	for i, p := range plan.Phases {
		wantKind, wantStage := []schedule.Kind{schedule.Ice, schedule.Rest}[i%2], 1
		if i >= 144 { // 48 h / 20 min
			wantKind, wantStage = []schedule.Kind{schedule.Heat, schedule.Rest}[i%2], 2
		}
		want := document.PlanPhase{At: start.Add(time.Duration(i) * 20 * time.Minute).Format(time.RFC3339), Kind: wantKind, Seconds: 1200, Stage: wantStage}
		if p != want {
			t.Fatalf("phase %d: %+v, want %+v", i, p, want)
		}
	}
}

func TestPlanKeepsTheOffsetOfStartAndShowsQuietAndDone(t *testing.T) {
	e := newTestEnv(t)
	code, out, _ := e.run("plan", "--cycle", "heat 1h, rest 1h", "--window", "3h", "--start", "2026-11-21T08:00:00+01:00", "--quiet", "off", "--json")
	var plan document.Plan
	if err := json.Unmarshal([]byte(out), &plan); code != 0 || err != nil {
		t.Fatalf("exit %d, %v", code, err)
	}
	last := plan.Phases[len(plan.Phases)-1]
	if plan.Preset != "custom" || len(plan.Phases) != 5 || last != (document.PlanPhase{At: "2026-11-21T12:00:00+01:00", Kind: schedule.Done, Stage: 1}) {
		t.Errorf("plan %+v", plan)
	}
}

func TestVersion(t *testing.T) {
	e := newTestEnv(t)
	if code, out, _ := e.run("version"); code != 0 || !strings.HasPrefix(out, "icetimer ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

func TestHelpCarriesTheDisclaimer(t *testing.T) {
	e := newTestEnv(t)
	if code, out, _ := e.run("--help"); code != 0 || !strings.Contains(out, ui.Disclaimer) {
		t.Errorf("--help: exit %d, ui.Disclaimer missing", code)
	}
	for _, sub := range []string{"presets", "plan", "version"} {
		if code, out, _ := e.run(sub, "-h"); code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%s -h: exit %d", sub, code)
		}
	}
}

// plan --ics, read back by a second library (go-ical), holds one event per
// ice or heat phase of plan --json, at the same instants, each with an
// alarm at its start and one at its end.
func TestPlanICSMatchesPlanJSON(t *testing.T) {
	e := newTestEnv(t)
	args := []string{"plan", "ice-then-heat", "--start", "2026-11-21T08:00:00+01:00", "--hours", "50"}
	code, out, stderr := e.run(append(args, "--json")...)
	if code != 0 {
		t.Fatalf("plan --json: %d %s", code, stderr)
	}
	var plan document.Plan
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = e.run(append(args, "--ics")...)
	if code != 0 {
		t.Fatalf("plan --ics: %d %s", code, stderr)
	}
	cal, err := goical.NewDecoder(strings.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read plan --ics: %v", err)
	}
	events := cal.Events()
	var kinds []schedule.Kind
	i := 0
	for _, p := range plan.Phases {
		if !p.Kind.IsOn() {
			continue
		}
		kinds = append(kinds, p.Kind)
		if i >= len(events) {
			break
		}
		at, _ := time.Parse(time.RFC3339, p.At)
		from, err1 := events[i].DateTimeStart(time.UTC)
		to, err2 := events[i].DateTimeEnd(time.UTC)
		if err1 != nil || err2 != nil || !from.Equal(at) || to.Sub(from) != time.Duration(p.Seconds)*time.Second {
			t.Errorf("event %d: %v to %v (%v %v), want %s for %ds", i, from, to, err1, err2, p.At, p.Seconds)
		}
		summary, _ := events[i].Props.Text(goical.PropSummary)
		if want := map[schedule.Kind]string{schedule.Ice: "Ice pack on", schedule.Heat: "Heat pack on"}[p.Kind]; !strings.HasPrefix(summary, want) {
			t.Errorf("event %d %q, want %s", i, summary, want)
		}
		alarms := 0
		for _, c := range events[i].Children {
			if c.Name == goical.CompAlarm {
				alarms++
			}
		}
		if alarms != 2 {
			t.Errorf("event %d has %d alarms, want 2", i, alarms)
		}
		i++
	}
	if len(events) != len(kinds) || len(kinds) < 10 || !slices.Contains(kinds, schedule.Heat) {
		t.Fatalf("%d events for %d on-phases (%v)", len(events), len(kinds), kinds)
	}
	if code, _, stderr := e.run(append(args, "--json", "--ics")...); code != 2 || strings.Count(stderr, "\n") != 1 {
		t.Fatalf("--json with --ics: exit %d, %q; want 2 and one line", code, stderr)
	}
}

// A flag whose default is the config file's says so once, not beside a
// default of its own that the file would override.
func TestHelpShowsOneDefaultPerFlag(t *testing.T) {
	e := newTestEnv(t)
	_, out, _ := e.run("help", "run")
	for _, want := range []string{`(default: the config file's, else 2m)`, `(default: the config file's, else on)`} {
		if !strings.Contains(out, want) {
			t.Errorf("help run lacks %q", want)
		}
	}
	if strings.Contains(out, `(default "`) {
		t.Errorf("help run shows a second default:\n%s", out)
	}
}
