package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/report/reporttest"
	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// cspMeta is the page's Content-Security-Policy: nothing may load but its
// own inline styles and data: images.
const cspMeta = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`

// weekSummary is the summary of reporttest.Week over its seven days, with
// the safety answers (one yes), a numb event and an unconfirmed put-on the
// engine does not record yet.
func weekSummary() Summary {
	records, now := reporttest.Week()
	s := Summarise(Days(records, now, 7, now.Location()), advice.For(records, now), now)
	s.Courses = within(records, s.Days[0].Day, now)
	s.Safety = safety.Answers{At: now.AddDate(0, 0, -7), Yes: map[safety.ID]bool{
		safety.Raynaud: false, safety.ColdUrticaria: false, safety.ReducedSensation: false,
		safety.DiabetesOrPoorCirculation: true, safety.BrokenSkin: false}}
	s.Days[1].Numb = []time.Time{s.Days[1].Day.Add(9*time.Hour + 8*time.Minute)}
	s.Days[4].Unconfirmed = []PutOn{{At: s.Days[4].Day.Add(12 * time.Hour), Kind: "heat"}}
	return s
}

func html(t *testing.T, s Summary) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.HTML(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestReportHTML(t *testing.T) {
	golden.RequireEqual(t, []byte(html(t, sampleSummary())))
}

// Nothing on the page can load anything: no script, no link, no address;
// the only "http" is the CSP's own http-equiv.
func TestHTMLIsSelfContained(t *testing.T) {
	checkSelfContained(t, html(t, weekSummary()))
}

// checkSelfContained fails the test unless page has the CSP meta, no
// reference to anything outside it, its two inline SVG drawings and print
// CSS for A4.
func checkSelfContained(t *testing.T, page string) {
	t.Helper()
	if !strings.Contains(page, cspMeta) {
		t.Errorf("no Content-Security-Policy meta %s", cspMeta)
	}
	if n, m := strings.Count(strings.ToLower(page), "http"), strings.Count(page, "http-equiv"); n != 1 || m != 1 {
		t.Errorf(`"http" %d times, "http-equiv" %d times: want only the CSP's`, n, m)
	}
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "src=", "href=", "url(", "@import", "@font-face", "//"} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if n := strings.Count(page, "<svg "); n != 2 {
		t.Errorf("%d inline SVG drawings, want 2 (applications, pain)", n)
	}
	if !strings.Contains(page, "@page { size: A4;") || !strings.Contains(page, "@media print") {
		t.Error("no print CSS for A4")
	}
}

