package control

import (
	"bufio"
	"context"
	"errors"
	"net"
	"os"
	"strings"
	"testing"
	"time"
)

func TestDoAppliesThroughTheDriver(t *testing.T) {
	needSockets(t)
	d := newDriver(t)
	_, path := serving(t, d, nil)
	r, err := Do(context.Background(), path, Request{Do: Pause, From: "icetimer pause"})
	if err != nil || !r.OK || r.Said != "paused" || string(r.Course) != `{"kind":"ice","applied":1}` {
		t.Fatalf("got %+v, %v", r, err)
	}
	for range extendCap {
		if r, err := Do(context.Background(), path, Request{Do: Extend, Amount: 5 * time.Minute}); err != nil || !r.OK {
			t.Fatalf("extend: %+v, %v", r, err)
		}
	}
	r, err = Do(context.Background(), path, Request{Do: Extend})
	var refusal *RefusalError
	if err != nil || r.OK || !errors.As(r.Err(), &refusal) || refusal.Code != CodeAtCap || refusal.Message != "at the cap" {
		t.Fatalf("extend past the cap: got %+v, %v", r, err)
	}
	if n := d.applied.Load(); n != 1+extendCap {
		t.Errorf("applied %d, want %d", n, 1+extendCap)
	}
}

// Every line the server refuses is answered with its code, the connection
// is closed, and the driver never hears of it.
func TestServerRefusesBadLinesWithoutCallingTheHandler(t *testing.T) {
	needSockets(t)
	d := newDriver(t)
	_, path := serving(t, d, nil)
	for _, tc := range []struct {
		name, line string
		code       Code
	}{
		{"garbage", "GET / HTTP/1.0\r\n\r\n", CodeBadRequest},
		{"binary", "\x00\x01\x02\xff\n", CodeBadRequest},
		{"empty line", "\n", CodeBadRequest},
		{"unknown verb", `{"v":1,"do":"format-disk"}` + "\n", CodeUnknownVerb},
		{"newer version", `{"v":2,"do":"pause"}` + "\n", CodeVersion},
		{"no version", `{"do":"pause"}` + "\n", CodeVersion},
		{"field for another verb", `{"v":1,"do":"stop","score":3}` + "\n", CodeBadRequest},
		{"over the cap", `{"v":1,"do":"pause","note":"` + strings.Repeat("x", MaxLine) + `"}` + "\n", CodeTooLong},
		{"over the cap, no newline", strings.Repeat(" ", 1<<20), CodeTooLong},
		{"two requests on a line", `{"v":1,"do":"pause"}{"v":1,"do":"stop"}` + "\n", CodeBadRequest},
	} {
		c := dialRaw(t, path)
		c.send(tc.line)
		m, err := c.read(5 * time.Second)
		if err != nil || m.OK == nil || *m.OK || m.Code != tc.code || m.Error == "" || m.V != Version {
			t.Errorf("%s: got %+v, %v; want a refusal with code %s", tc.name, m, err, tc.code)
			continue
		}
		if !c.closed(5 * time.Second) {
			t.Errorf("%s: the connection stayed open after the refusal", tc.name)
		}
	}
	if n := d.calls.Load(); n != 0 {
		t.Errorf("the handler was called %d times for refused lines", n)
	}
}

// A line of exactly MaxLine bytes is a request; the cap is on what is over.
func TestServerTakesALineOfExactlyTheCap(t *testing.T) {
	needSockets(t)
	d := newDriver(t)
	_, path := serving(t, d, nil)
	req := `{"v":1,"do":"skip"}`
	c := dialRaw(t, path)
	c.send(req + strings.Repeat(" ", MaxLine-len(req)) + "\n")
	if m, err := c.read(5 * time.Second); err != nil || m.OK == nil || !*m.OK {
		t.Fatalf("got %+v, %v", m, err)
	}
}

// A client that connects and never writes is dropped within the read
// deadline (2 s) and holds up nobody meanwhile.
func TestIdleClientIsDroppedAndDelaysNobody(t *testing.T) {
	needSockets(t)
	d := newDriver(t)
	_, path := serving(t, d, nil)
	start := time.Now()
	idle := dialRaw(t, path)
	for range 20 {
		begin := time.Now()
		if r, err := Do(context.Background(), path, Request{Do: Skip}); err != nil || !r.OK {
			t.Fatalf("with an idle client connected: %+v, %v", r, err)
		}
		if took := time.Since(begin); took > time.Second {
			t.Fatalf("a request took %v while a client sat idle", took)
		}
	}
	m, err := idle.read(10 * time.Second)
	dropped := time.Since(start)
	t.Logf("the idle client was dropped after %v (deadline 2s)", dropped.Round(time.Millisecond))
	if err != nil || m.Code != CodeIdle || !strings.Contains(m.Error, "within 2s") {
		t.Fatalf("the idle client got %+v, %v; want an idle refusal", m, err)
	}
	if dropped < 2*time.Second || dropped > 4*time.Second {
		t.Errorf("dropped after %v, want about 2s", dropped)
	}
	if !idle.closed(time.Second) {
		t.Error("the idle client's connection stayed open")
	}
}

