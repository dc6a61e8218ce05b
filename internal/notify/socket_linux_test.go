package notify

import "testing"

func TestSocketOf(t *testing.T) {
	for _, tc := range []struct {
		address, network, addr string
		ok                     bool
	}{
		{"unix:path=/run/user/1000/bus", "unix", "/run/user/1000/bus", true},
		{"unix:path=/tmp/a%20b,guid=12", "unix", "/tmp/a b", true},
		{"unix:abstract=/tmp/dbus-x,guid=12", "unix", "@/tmp/dbus-x", true},
		{"tcp:host=localhost,port=4000", "tcp", "localhost:4000", true},
		{"tcp:host=localhost", "", "", false},
		{"launchd:env=X", "", "", false},
		{"unix:tmpdir=/tmp", "", "", false},
		{"", "", "", false},
	} {
		network, addr, ok := socketOf(tc.address)
		if network != tc.network || addr != tc.addr || ok != tc.ok {
			t.Errorf("%q: got %q %q %v, want %q %q %v", tc.address, network, addr, ok, tc.network, tc.addr, tc.ok)
		}
	}
}

func TestSessionAddressIsTheEnvironments(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/x;unix:abstract=y")
	if got := sessionAddress(); got != "unix:path=/x;unix:abstract=y" {
		t.Errorf("got %q", got)
	}
}
