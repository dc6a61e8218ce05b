package config

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/icetimer/icetimer/internal/schedule"
)

// maxFileSize bounds what is read: a config file is a few hundred bytes,
// and a device or a huge file named by mistake must not fill memory.
const maxFileSize = 1 << 20

// Bounds on repeat, those of --repeat: a reminder that repeats less than
// hourly no longer reminds.
const (
	MinRepeat = time.Second
	MaxRepeat = time.Hour
)

// Load reads the config file at path. A file that does not exist is the
// defaults, with no error. Otherwise every problem is returned together as
// Problems, with the defaults (Mistake and Unread say what was left out): a
// file with a mistake in it is not half applied. A file that others could
// have written keeps everything but the hook and the phone, which are left
// out with a warning (see Warnings).
func Load(path string) (Config, error) {
	data, info, err := readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		ps := Problems{{Path: path, Msg: err.Error()}}
		c := Default()
		c.Mistake = ps
		return c, ps
	}
	c, err := Parse(path, data)
	if err != nil {
		return c, err
	}
	c.distrust(othersCanWrite(path, info))
	return c, nil
}

// distrust leaves out what the file sets that runs a command ([hooks]
// on_change) or sends the course elsewhere ([ntfy]) when why says that
// others could have written it: anyone who can write the file could then
// run their commands as this user. The rest still applies.
func (c *Config) distrust(why string) {
	var set []string
	if c.Hooks != (Hooks{}) {
		set = append(set, "[hooks] on_change")
	}
	if c.Ntfy.URL != "" || c.Ntfy.Topic != "" || c.Ntfy.Token != "" {
		set = append(set, "[ntfy]")
	}
	if why == "" || len(set) == 0 {
		return
	}
	c.Hooks, c.Ntfy = Hooks{}, Ntfy{Ack: c.Ntfy.Ack}
	c.Warnings = append(c.Warnings, fmt.Sprintf("%s: %s left out, as others could have written them: %s", c.Path, strings.Join(set, " and "), why))
}

// readFile reads a regular file of at most maxFileSize, and says who may
// write it (the file as opened). A FIFO or a device named by mistake would
// otherwise hang or exhaust the reader.
func readFile(path string) ([]byte, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("not a regular file: the config file must be a plain text file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err == nil && len(data) > maxFileSize {
		err = fmt.Errorf("larger than %d KiB: a config file is a few lines", maxFileSize>>10)
	}
	return data, info, err
}

// Parse reads a config file's contents; path names it in problems.
func Parse(path string, data []byte) (Config, error) {
	ps := &problems{path: path}
	doc := parse(data, ps)
	c := Default()
	c.Path = path
	raws := make([]rawPreset, len(doc.presets))
	for i, line := range doc.presets {
		raws[i].line = line
	}
	ntfyKeys := map[string]int{} // the line of each [ntfy] key given
	for _, e := range doc.entries {
		switch {
		case e.preset >= 0 && len(e.path) == 2:
			raws[e.preset].set(e, ps)
		case len(e.path) == 1:
			c.setRoot(e, ps)
		case len(e.path) == 2 && e.path[0] == "ntfy":
			ntfyKeys[e.path[1]] = e.line
			c.Ntfy.set(e, ps)
		case len(e.path) == 2 && e.path[0] == "hooks":
			c.Hooks.set(e, ps)
		default:
			ps.addf(e.line, "unknown key %s: %s", safeKey(strings.Join(e.path, ".")), acceptedKeys(e))
		}
	}
	_, url := ntfyKeys["url"]
	if _, topic := ntfyKeys["topic"]; url != topic {
		ps.addf(cmp.Or(doc.tables["ntfy"], ntfyKeys["url"], ntfyKeys["topic"], ntfyKeys["token"], ntfyKeys["ack"]),
			"[ntfy] needs both url and topic: give both, or leave [ntfy] out")
	}
	if c.Ntfy.Ack && len(c.Ntfy.Topic) > maxTopic-len(replySuffix) {
		ps.addf(ntfyKeys["topic"], "topic = %q: the phone's replies go to %s%s, which ntfy takes only up to %d characters: use at most %d for the topic, or ack = false",
			c.Ntfy.Topic, c.Ntfy.Topic, replySuffix, maxTopic, maxTopic-len(replySuffix))
	}
	c.Presets = buildPresets(raws, ps)
	if err := ps.err(); err != nil {
		left := Default()
		left.Mistake = err
		for _, r := range raws {
			if r.id.text != "" {
				left.Unread = append(left.Unread, r.id.text)
			}
		}
		return left, err
	}
	return c, nil
}