// Beyond the cap on connections served at once, a client is refused busy
// at once; Do tries again until its deadline and returns that refusal.
func TestServerRefusesBusyBeyondTheCap(t *testing.T) {
	needSockets(t)
	d := newDriver(t)
	_, path := serving(t, d, func(l *limits) { l.conns = 2; l.read = time.Minute })
	// Idle, each holds a slot; connections are accepted in turn, so they
	// have theirs before the next one comes.
	holders := []*rawClient{dialRaw(t, path), dialRaw(t, path)}

	begin := time.Now()
	over := dialRaw(t, path)
	m, err := over.read(5 * time.Second)
	took := time.Since(begin)
	if err != nil || m.Code != CodeBusy {
		t.Fatalf("over the cap: got %+v, %v; want busy", m, err)
	}
	if took > time.Second {
		t.Errorf("the busy refusal took %v, want at once", took)
	}
	t.Logf("busy refusal after %v", took.Round(time.Microsecond))

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	r, err := Do(ctx, path, Request{Do: Pause})
	if err != nil || r.OK || r.Code != CodeBusy {
		t.Fatalf("Do while busy: got %+v, %v; want the busy refusal", r, err)
	}

	// Once a slot is free, a Do that was being refused gets in.
	go func() {
		time.Sleep(200 * time.Millisecond)
		holders[0].conn.Close()
	}()
	if r, err := Do(context.Background(), path, Request{Do: Pause}); err != nil || !r.OK {
		t.Fatalf("Do once a slot is free: got %+v, %v", r, err)
	}
	if n := d.calls.Load(); n != 1 {
		t.Errorf("the handler was called %d times, want once", n)
	}
}

// The driver's answer is bounded: a driver that does not begin within 1 s
// is answered for (timeout) and can no longer apply; one that began is
// waited for, as its answer is the truth.
func TestHandlerIsBounded(t *testing.T) {
	needSockets(t)
	late := make(chan bool, 1) // what begin said after the timeout
	slow := HandlerFunc(func(ctx context.Context, req Request, begin func() bool) Reply {
		switch req.Do {
		case Pause: // stuck before it begins
			<-ctx.Done()
			time.Sleep(50 * time.Millisecond)
			late <- begin()
			return Done("paused", courseJSON(1))
		default: // begins at once, finishes late
			begin()
			time.Sleep(1500 * time.Millisecond)
			return Done("resumed", courseJSON(2))
		}
	})
	_, path := serving(t, slow, nil)

	begin := time.Now()
	r, err := Do(context.Background(), path, Request{Do: Pause})
	took := time.Since(begin)
	t.Logf("stuck driver answered for after %v", took.Round(time.Millisecond))
	if err != nil || r.Code != CodeTimeout || !strings.Contains(r.Error, "within 1s; nothing was changed") {
		t.Fatalf("a stuck driver: got %+v, %v; want a timeout", r, err)
	}
	if took < time.Second || took > 2500*time.Millisecond {
		t.Errorf("the timeout came after %v, want about 1s", took)
	}
	select {
	case began := <-late:
		if began {
			t.Error("begin said true after the server answered timeout")
		}
	case <-time.After(3 * time.Second):
		t.Error("the stuck handler never returned")
	}

	r, err = Do(context.Background(), path, Request{Do: Resume})
	if err != nil || !r.OK || r.Said != "resumed" {
		t.Fatalf("a driver that began: got %+v, %v; want its answer", r, err)
	}
}

// A client that gave up writes a cancel line: a driver that begins after
// that applies nothing, and the client, still reading, hears so. The cancel
// counts whether it came long after the request or with it.
func TestDriverAppliesNothingOnceTheClientGaveUp(t *testing.T) {
	needSockets(t)
	for _, together := range []bool{false, true} {
		gaveUp := make(chan struct{})
		began := make(chan bool, 1)
		h := HandlerFunc(func(_ context.Context, req Request, begin func() bool) Reply {
			<-gaveUp
			began <- begin()
			return Done("paused", courseJSON(1))
		})
		_, path := serving(t, h, nil)
		c := dialRaw(t, path)
		if together {
			c.send(`{"v":1,"do":"pause"}` + "\n" + cancelLine)
		} else {
			c.send(`{"v":1,"do":"pause"}` + "\n")
			time.Sleep(50 * time.Millisecond) // for the server to read the request alone, most times
			c.send(cancelLine)
		}
		close(gaveUp)
		if <-began {
			t.Errorf("together %v: begin said yes after the client gave up", together)
		}
		if m, err := c.read(5 * time.Second); err != nil || m.Code != CodeTimeout || !strings.Contains(m.Error, "nothing was changed") {
			t.Errorf("together %v: the client got %+v, %v; want a timeout saying nothing changed", together, m, err)
		}
	}
}

