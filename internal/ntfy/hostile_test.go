package ntfy_test

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
)

// heap is the live heap after a collection.
func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

const mib = 1 << 20

// A reply topic flooded with 1,000 messages a second for three seconds
// (replies for no reminder, lines that are not JSON, 30 lines of 256 KiB,
// messages for another topic): the one real reply in the middle is
// applied, the rest is reported in a few lines, and the listener's memory
// stays flat. The flood comes from a server that makes each line as it
// goes, so that what is measured is the listener.
func TestAFloodedReplyTopic(t *testing.T) {
	if testing.Short() {
		t.Skip("floods for three seconds")
	}
	want := t0.Add(20 * time.Minute)
	const perSecond, seconds = 1000, 3
	srv := newRawStream(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n > 1 {
			<-r.Context().Done()
			return
		}
		fmt.Fprintf(w, `{"id":"open00000001","time":1,"event":"open","topic":"t-ack"}`+"\n")
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		long := strings.Repeat("x", 256<<10) // 7.5 MiB of them in all
		for i := 0; i < perSecond*seconds; {
			select {
			case <-r.Context().Done():
				return
			case <-tick.C:
			}
			for range perSecond / 100 {
				i++
				var line string
				switch {
				case i == perSecond*seconds/2:
					line = fmt.Sprintf(`{"id":"realreply001","time":2,"event":"message","topic":"t-ack","message":%q}`, ntfy.SequenceID(want))
				case i%100 == 0:
					line = long
				case i%3 == 0:
					line = fmt.Sprintf(`{"id":"flood%07d","time":2,"event":"message","topic":"t-ack","message":"icetimer-%d"}`, i, i)
				case i%3 == 1:
					line = `{"id": broken`
				default:
					line = fmt.Sprintf(`{"id":"flood%07d","time":2,"event":"message","topic":"elsewhere","message":"spam"}`, i)
				}
				fmt.Fprintln(w, line)
			}
			w.(http.Flusher).Flush()
		}
		<-r.Context().Done()
	})
	o := fast
	o.ReportEvery = time.Second
	l := ntfy.NewListener(ntfy.Config{URL: srv.URL, Topic: "t", Ack: true}, o)
	l.SetWaiting(want)
	before := heap()
	c := listen(t, l, "all")
	var heaps []uint64
	var applied, reported int
	sample := time.NewTicker(500 * time.Millisecond)
	defer sample.Stop()
	for end := time.After(seconds*time.Second + time.Second); ; {
		select {
		case r := <-c:
			if r.Err != nil {
				reported++
				t.Logf("reported: %v", r.Err)
				continue
			}
			applied++
			if !r.Change.Equal(want) {
				t.Errorf("applied %+v", r)
			}
			continue
		case <-sample.C:
			heaps = append(heaps, heap())
			continue
		case <-end:
		}
		break
	}
	after := heap()
	peak := before
	for _, h := range heaps {
		peak = max(peak, h)
	}
	t.Logf("heap after GC: before %.2f MiB, during %v, peak %.2f MiB, after %.2f MiB (%d lines/s for %d s)",
		float64(before)/mib, mibs(heaps), float64(peak)/mib, float64(after)/mib, perSecond, seconds)
	if applied != 1 {
		t.Errorf("applied %d replies, want the one real reply", applied)
	}
	if reported > 2*(seconds+1) {
		t.Errorf("%d lines reported in %d s: the flood reached the log", reported, seconds)
	}
	if peak > before+4*mib || after > before+2*mib {
		t.Errorf("the heap grew from %.2f MiB to a peak of %.2f MiB: memory is not flat", float64(before)/mib, float64(peak)/mib)
	}
}

func mibs(hs []uint64) string {
	var s []string
	for _, h := range hs {
		s = append(s, fmt.Sprintf("%.2f", float64(h)/mib))
	}
	return "[" + strings.Join(s, " ") + "] MiB"
}