// acceptedKeys says which keys may be written where e is.
func acceptedKeys(e entry) string {
	switch {
	case e.preset >= 0:
		return "a [[preset]] takes id, name, cycle, window, then and note"
	case e.path[0] == "ntfy":
		return "[ntfy] takes url, topic, token and ack"
	case e.path[0] == "hooks":
		return "[hooks] takes on_change"
	}
	return "the keys are quiet, sound, voice, repeat, clock, keep_awake and skin_check, then the tables [[preset]], [ntfy] and [hooks]"
}

func (c *Config) setRoot(e entry, ps *problems) {
	switch e.path[0] {
	case "quiet":
		if s, ok := str(e, ps, `"HH:MM-HH:MM", such as "23:00-07:00", or "off"`); ok {
			q, err := schedule.ParseQuietHours(s, time.Local)
			if err != nil {
				ps.addf(e.line, "%v", err)
				return
			}
			c.Quiet = q.String()
		}
	case "sound":
		c.Sound = boolean(e, ps, c.Sound)
	case "voice":
		c.Voice = boolean(e, ps, c.Voice)
	case "keep_awake":
		c.KeepAwake = boolean(e, ps, c.KeepAwake)
	case "repeat":
		accepted := fmt.Sprintf(`a duration from %s to %s, such as "2m", or "off"`, schedule.FormatDuration(MinRepeat), schedule.FormatDuration(MaxRepeat))
		s, ok := str(e, ps, accepted)
		if !ok {
			return
		}
		d, err := ParseRepeat(s)
		if err != nil {
			ps.addf(e.line, "repeat: %v", err)
			return
		}
		c.Repeat = d
	case "skin_check":
		accepted := fmt.Sprintf(`a duration from %s to %s, such as "8m", or "off"`, schedule.FormatDuration(MinSkinCheck), schedule.FormatDuration(schedule.MaxSkinCheck))
		s, ok := str(e, ps, accepted)
		if !ok {
			return
		}
		d, err := ParseSkinCheck(s)
		if err != nil {
			ps.addf(e.line, "skin_check: %v", err)
			return
		}
		c.SkinCheck = d
	case "clock":
		if s, ok := str(e, ps, `"24h" or "12h"`); ok {
			if s != string(Clock24) && s != string(Clock12) {
				ps.addf(e.line, `clock = %q: want "24h" or "12h"`, s)
				return
			}
			c.Clock = ClockFormat(s)
		}
	case "preset":
		ps.addf(e.line, "preset is written as [[preset]] tables, one for each of your presets (see 'icetimer config init')")
	case "ntfy", "hooks":
		ps.addf(e.line, "%s is a table: write [%s] and its keys under it", e.path[0], e.path[0])
	default:
		ps.addf(e.line, "unknown key %s: %s", safeKey(e.path[0]), acceptedKeys(e))
	}
}

// topicPattern is what ntfy accepts as a topic: at most maxTopic
// characters.
var topicPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

const maxTopic = 64

// replySuffix makes the topic the phone's buttons reply on, TOPIC-ack, as
// ntfy.Config.ReplyTopic names it.
const replySuffix = "-ack"

