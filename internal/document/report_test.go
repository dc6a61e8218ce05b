package document

import (
	"bytes"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/report/reporttest"
)

func TestReportJSON(t *testing.T) {
	records, now := reporttest.Sample()
	s := report.Summarise(report.Days(records, now, 3, now.Location()), advice.For(records, now), now)
	var b bytes.Buffer
	if err := Write(&b, ReportOf(s)); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.Bytes())
}
