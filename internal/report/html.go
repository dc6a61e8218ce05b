package report

import (
	_ "embed"
	"html/template"
	"io"
)

// pageTemplate is the page's layout and its own words; html/template
// escapes what it shows, notes being the person's own text.
//
//go:embed report.html.tmpl
var pageTemplate string

var htmlPage = template.Must(template.New("report").Parse(pageTemplate))

// HTML writes the summary as one page to print for a clinician: self-contained
// (no script, nothing fetched: its Content-Security-Policy forbids it), charts
// as inline SVG, laid out for A4 and readable on a screen. Every part has its
// place; an empty one says so ("none", "not answered").
func (s Summary) HTML(w io.Writer) error {
	return htmlPage.Execute(w, pageOf(s))
}
