package words

import (
	"strconv"
	"time"
)

// Count is n of a thing, its noun in the plural when n is not 1: "1
// check-in", "7 check-ins", "0 changes".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// Applications is how many times a pack went on and how long it stayed on
// in all, for the history and the report: "7 times, 2 min in all", "1
// time, 20 min"; "-" for none. ("7 × 2 min" read as seven of two minutes
// each.)
func Applications(n int, total time.Duration) string {
	switch n {
	case 0:
		return "-"
	case 1:
		return "1 time, " + hoursMinutes(total)
	}
	return Count(n, "time") + ", " + hoursMinutes(total) + " in all"
}