// A client that closes its side once it has written its request (as
// "socat" does at the end of its input) still waits: it is served.
func TestHalfClosedClientIsServed(t *testing.T) {
	needSockets(t)
	d := newDriver(t)
	_, path := serving(t, d, nil)
	c := dialRaw(t, path)
	c.send(`{"v":1,"do":"skip"}`)
	if err := c.conn.(*net.UnixConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	if m, err := c.read(5 * time.Second); err != nil || m.OK == nil || !*m.OK {
		t.Fatalf("got %+v, %v", m, err)
	}
	if n := d.applied.Load(); n != 1 {
		t.Errorf("applied %d", n)
	}
}

// A client that gives up still reads the driver's last word: the answer of
// one that began before, which is the truth.
func TestAClientThatGivesUpHearsTheDriverOut(t *testing.T) {
	needSockets(t)
	h := HandlerFunc(func(_ context.Context, req Request, begin func() bool) Reply {
		begin()
		time.Sleep(1500 * time.Millisecond) // after the client gave up, before its deadline
		return Done("paused", courseJSON(1))
	})
	_, path := serving(t, h, func(l *limits) { l.handler = time.Minute })
	line, _ := encodeRequest(Request{Do: Pause})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	a, m, err := open(ctx, path, line, 2*time.Second) // gives up after 1 s
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	if r, err := m.reply(); err != nil || !r.OK || r.Said != "paused" {
		t.Errorf("got %+v, %v; want the driver's answer", r, err)
	}
}

func TestDoSaysWhenNobodyServesOrAnswers(t *testing.T) {
	needSockets(t)
	dir := shortDir(t)
	if _, err := Do(context.Background(), dir+"/control.sock", Request{Do: Pause}); !errors.Is(err, ErrNotServing) {
		t.Errorf("no socket: got %v, want ErrNotServing", err)
	}

	// A socket whose process died.
	ln, path, err := Listen(dir)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*socketListener).UnixListener.Close() // the file stays, as after a crash
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	if _, err := Do(context.Background(), path, Request{Do: Pause}); !errors.Is(err, ErrNotServing) {
		t.Errorf("stale socket: got %v, want ErrNotServing", err)
	}

	// A process that takes the request and never answers: Do gives up
	// (cancels) lastWord before Wait, and says so at Wait.
	ln, path, err = Listen(shortDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cancelledAfter := make(chan time.Duration, 1)
	answered := make(chan struct{})
	begin := time.Now()
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		lines := bufio.NewReader(conn)
		_, _ = lines.ReadString('\n') // the request
		if cancel, _ := lines.ReadString('\n'); cancel == cancelLine {
			cancelledAfter <- time.Since(begin)
		}
		close(cancelledAfter)
		<-answered
	}()
	_, err = Do(context.Background(), path, Request{Do: Pause})
	took := time.Since(begin)
	close(answered)
	gaveUp, cancelled := <-cancelledAfter
	t.Logf("no answer: %v after %v; the client cancelled after %v", err, took.Round(time.Millisecond), gaveUp.Round(time.Millisecond))
	if !errors.Is(err, ErrNoAnswer) || !strings.Contains(err.Error(), "did not answer within 3") {
		t.Errorf("a silent driver: got %v, want ErrNoAnswer saying 3s", err)
	}
	if took < Wait || took > Wait+time.Second {
		t.Errorf("gave up after %v, want %v", took, Wait)
	}
	if !cancelled || gaveUp < Wait-lastWord || gaveUp > took {
		t.Errorf("cancelled (%v) after %v, want at %v", cancelled, gaveUp, Wait-lastWord)
	}
}

// Close says bye, refuses what comes after, and Serve returns.
func TestCloseEndsServing(t *testing.T) {
	needSockets(t)
	d := newDriver(t)
	ln, path, err := Listen(shortDir(t))
	if err != nil {
		t.Fatal(err)
	}
	s := NewServer(d)
	_ = s.Publish(courseJSON(0))
	served := make(chan error, 1)
	go func() { served <- s.Serve(context.Background(), ln) }()
	idle := dialRaw(t, path)
	time.Sleep(50 * time.Millisecond)
	closed := make(chan struct{})
	go func() { s.Close("handed over"); close(closed) }()
	select {
	case <-closed:
	case <-time.After(3 * time.Second):
		t.Fatal("Close did not return within 3s with an idle client connected")
	}
	if m, err := idle.read(time.Second); err != nil || m.Code != CodeClosing {
		t.Errorf("the idle client got %+v, %v; want closing", m, err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the socket file is still there: %v", err)
	}
	if _, err := Do(context.Background(), path, Request{Do: Pause}); !errors.Is(err, ErrNotServing) {
		t.Errorf("after Close: got %v, want ErrNotServing", err)
	}
}
