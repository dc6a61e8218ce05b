package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/config"
)

// --keep-awake and --repeat win over the config file for the session that
// drives the course, which chooses its adapters from the settings; a flag
// not given leaves the file's setting.
func TestTheCommandLineWinsForTheDriver(t *testing.T) {
	env := newTestEnv(t).Env
	for _, tc := range []struct {
		args      []string
		file      bool
		keepAwake bool
		repeat    time.Duration
	}{
		{[]string{"--keep-awake", "off"}, true, false, config.DefaultRepeat},
		{[]string{"--keep-awake", "ON", "--repeat", "30s"}, false, true, 30 * time.Second},
		{nil, false, false, config.DefaultRepeat},
		{[]string{"--repeat", "off"}, true, true, config.RepeatOff},
	} {
		var run *RunOptions
		parse(t, NewCmdRun(env, func(o *RunOptions) error { run = o; return nil }), tc.args...)
		s := config.Default()
		s.KeepAwake = tc.file
		how, err := run.Flags.drive(&s)
		if err != nil || s.KeepAwake != tc.keepAwake || s.Repeat != tc.repeat || how.Repeat != tc.repeat {
			t.Errorf("%q over keep_awake = %t: keep awake %t, repeat %v (%v); want %t, %v", tc.args, tc.file, s.KeepAwake, s.Repeat, err, tc.keepAwake, tc.repeat)
		}
	}
	e := newTestEnv(t)
	code, stdout, stderr := e.run("run", "--keep-awake", "maybe")
	if code != ExitUsage || stdout != "" || !strings.Contains(stderr, `--keep-awake "maybe": want "on" or "off"`) {
		t.Errorf("--keep-awake maybe: exit %d, stdout %q, stderr %q; want exit 2 saying what is accepted", code, stdout, stderr)
	}
}
