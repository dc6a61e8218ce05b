//go:build linux

package e2e

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mountTmpfs mounts a tmpfs of size bytes for the test and gives its path;
// it skips where the test is not root (failing under CI=true, which runs
// as root).
func mountTmpfs(t *testing.T, size int) string {
	t.Helper()
	if os.Geteuid() != 0 {
		skipOrFail(t, "mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d,mode=0700", size)); err != nil {
		skipOrFail(t, "cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { _ = syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// remountReadOnly makes the tmpfs at dir read-only, as ext4 does after an
// I/O error.
func remountReadOnly(t *testing.T, dir string) {
	t.Helper()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Fatal(err)
	}
}

// fill takes every free byte of the file system at dir.
func fill(t *testing.T, dir string) {
	t.Helper()
	out, err := exec.Command("dd", "if=/dev/zero", "of="+filepath.Join(dir, "filler"), "bs=64k").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "No space left") {
		t.Fatalf("dd did not fill the disk: %v %s", err, out)
	}
}

// Issue 23: reminding never depends on being able to write. A course runs
// in a state directory that then becomes read-only, or full: the
// reminders still reach the desktop at their instants, an `ack` says it
// could not be saved (exit 1) while the driver stops repeating, and on the
// read-only disk a new driver still takes the course (its lock's record
// and its socket in the runtime directory) and reminds.
func TestReadOnlyOrFullStateDirectoryKeepsReminding(t *testing.T) {
	for _, how := range []string{"read-only", "full"} {
		t.Run(how, func(t *testing.T) {
			bus := startNotifyBus(t)
			disk := mountTmpfs(t, 4<<20)
			env := []string{"DBUS_SESSION_BUS_ADDRESS=" + bus.address, "XDG_RUNTIME_DIR=" + t.TempDir()}
			cycle := []string{"run", "--cycle", "ice 4s, rest 6s", "--quiet", "off", "--sound", "off", "--repeat", "2s"}
			p := startIcetimerEnv(t, disk, env, cycle...)
			if _, ok := p.nextReminder(10 * time.Second); !ok {
				t.Fatalf("run did not start:\n%s", p.stderr.String())
			}
			if how == "read-only" {
				// A disk that goes read-only under a running process
				// cannot be remounted so here (its files are open for
				// writing); the case is the next process: a saved
				// course with a pack on, and the disk read-only.
				p.kill(t)
				remountReadOnly(t, disk)
				p = startIcetimerEnv(t, disk, env, "run")
			} else {
				fill(t, disk)
			}
			broke := time.Now()
			// The removal, its repeats; then an ack from another terminal,
			// which the driver applies but cannot save.
			removal := waitLine(t, p, "Remove the ice pack", 15*time.Second)
			waitLine(t, p, "Could not save progress", 3*time.Second)
			ack := exec.Command(binary, "ack")
			ack.Env = append(stateEnv(disk), env...)
			out, err := ack.CombinedOutput()
			if code := exitCode(err); code != 1 || !strings.Contains(string(out), "could not be saved") {
				t.Fatalf("ack on a %s disk: exit %d, %q; want 1 saying it could not be saved", how, code, out)
			}
			waitLine(t, p, "Acknowledged", 3*time.Second)
			waitLine(t, p, "Put the ice pack on", 10*time.Second)
			time.Sleep(500 * time.Millisecond)
			p.kill(t)
			bus.stop(t)
			var after []received
			for _, r := range bus.received(t) {
				if r.at.After(broke.Add(500 * time.Millisecond)) {
					after = append(after, r)
				}
			}
			if len(after) < 2 {
				t.Fatalf("%d reminders reached the desktop after the disk went %s, want the removal and the next put-on: %+v", len(after), how, after)
			}
			t.Logf("disk %s: %d reminders reached the desktop after it broke (first %q, %v after the removal line)", how, len(after), after[0].Summary, after[0].at.Sub(removal.at).Round(time.Millisecond))
		})
	}
}

// waitLine waits for a line of p holding text, among reminders and the
// lines passed over.
func waitLine(t *testing.T, p *process, text string, within time.Duration) timedLine {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case l, ok := <-p.lines:
			if !ok {
				t.Fatalf("the output ended before %q (stderr %q)", text, p.stderr.String())
			}
			if strings.Contains(l.text, text) {
				return l
			}
		case <-deadline:
			t.Fatalf("no line with %q within %v (stderr %q)", text, within, p.stderr.String())
		}
	}
}

// exitCode is a finished command's exit status from its error.
func exitCode(err error) int {
	if x, ok := err.(*exec.ExitError); ok {
		return x.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// Issue 23: on a full disk, a pause made on the screen cannot be saved;
// quitting the screen with reminders kept hands the background run the
// course as the screen drove it, paused, not the saved one.
func TestAHandOverKeepsWhatAFullDiskCouldNotSave(t *testing.T) {
	disk := mountTmpfs(t, 4<<20)
	s := newTmuxIn(t, disk)
	s.run("screen", binary+" start --cycle 'ice 10m, rest 10m' --quiet off --sound off")
	s.waitFor("screen", "ICE ON", 10*time.Second)
	fill(t, disk)
	s.keys("screen", "Space")
	s.waitFor("screen", "PAUSED", 5*time.Second)
	s.waitFor("screen", "saving failed", 5*time.Second)
	s.keys("screen", "q")
	s.waitFor("screen", "background?", 5*time.Second)
	s.keys("screen", "y")
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if holder, ok := openTestStore(t, disk).Holder(); ok && strings.Contains(holder.Command, "run") && holder.Socket != "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no background run took the course")
		}
	}
	// The saved file lacks the pause; the run, which follow reads, has it.
	saved, _, _ := runIcetimer(t, disk, "status", "--format", "waybar")
	cmd := exec.Command(binary, "status", "--follow", "--format", "waybar")
	cmd.Env = stateEnv(disk)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	// Its first line is the saved file's; the driver's course follows.
	lines, got := bufio.NewReader(out), ""
	for range 2 {
		line, err := lines.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		got += line
	}
	if !strings.Contains(got, `"class":"paused"`) {
		t.Fatalf("the background run's course is %q (the saved file says %q), want it paused", got, saved)
	}
}
