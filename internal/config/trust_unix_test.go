//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const trustFile = `quiet = "22:00-06:00"

[ntfy]
url = "https://ntfy.example.org"
topic = "my-back"

[hooks]
on_change = "paplay ~/chime.oga"
`

// writeConfig writes text to config.toml in a directory of dirMode and
// sets the file's mode (after the umask) to fileMode.
func writeConfig(t *testing.T, text string, dirMode, fileMode os.FileMode) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "icetimer")
	path := filepath.Join(dir, "config.toml")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, fileMode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, dirMode); err != nil {
		t.Fatal(err)
	}
	return path
}

// A file that others can write is refused for the hook and the phone, as
// ssh refuses one, with the command that fixes it; the rest applies.
func TestAFileOthersCanWriteRunsNoHook(t *testing.T) {
	for _, tc := range []struct {
		name              string
		dirMode, fileMode os.FileMode
		fix               func(path string) string
	}{
		{"file 0666", 0o700, 0o666, func(path string) string { return "(mode 0666): run chmod 600 " + path }},
		{"file 0620", 0o755, 0o620, func(path string) string { return "(mode 0620): run chmod 600 " + path }},
		{"directory 0777", 0o777, 0o600, func(path string) string { return "(mode 0777): run chmod go-w " + filepath.Dir(path) }},
		{"directory 0770", 0o770, 0o644, func(path string) string { return "(mode 0770): run chmod go-w " + filepath.Dir(path) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeConfig(t, trustFile, tc.dirMode, tc.fileMode)
			c, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if c.Hooks.OnChange != "" || c.Ntfy.Enabled() {
				t.Errorf("the hook %q and the phone %+v were kept", c.Hooks.OnChange, c.Ntfy)
			}
			if c.Quiet != "22:00-06:00" {
				t.Errorf("quiet = %q: the rest of the file must still apply", c.Quiet)
			}
			want := path + ": [hooks] on_change and [ntfy] left out, as others could have written them: others can write "
			if len(c.Warnings) != 1 || !strings.HasPrefix(c.Warnings[0], want) || !strings.HasSuffix(c.Warnings[0], tc.fix(path)) {
				t.Errorf("warnings %q, want one starting %q and ending %q", c.Warnings, want, tc.fix(path))
			}
		})
	}
}

// The same files with no hook and no phone say nothing; a file only its
// owner can write keeps both.
func TestOnlyTheHookAndThePhoneNeedAPrivateFile(t *testing.T) {
	c, err := Load(writeConfig(t, "quiet = \"off\"\n", 0o777, 0o666))
	if err != nil || len(c.Warnings) != 0 || c.Quiet != "off" {
		t.Errorf("a writable file with no hook: %+v, %v", c, err)
	}
	c, err = Load(writeConfig(t, trustFile, 0o755, 0o644))
	if err != nil || len(c.Warnings) != 0 || c.Hooks.OnChange == "" || !c.Ntfy.Enabled() {
		t.Errorf("a file only its owner can write: %+v, %v", c, err)
	}
}

// A file another user owns is refused too (root may own it); only root
// can make one here.
func TestAFileOfAnotherUserRunsNoHook(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	path := writeConfig(t, trustFile, 0o700, 0o600)
	if err := os.Chown(path, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil || c.Hooks.OnChange != "" || len(c.Warnings) != 1 || !strings.HasSuffix(c.Warnings[0], "belongs to user 4242, not to you (user 0): run chown 0 "+path) {
		t.Errorf("a file of user 4242: %+v, %v", c, err)
	}
}

// A link to a file kept elsewhere (a dotfiles repository) is checked where
// the file is too.
func TestALinkedFileIsCheckedWhereItIs(t *testing.T) {
	real := writeConfig(t, trustFile, 0o777, 0o600)
	link := filepath.Join(t.TempDir(), "config.toml")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	c, err := Load(link)
	if err != nil || c.Hooks.OnChange != "" || len(c.Warnings) != 1 || !strings.HasSuffix(c.Warnings[0], "run chmod go-w "+filepath.Dir(real)) {
		t.Errorf("a link to a file in a directory others can write: %+v, %v", c, err)
	}
}

func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{
		"/home/ann/.config/icetimer/config.toml": "/home/ann/.config/icetimer/config.toml",
		"/home/ann/My Files/it's.toml":           `'/home/ann/My Files/it'\''s.toml'`,
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}
