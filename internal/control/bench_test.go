package control

import (
	"context"
	"testing"
	"time"
)

// BenchmarkRoundTrip times one request from a command's Do to the driver's
// answer (dial, write, the driver's goroutine, reply) and reports the median
// and the worst; the figure quoted is over 100:
//
//	go test ./internal/control -run '^$' -bench RoundTrip -benchtime 100x
func BenchmarkRoundTrip(b *testing.B) {
	needSockets(b)
	_, path := serving(b, newDriver(b), nil)
	var took []time.Duration
	for b.Loop() {
		begin := time.Now()
		r, err := Do(context.Background(), path, Request{Do: Pause, From: "bench"})
		took = append(took, time.Since(begin))
		if err != nil || !r.OK {
			b.Fatalf("%+v, %v", r, err)
		}
	}
	median, worst := spread(took)
	b.ReportMetric(float64(median.Microseconds()), "µs-median")
	b.ReportMetric(float64(worst.Microseconds()), "µs-worst")
	b.Logf("%d round trips: median %v, worst %v", len(took), median, worst)
}
