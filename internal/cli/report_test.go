package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// report --format html prints the page from the state directory: the
// saved course's check-ins and the safety answers kept there.
func TestReportHTMLFromTheStateDirectory(t *testing.T) {
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	s, err := store.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p, _ := schedule.PresetByID("ice-20-20")
	c := schedule.Course{Preset: p.ID, Protocol: p.Protocol, Start: now.Add(-2 * time.Hour),
		Pain: []schedule.PainScore{{At: now.Add(-2 * time.Hour), Score: 6}, {At: now.Add(-time.Hour), Score: 3, Note: "a <b>walk</b>"}}}
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSafety(safety.Answers{At: now, Yes: map[safety.ID]bool{safety.Raynaud: true}}); err != nil {
		t.Fatal(err)
	}
	env := Env{Clock: func() time.Time { return now }, Dir: s.Dir()}
	var out, warnings bytes.Buffer
	opts := ReportOptions{Days: 2, Format: "html", Out: &out, Warnings: &warnings, Location: time.UTC}
	if err := reportRun(env, opts); err != nil || warnings.Len() > 0 {
		t.Fatalf("report --format html: %v, warnings %q", err, warnings.String())
	}
	page := out.String()
	for _, want := range []string{"<!DOCTYPE html>", "6 3 (easing)", "a &lt;b&gt;walk&lt;/b&gt;", "(Raynaud&#39;s): <b>yes</b>",
		"Ask a clinician before using cold.", "<b>ice-20-20</b>", "still running"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	opts.Format = "pdf"
	if err := reportRun(env, opts); !IsUsage(err) || !strings.Contains(err.Error(), "markdown, json or html") {
		t.Errorf("--format pdf: %v, want a usage error naming the formats", err)
	}
}
