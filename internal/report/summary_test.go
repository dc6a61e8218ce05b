package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/report/reporttest"
	"github.com/icetimer/icetimer/internal/store"
)

// within is the records whose course ran at some time from from to now,
// as Gather keeps them.
func within(records []store.Record, from, now time.Time) []store.Record {
	var out []store.Record
	for _, r := range records {
		if ranSince(r, from, now) {
			out = append(out, r)
		}
	}
	return out
}

// sampleSummary is the summary of reporttest.Sample over three days.
func sampleSummary() Summary {
	records, now := reporttest.Sample()
	s := Summarise(Days(records, now, 3, now.Location()), advice.For(records, now), now)
	s.Courses = within(records, s.Days[0].Day, now)
	return s
}

func TestReportMarkdown(t *testing.T) {
	s := sampleSummary()
	if len(s.Advice) != 2 || s.Advice[0].Rule != advice.ColdNotHelping || s.Advice[1].Rule != advice.Easing {
		t.Fatalf("advice %+v", s.Advice)
	}
	if s.Days[1].Removals != 4 || len(s.Days[1].Late) != 1 || s.Trend != Easing {
		t.Fatalf("day 2: %d removals, late %+v; trend %q", s.Days[1].Removals, s.Days[1].Late, s.Trend)
	}
	var b bytes.Buffer
	if err := s.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.Bytes())
}

// One check-in is said as one, in the Markdown and on the page.
func TestOneCheckInIsSingular(t *testing.T) {
	s := sampleSummary()
	s.Pain = s.Pain[:1]
	var md, page bytes.Buffer
	if err := s.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := s.HTML(&page); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"markdown": md.String(), "html": page.String()} {
		if !strings.Contains(out, "1 check-in: 7 (Sat 21 Nov 08:00)") || strings.Contains(out, "1 check-ins") {
			t.Errorf("%s does not say one check-in as one:\n%s", name, out)
		}
	}
}
