// Command genhistory writes a large history into a state directory for
// bench/hugehistory.sh: -size bytes (or -courses) of courses -every apart,
// the last one ending now, and a course running now (see package
// testhistory).
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/icetimer/icetimer/internal/testhistory"
)

func main() {
	dir := flag.String("dir", "", "the state directory (XDG_STATE_HOME/icetimer)")
	size := flag.Int64("size", 1<<30, "how large history.jsonl grows, in bytes")
	courses := flag.Int("courses", 0, "how many courses, instead of -size")
	every := flag.Duration("every", 10*time.Minute, "from one course's start to the next one's")
	flag.Parse()
	if *dir == "" || *size <= 0 || *every < 10*time.Second {
		fmt.Fprintln(os.Stderr, "usage: genhistory -dir DIR [-size BYTES | -courses N] [-every DURATION, at least 10s]")
		os.Exit(2)
	}
	start := time.Now()
	w, err := testhistory.Write(*dir, testhistory.Spec{Size: *size, Courses: *courses, Every: *every, Now: start})
	if err != nil {
		fmt.Fprintln(os.Stderr, "genhistory:", err)
		os.Exit(1)
	}
	fmt.Printf("history: %d courses, %d MB, one every %s since %s, written in %s\n",
		w.Courses, w.Bytes>>20, *every, w.First.Format("2006-01-02"), time.Since(start).Round(time.Millisecond))
}
