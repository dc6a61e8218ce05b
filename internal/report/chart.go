package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// chart is one inline SVG drawing of the page, in the units of its
// viewBox (chartWidth by chartHeight), every number already written out.
type chart struct {
	Width, Height int
	// Left, Right, Top and Bottom are the plot's edges.
	Left, Right, Top, Bottom string
	// Grid is the horizontal lines with their labels on the left.
	Grid []mark
	// Days is the days' labels under the plot; Midnights the lines between
	// the days.
	Days      []mark
	Midnights []string
	Bars      []bar
	// Points are the pain scores, Line the polyline through them.
	Points []point
	Line   string
}

// mark is a label at a position: a grid line's Y, a day's X and Y.
type mark struct{ X, Y, Label string }

// bar is one day's ice or heat time: Class is its kind, Label the minutes.
type bar struct{ X, Y, W, H, Class, Label, LabelX, LabelY string }

// point is one pain score at its instant; Title is its time and score.
type point struct{ X, Y, Title string }

// The drawing area, in viewBox units: the plot leaves room on the left for
// the grid's labels and below for the days'.
const (
	chartWidth, chartHeight = 320, 120
	plotLeft, plotRight     = 22.0, chartWidth - 4.0
	plotTop, plotBottom     = 8.0, chartHeight - 14.0
	// maxDayLabels bounds the labels under the plot: past it, every
	// second (third...) day is named.
	maxDayLabels = 10
)

// num writes a coordinate with one decimal, enough at a page's size.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// newChart is a chart with its day labels and midnights for days, each
// day one column of the plot's width.
func newChart(days []Day) chart {
	c := chart{Width: chartWidth, Height: chartHeight,
		Left: num(plotLeft), Right: num(plotRight), Top: num(plotTop), Bottom: num(plotBottom)}
	col := (plotRight - plotLeft) / float64(max(len(days), 1))
	every := (len(days) + maxDayLabels - 1) / maxDayLabels
	for i, d := range days {
		if i > 0 {
			c.Midnights = append(c.Midnights, num(plotLeft+float64(i)*col))
		}
		if i%every == 0 {
			c.Days = append(c.Days, mark{X: num(plotLeft + (float64(i)+0.5)*col), Y: num(chartHeight - 4), Label: d.Day.Format("Mon 2")})
		}
	}
	return c
}

// y is where value v of top sits on the plot's height.
func y(v, top float64) float64 { return plotBottom - (plotBottom-plotTop)*v/top }

// applicationsChart is ice and heat time per day as pairs of bars, on a
// grid of hours.
func applicationsChart(days []Day) chart {
	c := newChart(days)
	most := time.Hour
	for _, d := range days {
		most = max(most, d.Ice.Time, d.Heat.Time)
	}
	hours := int(math.Ceil(most.Hours()))
	step := 1
	for _, s := range []int{1, 2, 3, 4, 6, 8, 12} {
		if step = s; hours <= 4*s {
			break
		}
	}
	top := float64((hours + step - 1) / step * step)
	for h := 0; h <= int(top); h += step {
		c.Grid = append(c.Grid, mark{Y: num(y(float64(h), top)), Label: strconv.Itoa(h) + " h"})
	}
	col := (plotRight - plotLeft) / float64(max(len(days), 1))
	labels := len(days) <= 2*maxDayLabels
	for i, d := range days {
		for j, a := range []struct {
			kind schedule.Kind
			time time.Duration
		}{{schedule.Ice, d.Ice.Time}, {schedule.Heat, d.Heat.Time}} {
			if a.time <= 0 {
				continue
			}
			x, w := plotLeft+float64(i)*col+col*(0.14+0.38*float64(j)), col*0.34
			top := y(a.time.Hours(), top)
			b := bar{X: num(x), Y: num(top), W: num(w), H: num(plotBottom - top), Class: string(a.kind)}
			if labels {
				b.Label, b.LabelX, b.LabelY = strconv.Itoa(int(a.time/time.Minute)), num(x+w/2), num(top-1.5)
			}
			c.Bars = append(c.Bars, b)
		}
	}
	return c
}

// painChart is the check-ins as points at their instants over the days,
// on the 0-10 scale.
func painChart(days []Day, scores []schedule.PainScore) chart {
	c := newChart(days)
	for v := schedule.MinPain; v <= schedule.MaxPain; v += 2 {
		c.Grid = append(c.Grid, mark{Y: num(y(float64(v), schedule.MaxPain)), Label: strconv.Itoa(v)})
	}
	if len(days) == 0 {
		return c
	}
	first, last := days[0].Day, days[len(days)-1].Day
	end := time.Date(last.Year(), last.Month(), last.Day()+1, 0, 0, 0, 0, last.Location())
	span := end.Sub(first).Seconds()
	var line []string
	for _, p := range scores {
		x := plotLeft + (plotRight-plotLeft)*p.At.Sub(first).Seconds()/span
		at := p.At.In(first.Location())
		pt := point{X: num(x), Y: num(y(float64(p.Score), schedule.MaxPain)),
			Title: at.Format("Mon 02 Jan ") + words.Clock(at) + ": " + strconv.Itoa(p.Score)}
		c.Points = append(c.Points, pt)
		line = append(line, pt.X+","+pt.Y)
	}
	c.Line = strings.Join(line, " ")
	return c
}