// Every part is there, in the order of the brief, and says what it holds.
func TestHTMLPartsInOrder(t *testing.T) {
	s := weekSummary()
	page := html(t, s)
	parts := []string{"not a medical device", "Safety questions", "Courses", "Applications per day",
		"Skin checks and put-on reminders", "Pain (", "Advice icetimer gave", "Urgent signs", words.RedFlags}
	at := 0
	for _, p := range parts {
		i := strings.Index(page[at:], p)
		if i < 0 {
			t.Fatalf("%q missing, or not after the part before it", p)
		}
		at += i
	}
	for _, want := range []string{
		"Diabetes or poor circulation: <b>yes</b>", "Wound, broken skin or rash where the pack goes: <b>no</b>",
		"Ask a clinician before using cold or heat.",
		"<b>ice-25-90</b> (Ice 25 on, 90 off): ice 25m, rest 1h30m for 72h.", "(finished)",
		"<b>custom</b>: heat 20m, rest 1h40m until stopped.", "still running",
		"Skin went numb: Tue 17 Nov 09:08.", "(the phase ran as planned): Fri 20 Nov 12:00 heat.",
		"sat at the desk too long &lt;again&gt;",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	for _, d := range s.Days {
		if !strings.Contains(page, "<td>"+PainLine(d)+"</td>") {
			t.Errorf("the scores of %s (%s) are missing", d.Day.Format("Mon 02"), PainLine(d))
		}
	}
	if n, want := strings.Count(page, "<circle "), len(s.Pain); n != want {
		t.Errorf("%d points on the pain chart, want one per check-in (%d)", n, want)
	}
	bars := 0
	for _, d := range s.Days {
		bars += min(1, d.Ice.Count) + min(1, d.Heat.Count)
	}
	if n := strings.Count(page, "<rect class="); n != bars {
		t.Errorf("%d bars, want %d (a day's ice and heat each, when there was some)", n, bars)
	}
}

// Empty parts say so: the safety check not taken, no numb event, no
// unconfirmed put-on, no check-in, no advice, no course.
func TestHTMLSaysWhatIsEmpty(t *testing.T) {
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	page := html(t, Summarise(Days(nil, now, 7, time.UTC), nil, now))
	for _, want := range []string{"Not answered.", "No course ran in these days.", "Skin went numb: <span class=\"none\">none</span>.",
		"never confirmed (the phase ran as planned): <span class=\"none\">none</span>.", "No check-ins.", "None."} {
		if !strings.Contains(page, want) {
			t.Errorf("the empty page does not say %q", want)
		}
	}
}

// Notes are the person's own text: markup in them is shown, never obeyed.
func TestHTMLEscapesNotes(t *testing.T) {
	s := weekSummary()
	s.Pain[0].Note = `</li><script>alert("x")</script><svg onload=alert(1)>`
	page := html(t, s)
	if strings.Contains(page, "<script") || strings.Contains(page, "<svg onload") || strings.Count(page, "<svg ") != 2 {
		t.Fatal("a note's markup reached the page")
	}
	if !strings.Contains(page, "&lt;/li&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
		t.Error("the note is not shown as text")
	}
}

// Section 9's heat line is on the page once when a day ends two weeks of
// heat.
func TestHTMLSaysTheHeatLineOnce(t *testing.T) {
	s := weekSummary()
	if strings.Contains(html(t, s), words.HeatTwoWeeks) {
		t.Fatal("the heat line after four days of heat")
	}
	s.Days[6].HeatInARow = HeatDays
	if n := strings.Count(html(t, s), words.HeatTwoWeeks); n != 1 {
		t.Fatalf("the heat line %d times, want once", n)
	}
}

// A score sits at its time across the days and at its height on the 0-10
// scale: one at noon of the second of two days is three quarters across.
func TestPainChartPlacesScoresAtTheirTimes(t *testing.T) {
	now := time.Date(2026, 11, 21, 18, 0, 0, 0, time.UTC)
	days := Days(nil, now, 2, time.UTC)
	c := painChart(days, []schedule.PainScore{{At: time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC), Score: 10}, {At: days[0].Day, Score: 0}})
	if c.Points[0].X != num(plotLeft+0.75*(plotRight-plotLeft)) || c.Points[0].Y != num(plotTop) {
		t.Errorf("10 at noon of day 2 drawn at %s,%s", c.Points[0].X, c.Points[0].Y)
	}
	if c.Points[1].X != num(plotLeft) || c.Points[1].Y != num(plotBottom) {
		t.Errorf("0 at the first midnight drawn at %s,%s", c.Points[1].X, c.Points[1].Y)
	}
	if len(c.Midnights) != 1 || c.Midnights[0] != num((plotLeft+plotRight)/2) {
		t.Errorf("midnights %v, want the one between the days, halfway", c.Midnights)
	}
}

// Bars are as tall as the time they stand for, on a grid of whole hours
// that holds the longest: 2 h of ice under a top of 4 h is half the plot.
func TestApplicationsChartBarsAreToScale(t *testing.T) {
	days := []Day{{Ice: Applications{Count: 6, Time: 2 * time.Hour}}, {Heat: Applications{Count: 9, Time: 3*time.Hour + 10*time.Minute}}}
	c := applicationsChart(days)
	if len(c.Grid) != 5 || c.Grid[4].Label != "4 h" || c.Grid[4].Y != num(plotTop) {
		t.Fatalf("grid %+v, want 0 h to 4 h", c.Grid)
	}
	if len(c.Bars) != 2 || c.Bars[0].Class != "ice" || c.Bars[1].Class != "heat" {
		t.Fatalf("bars %+v, want an ice bar and a heat bar", c.Bars)
	}
	if c.Bars[0].H != num((plotBottom-plotTop)/2) || c.Bars[0].Label != "120" || c.Bars[1].Label != "190" {
		t.Errorf("bars %+v, want the ice bar half the plot high, labelled in minutes", c.Bars)
	}
}
