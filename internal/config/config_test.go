package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

func TestNoFileIsTheDefaults(t *testing.T) {
	c, err := Load(filepath.Join(t.TempDir(), "config.toml"))
	if err != nil || !reflect.DeepEqual(c, Default()) {
		t.Errorf("Load of a missing file: %+v, %v; want the defaults", c, err)
	}
	if d := Default(); d.Quiet != "23:00-07:00" || !d.Sound || d.Repeat != 2*time.Minute || d.Clock != Clock24 || !d.Ntfy.Ack || !d.KeepAwake || d.Voice {
		t.Errorf("defaults %+v differ from CLI.md's", d)
	}
}

// The file 'config init' writes says the defaults, and its example preset
// is valid once uncommented.
func TestTemplate(t *testing.T) {
	c, err := Parse("config.toml", []byte(Template))
	want := Default()
	want.Path = "config.toml"
	if err != nil || !reflect.DeepEqual(c, want) {
		t.Fatalf("the template reads as %+v, %v; want the defaults", c, err)
	}
	var uncommented []string
	for _, line := range strings.Split(Template, "\n") {
		if strings.HasPrefix(line, "# ") && strings.Contains(line, " = ") || line == "# [[preset]]" || line == "# [ntfy]" || line == "# [hooks]" {
			line = strings.TrimPrefix(line, "# ")
		}
		uncommented = append(uncommented, line)
	}
	c, err = Parse("config.toml", []byte(strings.Join(uncommented, "\n")))
	if err == nil && len(c.Presets) == 1 && c.Presets[0].ID == "physio" && c.Ntfy.Enabled() && c.Hooks.OnChange != "" {
		return
	}
	t.Errorf("the template's examples, uncommented: %+v, %v", c, err)
}

func TestEveryKey(t *testing.T) {
	c, err := Parse("c.toml", []byte(`
quiet  = "22:30-06:15"
sound  = false
voice  = true
repeat = "90s"
clock  = "12h"
keep_awake = false
skin_check = "off"

[[preset]]
id     = "physio"
name   = "My physio's cycle"
cycle  = "ice 15m, rest 45m"
window = "48h"
then   = "heat 20m, rest 40m"
note   = "From my physiotherapist, 2026-11"

[[preset]]
id    = "evening-heat"
cycle = "heat 30m, rest 1h"

[ntfy]
url   = "https://ntfy.example.org/"
topic = "my-back"
token = "tk_abc"
ack   = false

[hooks]
on_change = "paplay ~/chime.oga"
`))
	if err != nil {
		t.Fatal(err)
	}
	physio := schedule.Preset{
		ID: "physio", Name: "My physio's cycle", Description: "From my physiotherapist, 2026-11",
		Sources: []string{"your config file"}, Own: true,
		Protocol: schedule.Protocol{Stages: []schedule.Stage{
			{Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 15 * time.Minute}, {Kind: schedule.Rest, Duration: 45 * time.Minute}}, Window: 48 * time.Hour},
			{Cycle: schedule.Cycle{{Kind: schedule.Heat, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 40 * time.Minute}}},
		}},
		WindowMin: 48 * time.Hour, WindowMax: 48 * time.Hour,
	}
	evening := schedule.Preset{
		ID: "evening-heat", Name: "evening-heat", Description: "Your own preset, from your config file.",
		Sources: []string{"your config file"}, Own: true,
		Protocol: schedule.Protocol{Stages: []schedule.Stage{
			{Cycle: schedule.Cycle{{Kind: schedule.Heat, Duration: 30 * time.Minute}, {Kind: schedule.Rest, Duration: time.Hour}}},
		}},
	}
	want := Config{
		Path: "c.toml", Quiet: "22:30-06:15", Sound: false, Voice: true, Repeat: 90 * time.Second, Clock: Clock12, KeepAwake: false, SkinCheck: 0,
		Presets: []schedule.Preset{physio, evening},
		Ntfy:    Ntfy{URL: "https://ntfy.example.org", Topic: "my-back", Token: "tk_abc", Ack: false},
		Hooks:   Hooks{OnChange: "paplay ~/chime.oga"},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	if p, ok := c.Preset("physio"); !ok || p.ID != "physio" {
		t.Error("the catalogue does not find an own preset")
	}
	if p, ok := c.Preset("ice-20-20"); !ok || p.Own {
		t.Error("the catalogue does not find a built-in preset")
	}
	ids := c.PresetIDs()
	if len(ids) != len(schedule.Presets())+2 || ids[len(ids)-2] != "physio" || ids[len(ids)-1] != "evening-heat" {
		t.Errorf("ids %v: want the built-in ones, then physio and evening-heat", ids)
	}
}

