// Package rundir is the user's runtime directory: where icetimer keeps, for
// a state directory, what the state directory itself cannot hold: the
// control socket when its path there is too long for a socket's address,
// and the lock and its holder's record when the state directory cannot be
// written (a disk remounted read-only).
package rundir

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
)

// perm keeps the directory to its user.
const perm = 0o700

// For is the path in the runtime directory of the file of state directory
// dir with the given suffix ("sock", "lock"): named for dir, so that every
// process of the same state directory finds the same one.
func For(dir, suffix string) (string, error) {
	rt, err := Dir()
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(rt, fmt.Sprintf("icetimer-%s.%s", hex.EncodeToString(sum[:8]), suffix)), nil
}