// A stream that answers and then sends nothing, and one that never even
// answers: each is dropped after its bound and opened again, the trouble
// is one line (not one per attempt), and a reply that comes once the
// server works again is applied.
func TestStreamsThatNeverSend(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for streams to go silent")
	}
	for _, tc := range []struct {
		name, trouble string
		mute          func(w http.ResponseWriter)
	}{
		{"answers, then nothing", "nothing came, not even a keepalive, within 200ms", func(w http.ResponseWriter) { w.(http.Flusher).Flush() }},
		{"never answers", "no answer within 200ms", func(http.ResponseWriter) {}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := t0.Add(time.Hour)
			var opened time.Time
			srv := newRawStream(t, func(w http.ResponseWriter, r *http.Request, n int) {
				if n <= 4 {
					tc.mute(w)
					<-r.Context().Done()
					return
				}
				fmt.Fprintf(w, `{"id":"realreply001","time":2,"event":"message","topic":"t-ack","message":%q}`+"\n", ntfy.SequenceID(want))
				w.(http.Flusher).Flush()
				<-r.Context().Done()
			})
			o := fast
			o.Timeout, o.Idle, o.ReportEvery = 200*time.Millisecond, 200*time.Millisecond, time.Minute
			l := ntfy.NewListener(ntfy.Config{URL: srv.URL, Topic: "t", Ack: true}, o)
			l.SetWaiting(want)
			opened = time.Now()
			r, troubles := applied(t, listen(t, l, "all"))
			t.Logf("applied after %s and 4 silent streams; troubles:\n%s", time.Since(opened), errs(troubles))
			if !r.Change.Equal(want) || len(troubles) != 1 || !strings.Contains(troubles[0].Err.Error(), tc.trouble) {
				t.Fatalf("applied %+v; troubles %v, want one saying %q", r, troubles, tc.trouble)
			}
		})
	}
}

// A server that ends every stream after a second, while the person
// presses five buttons a few hundred milliseconds apart: each reply is
// applied exactly once, the listener keeps subscribing, and its memory
// stays flat.
func TestAServerThatClosesEverySecond(t *testing.T) {
	if testing.Short() {
		t.Skip("runs for four seconds")
	}
	srv := ntfytest.New(t, "t", secret, func() time.Time { return t0 })
	srv.SetStreamFor(time.Second)
	var changes []time.Time
	for i := range 5 {
		changes = append(changes, t0.Add(time.Duration(i)*40*time.Minute))
	}
	l := ntfy.NewListener(srv.Config(), fast)
	l.SetWaiting(changes...)
	before := heap()
	c := listen(t, l, ntfy.SinceTime(t0))
	got := map[time.Time]int{}
	for _, at := range changes {
		time.Sleep(700 * time.Millisecond)
		reply(t, srv, ntfy.SequenceID(at))
	}
	deadline := time.After(wait)
	for len(got) < len(changes) {
		select {
		case r := <-c:
			if r.Err == nil {
				got[r.Change]++
			}
		case <-deadline:
			t.Fatalf("applied %v of %d replies within %s", got, len(changes), wait)
		}
	}
	time.Sleep(time.Second) // room for a reply told twice
	for _, r := range noneApplied(t, c, 100*time.Millisecond) {
		t.Logf("reported: %v", r.Err)
	}
	after := heap()
	t.Logf("%d streams opened; heap after GC %.2f MiB before, %.2f MiB after", srv.Subscriptions(), float64(before)/mib, float64(after)/mib)
	for at, n := range got {
		if n != 1 {
			t.Errorf("the reply for %s applied %d times", at, n)
		}
	}
	if srv.Subscriptions() < 3 {
		t.Errorf("%d streams in four seconds of a server that ends them every second", srv.Subscriptions())
	}
	if after > before+2*mib {
		t.Errorf("the heap grew from %.2f to %.2f MiB", float64(before)/mib, float64(after)/mib)
	}
}

// The listener stops when its context ends, and closes its channel.
func TestListenStopsWithItsContext(t *testing.T) {
	srv := ntfytest.New(t, "t", "", func() time.Time { return t0 })
	ctx, cancel := context.WithCancel(context.Background())
	c := ntfy.NewListener(srv.Config(), fast).Listen(ctx, "all")
	cancel()
	select {
	case _, open := <-c:
		for open {
			_, open = <-c
		}
	case <-time.After(wait):
		t.Fatal("the listener did not stop")
	}
}
