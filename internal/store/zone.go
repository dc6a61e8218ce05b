package store

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// zoneName is the IANA name to store for loc. The machine's local zone is
// stored under its IANA name when one can be found (TZ, or the target of
// /etc/localtime), so a course started in Berlin keeps Berlin's quiet hours;
// "" otherwise, which loadZone reads back as the local zone. A nil location
// means UTC to the engine.
func zoneName(loc *time.Location) string {
	switch {
	case loc == nil:
		return "UTC"
	case loc.String() == "Local":
		return localZoneName()
	}
	if _, err := time.LoadLocation(loc.String()); err != nil {
		return ""
	}
	return loc.String()
}

// localZoneName is the IANA name of the machine's local zone, or "". It
// follows Go's own rules: TZ when set (empty means UTC), else /etc/localtime.
func localZoneName() string {
	name, set := os.LookupEnv("TZ")
	name = strings.TrimPrefix(name, ":")
	switch {
	case set && name == "":
		return "UTC"
	case !set:
		target, err := filepath.EvalSymlinks("/etc/localtime")
		if err != nil {
			return ""
		}
		_, name, _ = strings.Cut(target, "zoneinfo/")
	}
	if name == "" || filepath.IsAbs(name) {
		return ""
	}
	if _, err := time.LoadLocation(name); err != nil {
		return ""
	}
	return name
}

// loadZone is the location named name, falling back to the local zone when
// the name is empty or unknown on this machine.
func loadZone(name string) *time.Location {
	if name == "" {
		return time.Local
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.Local
	}
	return loc
}