func (n *Ntfy) set(e entry, ps *problems) {
	switch e.path[1] {
	case "url":
		s, ok := str(e, ps, `the server's base URL, such as "https://ntfy.example.org"`)
		if !ok {
			return
		}
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			ps.addf(e.line, `url = %q: want the server's base URL, http or https, such as "https://ntfy.example.org"`, s)
			return
		}
		n.URL = strings.TrimSuffix(s, "/")
	case "topic":
		if s, ok := str(e, ps, "a topic name"); ok {
			if !topicPattern.MatchString(s) {
				ps.addf(e.line, "topic = %q: want 1 to 64 letters, digits, dashes or underscores", s)
				return
			}
			n.Topic = s
		}
	case "token":
		if s, ok := str(e, ps, `an access token, or "" for none`); ok {
			if !printable(s) || strings.ContainsAny(s, " \t") {
				ps.addf(e.line, "token: want the token as the server gave it, with no spaces or control characters")
				return
			}
			n.Token = s
		}
	case "ack":
		n.Ack = boolean(e, ps, n.Ack)
	default:
		ps.addf(e.line, "unknown key %s in [ntfy]: %s", safeKey(e.path[1]), acceptedKeys(e))
	}
}

func (h *Hooks) set(e entry, ps *problems) {
	if e.path[1] != "on_change" {
		ps.addf(e.line, "unknown key %s in [hooks]: %s", safeKey(e.path[1]), acceptedKeys(e))
		return
	}
	if s, ok := str(e, ps, `a shell command, such as "paplay ~/chime.oga"`); ok {
		if strings.TrimSpace(s) == "" || strings.ContainsAny(s, "\x00\n\r") {
			ps.addf(e.line, "on_change: want a one-line shell command, such as \"paplay ~/chime.oga\"")
			return
		}
		h.OnChange = s
	}
}

// boolean is e's value, or a problem and was.
func boolean(e entry, ps *problems, was bool) bool {
	if e.value.kind != unstable.Bool {
		ps.addf(e.line, "%s = %s: want true or false (no quotes)", safeKey(e.path[len(e.path)-1]), e.value.describe())
		return was
	}
	return e.value.text == "true"
}

// str is e's string value, or a problem saying what is accepted.
func str(e entry, ps *problems, accepted string) (string, bool) {
	if e.value.kind != unstable.String {
		ps.addf(e.line, "%s = %s: want a string in double quotes: %s", safeKey(e.path[len(e.path)-1]), e.value.describe(), accepted)
		return "", false
	}
	return e.value.text, true
}

// printable reports whether s has no control characters, which would be
// written to a terminal or a notification as they are.
func printable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\uFFFD' {
			return false
		}
	}
	return true
}

// MinSkinCheck is the earliest a skin check may come: seconds into the
// phase, for trying it out with a short cycle.
const MinSkinCheck = time.Second

// ParseSkinCheck reads when the skin check comes, as the file gives it: a
// duration from MinSkinCheck to schedule.MaxSkinCheck, or "off" (0).
func ParseSkinCheck(s string) (time.Duration, error) {
	if strings.EqualFold(strings.TrimSpace(s), "off") {
		return 0, nil
	}
	d, err := schedule.ParseDuration(s, MinSkinCheck, schedule.MaxSkinCheck)
	if err != nil {
		return 0, fmt.Errorf(`%v, or "off"`, err)
	}
	return d, nil
}

// ParseRepeat reads how often a reminder repeats, as the file and --repeat
// give it: a duration from MinRepeat to MaxRepeat, or "off" (RepeatOff).
func ParseRepeat(s string) (time.Duration, error) {
	if strings.EqualFold(strings.TrimSpace(s), "off") {
		return RepeatOff, nil
	}
	d, err := schedule.ParseDuration(s, MinRepeat, MaxRepeat)
	if err != nil {
		return 0, fmt.Errorf(`%v, or "off"`, err)
	}
	return d, nil
}
