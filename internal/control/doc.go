// Package control is the local line protocol through which every command
// reaches the process that drives the course: one process owns the course
// and serves a unix socket in the private state directory; every other
// command, and every read-only view, is its client (as tmux, mpd and
// syncthing do).
//
// The protocol is one JSON object per line, versioned by "v". A client
// connects, writes one request and reads one reply; the server then closes
// the connection:
//
//	{"v":1,"do":"extend","amount":"5m","from":"icetimer extend"}
//	{"v":1,"ok":true,"said":"Ice until 14:25.","course":{...}}
//	{"v":1,"ok":false,"code":"at-cap","error":"..."}
//
// A client that stops waiting writes one more line, {"v":1,"do":"cancel"}
// (the server takes anything written after the request so): the driver then
// applies nothing it has not begun, and says so; one that had begun answers
// as it would, and Do, still reading for half a second, hears it. Closing the writing side after the request (as socat does) is not giving
// up.
//
// A "watch" request keeps the connection open: the server writes the course
// at once and after every change the driver publishes, and a last "bye"
// when it shuts down cleanly, so that a watcher can tell a hand-over (bye)
// from a crash (the stream ends without one). A watcher keeps its side open:
// closing it, even for writing only, ends the stream.
//
//	{"v":1,"do":"watch"}
//	{"v":1,"event":"course","course":{...}}
//	{"v":1,"event":"bye","why":"..."}
//
// A driver serves it so: Listen(stateDir) for the listener and the path to
// record in the lock's holder record; NewServer with the Handler that hands
// requests to the goroutine driving the course; Publish the course, then
// Serve; Publish after every change; Close, saying why, at a hand-over or a
// stop. A command finds the path in the lock and calls Do; a read-only view
// calls Watch, and takes the course over when its stream is Lost.
//
// The server never waits on a client: the request line has a read deadline
// and a cap, every write has a deadline, the connections it serves at once
// are capped, and the driver's answer is bounded. The package depends on
// none of icetimer's others: the course is an opaque JSON object that the
// driver supplies.
package control
