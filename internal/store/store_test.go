package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

func newTestStore(t *testing.T) *Store {
	t.Helper()
	s, err := OpenDir(filepath.Join(t.TempDir(), "icetimer"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSaveLoadRoundTrip(t *testing.T) {
	s := newTestStore(t)
	loc := berlin(t)
	start := time.Date(2026, 10, 24, 20, 0, 0, 0, loc)
	c := testCourse(start, loc)
	for i := range 7 {
		c.Events = append(c.Events, nthEvent(start, i))
	}
	if _, err := s.Load(); !errors.Is(err, ErrNoCourse) {
		t.Fatalf("Load of an empty store = %v, want ErrNoCourse", err)
	}
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got.Quiet.Location.String() != "Europe/Berlin" {
		t.Errorf("quiet hours location = %v, want Europe/Berlin", got.Quiet.Location)
	}
	if got.Preset != c.Preset || !got.Start.Equal(c.Start) || !reflect.DeepEqual(got.Protocol, c.Protocol) || len(got.Events) != len(c.Events) {
		t.Fatalf("loaded %+v, saved %+v", got, c)
	}
	for now := start; now.Before(start.Add(72 * time.Hour)); now = now.Add(13 * time.Minute) {
		if g, w := got.StateAt(now), c.StateAt(now); !sameState(g, w) {
			t.Fatalf("state at %v: loaded course says %+v, saved one %+v", now, g, w)
		}
	}
	if runtime.GOOS != "windows" {
		for path, want := range map[string]os.FileMode{s.Dir(): dirPerm, s.StatePath(): filePerm} {
			if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
				t.Errorf("%s: mode %v (%v), want %v", path, info.Mode().Perm(), err, want)
			}
		}
	}
}

func TestOpenMakesTheDirectoryPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "icetimer")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenDir(dir); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != dirPerm {
		t.Fatalf("directory mode %v, want %v", info.Mode().Perm(), os.FileMode(dirPerm))
	}
}

func TestSaveRefusesPartSeconds(t *testing.T) {
	s := newTestStore(t)
	c := testCourse(time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC), time.UTC)
	c.Events = []schedule.Event{{Type: schedule.Extend, At: c.Start.Add(time.Minute), Amount: 1500 * time.Millisecond}}
	if err := s.Save(c); err == nil || !strings.Contains(err.Error(), "not whole seconds") {
		t.Fatalf("Save = %v, want an error about whole seconds", err)
	}
	if _, err := os.Stat(s.StatePath()); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a refused course left a file: %v", err)
	}
}

func TestZoneNames(t *testing.T) {
	tests := []struct {
		loc  *time.Location
		want string
	}{
		{nil, "UTC"},
		{time.UTC, "UTC"},
		{berlin(t), "Europe/Berlin"},
		{time.FixedZone("CEST", 7200), ""},
	}
	for _, tt := range tests {
		if got := zoneName(tt.loc); got != tt.want {
			t.Errorf("zoneName(%v) = %q, want %q", tt.loc, got, tt.want)
		}
	}
	if loadZone("") != time.Local || loadZone("Not/AZone") != time.Local {
		t.Error("an empty or unknown zone name must load as the local zone")
	}
	if got := loadZone("Europe/Berlin"); got.String() != "Europe/Berlin" {
		t.Errorf("loadZone(Europe/Berlin) = %v", got)
	}
}

// The local zone is stored under a name that reads back as the same zone,
// whatever TZ this process started with (time.Local is named then, once).
func TestLocalZoneReadsBackTheSame(t *testing.T) {
	name := zoneName(time.Local)
	back := loadZone(name)
	for _, at := range []time.Time{
		time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC),
		time.Date(2026, 7, 15, 12, 0, 0, 0, time.UTC),
	} {
		_, want := at.In(time.Local).Zone()
		if _, got := at.In(back).Zone(); got != want {
			t.Errorf("local zone %v stored as %q reads back %v: offset %d at %v, want %d", time.Local, name, back, got, at, want)
		}
	}
}

// localZoneName follows Go's rules for TZ, read when it is called.
func TestLocalZoneNameFromTZ(t *testing.T) {
	for _, tt := range []struct{ tz, want string }{
		{"America/New_York", "America/New_York"},
		{":Asia/Tokyo", "Asia/Tokyo"},
		{"", "UTC"},
		{"Not/AZone", ""},
		{"/usr/share/zoneinfo/Europe/Berlin", ""},
	} {
		t.Setenv("TZ", tt.tz)
		if got := localZoneName(); got != tt.want {
			t.Errorf("localZoneName() with TZ=%q = %q, want %q", tt.tz, got, tt.want)
		}
	}
	// TZ unset: the zone /etc/localtime holds, where it names one.
	os.Unsetenv("TZ") // t.Setenv above puts it back
	data, err := os.ReadFile("/etc/localtime")
	if err != nil {
		t.Skipf("no /etc/localtime here: %v", err)
	}
	machine, err := time.LoadLocationFromTZData("localtime", data)
	if err != nil {
		t.Fatal(err)
	}
	name := localZoneName()
	if name == "" {
		t.Skip("/etc/localtime names no zone here")
	}
	at := time.Date(2026, 7, 15, 12, 0, 0, 0, time.UTC)
	_, want := at.In(machine).Zone()
	if _, got := at.In(loadZone(name)).Zone(); got != want {
		t.Errorf("localZoneName() with TZ unset = %q: offset %d, /etc/localtime's %d", name, got, want)
	}
}

func TestDir(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	if got, err := Dir(); err != nil || got != filepath.Join(state, "icetimer") {
		t.Fatalf("Dir() with XDG_STATE_HOME = %q, %v", got, err)
	}
	s, err := OpenDir(filepath.Join(state, "icetimer"))
	if err != nil {
		t.Fatal(err)
	}
	if s.StatePath() != filepath.Join(state, "icetimer", "state.json") {
		t.Fatalf("StatePath = %q", s.StatePath())
	}
	if runtime.GOOS != "linux" {
		return
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, xdg := range []string{"", "relative/state"} {
		t.Setenv("XDG_STATE_HOME", xdg)
		if got, err := Dir(); err != nil || got != filepath.Join(home, ".local", "state", "icetimer") {
			t.Errorf("Dir() with XDG_STATE_HOME=%q = %q, %v; want under HOME", xdg, got, err)
		}
	}
}
