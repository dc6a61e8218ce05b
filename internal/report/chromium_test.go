package report

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/words"
)

// examplePNG, when set, is where TestHTMLPrintsOnOneA4Page writes the
// printed page as a PNG at 100 dpi: how docs/report-example.png is made
// (go test ./internal/report -run Chromium -args -report-png=$PWD/docs/report-example.png).
var examplePNG = flag.String("report-png", "", "write the printed week's report page as a PNG to this path")

// skipOrFail skips a test that cannot run here, unless CI=true, where not
// running is a failure.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and this test cannot run: "+format, args...)
	}
	t.Skipf(format, args...)
}

// tool is the path of a program the test needs.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		skipOrFail(t, "%s is not installed (Debian: apt-get install %s)", name, pkg)
	}
	return path
}

// run runs a program for the test, bounded, and gives its output.
func run(t *testing.T, ctx context.Context, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
	return string(out)
}

var spaces = regexp.MustCompile(`\s+`)

// A week of a typical course prints, with Debian's headless Chromium, on
// one A4 page, and the text of the PDF holds the pain scores, the safety
// answers and the numb event.
func TestHTMLPrintsOnOneA4PageInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("prints the report with headless Chromium; run without -short")
	}
	chromium := tool(t, "chromium", "chromium")
	pdfinfo, pdftotext := tool(t, "pdfinfo", "poppler-utils"), tool(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	s := weekSummary()
	page := html(t, s)
	checkSelfContained(t, page)
	htmlPath, pdf := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(htmlPath, []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// A home and a profile of its own: nothing of the machine's browser is
	// read or written.
	env := append(os.Environ(), "HOME="+filepath.Join(dir, "home"))
	args := []string{"--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--print-to-pdf=" + pdf, "file://" + htmlPath}
	if os.Geteuid() == 0 {
		args = append([]string{"--no-sandbox"}, args...) // Chromium's sandbox refuses root
	}
	start := time.Now()
	run(t, ctx, env, chromium, args...)
	printed := time.Since(start)

	info := run(t, ctx, env, pdfinfo, pdf)
	pages := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(info)
	t.Logf("printed in %v: %d days, %d check-ins, %d bytes of HTML; pdfinfo: %s", printed.Round(time.Millisecond),
		len(s.Days), len(s.Pain), len(page), spaces.ReplaceAllString(info[strings.Index(info, "Pages:"):], " "))
	if pages == nil || pages[1] != "1" {
		t.Errorf("the week's report prints on %v pages, want 1", pages)
	}
	if !strings.Contains(info, "(A4)") {
		t.Error("the page is not A4")
	}
	text := spaces.ReplaceAllString(run(t, ctx, env, pdftotext, pdf, "-"), " ")
	for _, d := range s.Days {
		if !strings.Contains(text, PainLine(d)) {
			t.Errorf("the printed page lacks %s's scores %q", d.Day.Format("Mon 02"), PainLine(d))
		}
	}
	for _, q := range safety.Questions {
		if want := words.SafetyTopic(q.ID) + ": " + words.SafetyAnswer(s.Safety, q.ID); !strings.Contains(text, want) {
			t.Errorf("the printed page lacks the answer %q", want)
		}
	}
	for _, want := range []string{"Skin went numb: Tue 17 Nov 09:08", words.AskClinician(s.Safety.Cautions()), "not a medical device"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed page lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("the page's text: %s", text)
	}
	if *examplePNG != "" {
		pdftoppm := tool(t, "pdftoppm", "poppler-utils")
		run(t, ctx, env, pdftoppm, "-png", "-r", "100", "-singlefile", pdf, strings.TrimSuffix(*examplePNG, ".png"))
	}
}
