//go:build unix

package config

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// othersCanWrite says why someone other than this user could have written
// the config file at path (info is the file as opened), with the command
// that fixes it; "" when only this user or root can. The file and the
// directory it is in are checked (and the file's own directory when path
// is a link to it, as a dotfiles repository makes), as ssh does: whoever
// can write the directory can put another file in its place.
func othersCanWrite(path string, info fs.FileInfo) string {
	if why := notOnlyYours(path, info, "600"); why != "" {
		return why
	}
	dirs := []string{filepath.Dir(path)}
	if real, err := filepath.EvalSymlinks(path); err == nil && filepath.Dir(real) != dirs[0] {
		dirs = append(dirs, filepath.Dir(real))
	}
	for _, dir := range dirs {
		info, err := os.Stat(dir)
		if err != nil {
			return fmt.Sprintf("its directory %s cannot be checked (%v)", dir, err)
		}
		if why := notOnlyYours(dir, info, "go-w"); why != "" {
			return why
		}
	}
	return ""
}

// notOnlyYours says why path, described by info, is not this user's alone
// (owned by another user than this one and root, or writable by its group
// or everyone), with the command that fixes it; mode is chmod's for the fix.
func notOnlyYours(path string, info fs.FileInfo, mode string) string {
	me := os.Geteuid()
	if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) != me && st.Uid != 0 {
		return fmt.Sprintf("%s belongs to user %d, not to you (user %d): run chown %d %s", path, st.Uid, me, me, shellWord(path))
	}
	if perm := info.Mode().Perm(); perm&0o022 != 0 {
		return fmt.Sprintf("others can write %s (mode %04o): run chmod %s %s", path, perm, mode, shellWord(path))
	}
	return ""
}

// shellWord is path as one word for the shell, for a command to copy.
func shellWord(path string) string {
	if strings.Trim(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,@%:") == "" {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}
