package control

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// The swarm: so many clients at once, for so long, each sending requests
// one after another, one try in ten a line the server must refuse.
const (
	swarmClients = 1000
	swarmLength  = 3 * time.Second
)

// swarmResult is what the swarm's process reports.
type swarmResult struct {
	Requests        int           // sent with Do
	Median, Worst   time.Duration // of Do's waits
	Codes           map[Code]int  // the answers to requests, "ok" for OK
	BadCodes        map[Code]int  // the refusals of the bad lines
	OK              int           // answered OK
	HandlerRefusals int           // refused by the handler: at a cap, or its timeout
	Unanswered      int           // given up on at Wait: applied or not, the client cannot tell
	Failures        []string      // anything else: the first few
	Failed          int
}

// runSwarm runs the swarm in a process of its own, as commands are, against
// the socket at path, and returns what it reports.
func runSwarm(tb testing.TB, path string) swarmResult {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), swarmEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("the swarm: %v", err)
	}
	var r swarmResult
	if err := json.Unmarshal(out, &r); err != nil {
		tb.Fatalf("the swarm said %s: %v", out, err)
	}
	return r
}

// 1,000 clients at once, for a few seconds, mixing every verb with lines
// the server refuses: none waits over Wait, each gets an answer or a clear
// refusal, the driver applied exactly what was answered OK, and it never
// heard of a refused line. On a loaded machine a few requests may go
// unanswered within Wait (their change applied or not, as Do says): at
// most one in a hundred, and the counts allow for them. How long the
// clients wait is BenchmarkThousandClients's figure.
func TestThousandClientsAtOnce(t *testing.T) {
	needSockets(t)
	d := newDriver(t)
	_, path := serving(t, d, nil)
	r := runSwarm(t, path)
	t.Logf("%d clients, %d requests in %v: median wait %v, worst %v; answers %v, %d unanswered; bad lines refused %v", swarmClients,
		r.Requests, swarmLength, r.Median.Round(time.Microsecond), r.Worst.Round(time.Millisecond), r.Codes, r.Unanswered, r.BadCodes)
	if r.Failed > 0 {
		t.Errorf("%d requests failed: %v", r.Failed, r.Failures)
	}
	if r.Unanswered*100 > r.Requests {
		t.Errorf("%d of %d requests unanswered within %v", r.Unanswered, r.Requests, Wait)
	}
	if r.Worst > Wait+time.Second {
		t.Errorf("a client waited %v, over %v", r.Worst, Wait)
	}
	if applied := d.applied.Load(); applied < int64(r.OK) || applied > int64(r.OK+r.Unanswered) {
		t.Errorf("the driver applied %d requests, %d were answered OK (%d unanswered)", applied, r.OK, r.Unanswered)
	}
	if calls, want := d.calls.Load(), int64(r.OK+r.HandlerRefusals); calls < want || calls > want+int64(r.Unanswered) {
		t.Errorf("the handler was called %d times for %d requests it answered (%d unanswered): it heard of refused lines", calls, want, r.Unanswered)
	}
	if r.OK == 0 || r.BadCodes[CodeBadRequest] == 0 {
		t.Errorf("the mix did not happen: %v, %v", r.Codes, r.BadCodes)
	}
}

// BenchmarkThousandClients is how long a command waits for the driver while
// 999 others ask too: the median and the worst of a swarm's requests.
//
//	go test ./internal/control -run '^$' -bench ThousandClients -benchtime 1x
func BenchmarkThousandClients(b *testing.B) {
	needSockets(b)
	_, path := serving(b, newDriver(b), nil)
	for b.Loop() {
		r := runSwarm(b, path)
		b.ReportMetric(float64(r.Median.Microseconds()), "µs-median")
		b.ReportMetric(float64(r.Worst.Microseconds()), "µs-worst")
		b.ReportMetric(float64(r.Unanswered), "unanswered")
	}
}

// swarm runs the clients against the socket at path and prints a
// swarmResult.
func swarm(path string) int {
	verbs := []Request{{Do: Pause}, {Do: Resume}, {Do: Skip}, {Do: Extend, Amount: time.Minute}, {Do: Ack},
		{Do: Pain, Score: 4}, {Do: OnSince, Amount: 3 * time.Minute}, {Do: NextStage}, {Do: SkinOK}, {Do: Restart}}
	bad := []string{"garbage\n", `{"v":1,"do":"format-disk"}` + "\n", `{"v":9,"do":"pause"}` + "\n"}
	var (
		mu    sync.Mutex
		r     = swarmResult{Codes: map[Code]int{}, BadCodes: map[Code]int{}}
		waits collect
	)
	note := func(code Code, err error) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case errors.Is(err, ErrNoAnswer) || errors.Is(err, os.ErrDeadlineExceeded):
			r.Unanswered++
			return
		case err != nil:
			r.Failed++
			if len(r.Failures) < 5 {
				r.Failures = append(r.Failures, err.Error())
			}
			return
		case code == "ok":
			r.OK++
		case code == CodeAtCap || code == CodeTimeout:
			r.HandlerRefusals++
		}
		r.Codes[code]++
	}
	var start, done sync.WaitGroup
	start.Add(1)
	end := time.Now().Add(swarmLength + time.Second) // once all have started
	for i := range swarmClients {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			for n := 0; time.Now().Before(end); n++ {
				if (i+n)%10 == 9 {
					code, err := sendBad(path, bad[(i+n)%len(bad)])
					if err != nil {
						note("", err)
						continue
					}
					mu.Lock()
					r.BadCodes[code]++
					mu.Unlock()
					continue
				}
				begin := time.Now()
				reply, err := Do(context.Background(), path, verbs[(i+n)%len(verbs)])
				waits.add(time.Since(begin))
				switch {
				case err != nil:
					note("", err)
				case reply.OK:
					note("ok", nil)
				case reply.Code == CodeBusy || reply.Code == CodeAtCap || reply.Code == CodeTimeout:
					note(reply.Code, nil)
				default:
					note("", fmt.Errorf("refused %s: %s", reply.Code, reply.Error))
				}
			}
		}()
	}
	start.Done()
	done.Wait()
	r.Requests = len(waits.ds)
	r.Median, r.Worst = spread(waits.ds)
	out, _ := json.Marshal(r)
	fmt.Println(string(out))
	return 0
}

// sendBad sends a line the server must refuse and returns the code it was
// refused with (busy when it was not read at all).
func sendBad(path, line string) (Code, error) {
	conn, err := net.DialTimeout("unix", path, Wait)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(Wait))
	_, _ = conn.Write([]byte(line))
	m, err := newAnswers(conn).next()
	switch {
	case err != nil:
		return "", err
	case m.OK == nil || *m.OK:
		return "", errors.New("a bad line was answered OK")
	}
	return m.Code, nil
}