// Tables can be written inline and keys dotted: TOML says they are the same.
func TestOtherTOMLForms(t *testing.T) {
	c, err := Parse("c.toml", []byte("repeat = 'off'\nntfy = { url = \"http://localhost:8080\", topic = \"t\" }\nhooks.on_change = \"true\"\n"))
	if err != nil || c.Repeat != RepeatOff || c.Ntfy.URL != "http://localhost:8080" || c.Hooks.OnChange != "true" {
		t.Errorf("%+v, %v", c, err)
	}
}

// Every bad file names the line of the problem, what is wrong and what is
// accepted; the settings are then the defaults, nothing half applied.
func TestBadFiles(t *testing.T) {
	preset := func(lines ...string) string {
		return "sound = true\n[[preset]]\n" + strings.Join(lines, "\n") + "\n"
	}
	for _, tc := range []struct {
		name, file string
		line       int
		want       string
	}{
		{"unknown key", "quiet = \"off\"\ncolour = \"blue\"\n", 2, `unknown key colour: the keys are quiet, sound, voice, repeat, clock, keep_awake and skin_check`},
		{"unknown quoted key", "\"bad\\u001bkey\" = 1\n", 1, `unknown key "bad\x1bkey"`},
		{"unknown table", "\n[sounds]\nx = 1\n", 2, `unknown table sounds: the tables are [ntfy], [hooks] and [[preset]]`},
		{"single-bracket preset", "[preset]\nid = \"a\"\n", 1, `[preset] is written [[preset]] (double brackets)`},
		{"inline preset list", "preset = [{id = \"a\"}]\n", 1, `preset is written as [[preset]] tables`},
		{"ntfy as a string", "ntfy = \"x\"\n", 1, `ntfy is a table: write [ntfy]`},
		{"unknown key in ntfy", "[ntfy]\nurl = \"https://a.org\"\ntopic = \"t\"\nurll = 1\n", 4, `unknown key urll in [ntfy]: [ntfy] takes url, topic, token and ack`},
		{"ack as a string", "[ntfy]\nurl = \"https://a.org\"\ntopic = \"t\"\nack = \"yes\"\n", 4, `ack = "yes": want true or false (no quotes)`},
		{"topic too long for replies", "[ntfy]\nurl = \"https://a.org\"\ntopic = \"" + strings.Repeat("t", 61) + "\"\n", 3, `the phone's replies go to ` + strings.Repeat("t", 61) + `-ack, which ntfy takes only up to 64 characters: use at most 60 for the topic, or ack = false`},
		{"unknown key in hooks", "[hooks]\non_start = \"x\"\n", 2, `unknown key on_start in [hooks]: [hooks] takes on_change`},
		{"unknown key in preset", preset(`id = "a"`, `cycle = "ice 1m, rest 1m"`, `colour = "x"`), 5, `unknown key colour in [[preset]]: a [[preset]] takes id, name, cycle, window, then and note`},
		{"syntax", "quiet = \"off\"\nsound = \n", 2, `not valid TOML`},
		{"unclosed string", "quiet = \"off\n", 1, `not valid TOML`},
		{"key twice", "sound = true\n\nsound = false\n", 3, `sound is set twice (first at line 1)`},
		{"table twice", "[hooks]\non_change = \"a\"\n[hooks]\n", 3, `[hooks] is written twice (first at line 1)`},
		{"quiet", "quiet = \"7-23\"\n", 1, `want HH:MM-HH:MM (such as 23:00-07:00) or "off"`},
		{"quiet as a number", "quiet = 23\n", 1, `quiet = 23: want a string in double quotes: "HH:MM-HH:MM"`},
		{"sound as a string", "sound = \"yes\"\n", 1, `sound = "yes": want true or false (no quotes)`},
		{"keep_awake as a string", "keep_awake = \"on\"\n", 1, `keep_awake = "on": want true or false (no quotes)`},
		{"voice as a string", "voice = \"on\"\n", 1, `voice = "on": want true or false (no quotes)`},
		{"repeat unitless", "repeat = \"2\"\n", 1, `repeat: duration "2" needs a unit: s, m or h`},
		{"repeat too seldom", "repeat = \"2h\"\n", 1, `repeat: duration "2h" must be from 1s to 1h, or "off"`},
		{"repeat as a number", "repeat = 120\n", 1, `repeat = 120: want a string in double quotes: a duration from 1s to 1h`},
		{"clock", "clock = \"24\"\n", 1, `clock = "24": want "24h" or "12h"`},
		{"skin check too late", "skin_check = \"31m\"\n", 1, `skin_check: duration "31m" must be from 1s to 30m, or "off"`},
		{"skin check as a number", "skin_check = 8\n", 1, `skin_check = 8: want a string in double quotes: a duration from 1s to 30m, such as "8m", or "off"`},
		{"ntfy url", "[ntfy]\nurl = \"ntfy.sh\"\ntopic = \"t\"\n", 2, `url = "ntfy.sh": want the server's base URL, http or https`},
		{"ntfy topic", "[ntfy]\nurl = \"https://a.org\"\ntopic = \"my back\"\n", 3, `topic = "my back": want 1 to 64 letters`},
		{"ntfy half", "\n[ntfy]\ntopic = \"t\"\n", 2, `[ntfy] needs both url and topic`},
		{"hook on two lines", "[hooks]\non_change = \"\"\"a\nb\"\"\"\n", 2, `on_change: want a one-line shell command`},
		{"no id", preset(`cycle = "ice 1m, rest 1m"`), 2, `[[preset]] has no id: give it one, such as id = "physio"`},
		{"bad id", preset(`id = "My Physio"`, `cycle = "ice 1m, rest 1m"`), 3, `preset id "My Physio": want lowercase letters, digits and dashes`},
		{"shadowing id", preset(`id = "ice-20-20"`, `cycle = "ice 1m, rest 1m"`), 3, `preset id "ice-20-20" is a built-in preset's: choose another id`},
		{"id twice", preset(`id = "a"`, `cycle = "ice 1m, rest 1m"`, `[[preset]]`, `id = "a"`, `cycle = "heat 1m, rest 1m"`), 6, `preset id "a" is used twice (first at line 3)`},
		{"no cycle", preset(`id = "a"`), 2, `[[preset]] a has no cycle: give one, such as cycle = "ice 15m, rest 45m"`},
		{"bad cycle", preset(`id = "a"`, `cycle = "snow 20m"`), 4, `cycle: phase 1 "snow 20m": kind must be ice, heat or rest`},
		{"bad window", preset(`id = "a"`, `cycle = "ice 1m, rest 1m"`, `window = "two days"`), 5, `window: duration "two days" is not a duration`},
		{"window too long", preset(`id = "a"`, `cycle = "ice 1m, rest 1m"`, `window = "721h"`), 5, `window: duration "721h" must be from 1s to 720h`},
		{"then without window", preset(`id = "a"`, `cycle = "ice 1m, rest 1m"`, `then = "heat 1m, rest 1m"`), 5, `then needs window`},
		{"bad then", preset(`id = "a"`, `cycle = "ice 1m, rest 1m"`, `window = "1h"`, `then = "heat"`), 6, `then: phase 1 "heat": want KIND DURATION`},
		{"long ice", preset(`id = "a"`, `cycle = "ice 31m, rest 1h"`), 4, `ice 31m is too long: one ice application lasts at most 30m`},
		{"long heat", preset(`id = "a"`, `cycle = "rest 5m, heat 1h1m"`), 4, `heat 1h1m is too long: one heat application lasts at most 1h`},
		{"long heat after", preset(`id = "a"`, `cycle = "ice 20m, rest 20m"`, `window = "48h"`, `then = "heat 2h, rest 1h"`), 6, `heat 2h is too long: one heat application lasts at most 1h`},
		{"ice back to back", preset(`id = "a"`, `cycle = "rest 5m, ice 20m, ice 10m"`), 4, `ice follows ice with no rest between`},
		{"heat around the cycle", preset(`id = "a"`, `cycle = "heat 20m, rest 5m, heat 20m"`), 4, `heat follows heat with no rest between`},
		{"one ice phase", preset(`id = "a"`, `cycle = "ice 20m"`), 4, `ice follows ice with no rest between`},
		{"ice across the stages", preset(`id = "a"`, `cycle = "rest 20m, ice 20m"`, `window = "48h"`, `then = "ice 10m, rest 50m"`), 6, `cycle ends with ice and then starts with ice`},
		{"name with an escape", preset(`id = "a"`, `cycle = "ice 1m, rest 1m"`, `name = "\u001b[2J"`), 5, `name has control characters`},
		{"long note", preset(`id = "a"`, `cycle = "ice 1m, rest 1m"`, `note = "`+strings.Repeat("x", 201)+`"`), 5, `note is 201 characters long: at most 200`},
		{"preset key as a number", preset(`id = 7`, `cycle = "ice 1m, rest 1m"`), 3, `id = 7: want a string in double quotes`},
	} {
		c, err := Parse("/home/me/.config/icetimer/config.toml", []byte(tc.file))
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Errorf("%s: no problem found in %q", tc.name, tc.file)
			continue
		}
		prefix := "/home/me/.config/icetimer/config.toml:" + strconv.Itoa(tc.line) + ": "
		if got := ps[0].Error(); !strings.HasPrefix(got, prefix) || !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q\nwant %q and %q", tc.name, err, prefix, tc.want)
		}
		if c.Mistake == nil || c.Mistake.Error() != err.Error() {
			t.Errorf("%s: Mistake %v, want %v", tc.name, c.Mistake, err)
		}
		c.Mistake, c.Unread = nil, nil
		if !reflect.DeepEqual(c, Default()) {
			t.Errorf("%s: a bad file gave settings %+v; want the defaults", tc.name, c)
		}
	}
}

