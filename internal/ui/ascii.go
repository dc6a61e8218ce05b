package ui

import (
	"runtime"
	"strings"
)

// ASCIIOnly reports whether the terminal described by getenv can show only
// ASCII: TERM=dumb, or a locale whose character set is not UTF-8 (LANG=C,
// LC_ALL=en_US.ISO-8859-1). The locale is read as the C library reads it:
// LC_ALL, then LC_CTYPE, then LANG, the first that is set. With none set,
// and on Windows, whose consoles take UTF-8 whatever the variables say,
// Unicode is assumed.
func ASCIIOnly(getenv func(string) string) bool {
	if getenv("TERM") == "dumb" {
		return true
	}
	if runtime.GOOS == "windows" {
		return false
	}
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if loc := getenv(v); loc != "" {
			loc = strings.ToLower(loc)
			return !strings.Contains(loc, "utf-8") && !strings.Contains(loc, "utf8")
		}
	}
	return false
}