// A file with a mistake names the own presets it holds, so that starting
// one can say why it is missing.
func TestABrokenFileNamesItsPresets(t *testing.T) {
	c, err := Parse("c.toml", []byte("qiet = \"22:00-06:00\"\n[[preset]]\nid = \"physio\"\ncycle = \"ice 15m, rest 45m\"\n[[preset]]\nid = \"evening\"\ncycle = \"heat 30m, rest 1h\"\n"))
	if err == nil || !reflect.DeepEqual(c.Unread, []string{"physio", "evening"}) || len(c.Presets) != 0 {
		t.Fatalf("err %v, unread %q, presets %d; want a problem and physio and evening unread", err, c.Unread, len(c.Presets))
	}
}

// One reading lists every problem, in line order.
func TestEveryProblemAtOnce(t *testing.T) {
	_, err := Parse("c.toml", []byte("[[preset]]\nid = \"ice-20-20\"\ncycle = \"ice 40m, rest 5m\"\n[hooks]\nx = 1\n\nclock = 12\n"))
	want := "c.toml:2: preset id \"ice-20-20\" is a built-in preset's: choose another id (built-in ids are listed by 'icetimer presets')\n" +
		"c.toml:3: ice 40m is too long: one ice application lasts at most 30m\n" +
		"c.toml:5: unknown key x in [hooks]: [hooks] takes on_change\n" +
		"c.toml:7: unknown key clock in [hooks]: [hooks] takes on_change"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

func TestFilesThatAreNotConfigFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), dir+": not a regular file") {
		t.Errorf("a directory: %v", err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", maxFileSize)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "larger than 1024 KiB") {
		t.Errorf("a 1 MiB file: %v", err)
	}
}

// A long topic is fine without the phone's buttons, whose replies need
// four more characters.
func TestAckAndTheTopicsLength(t *testing.T) {
	long := strings.Repeat("t", 64)
	c, err := Parse("c.toml", []byte("[ntfy]\nurl = \"https://a.org\"\ntopic = \""+long+"\"\nack = false\n"))
	if err != nil || c.Ntfy.Ack || c.Ntfy.Topic != long {
		t.Errorf("a 64-character topic with ack = false: %+v, %v", c.Ntfy, err)
	}
	c, err = Parse("c.toml", []byte("[ntfy]\nurl = \"https://a.org\"\ntopic = \""+long[:60]+"\"\n"))
	if err != nil || !c.Ntfy.Ack {
		t.Errorf("a 60-character topic, ack by default: %+v, %v", c.Ntfy, err)
	}
}
