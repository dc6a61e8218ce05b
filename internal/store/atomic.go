package store

import (
	"os"
	"path/filepath"
)

// tempPattern names the temp files writeAtomic creates next to their target.
const tempPattern = ".tmp-*"

// writeAtomic replaces path with data so that a crash at any instant leaves
// either the old file or the new one: write a temp file in the same
// directory, flush it, rename it over path, flush the directory. On any error
// the temp file is removed and path is untouched.
//
// os.CreateTemp makes the file 0600 (filePerm), which the rename keeps. It
// creates with O_EXCL, which never opens through a link, and the rename
// replaces whatever is at path rather than writing through it: callers check
// path first only to refuse, with a clear error, what icetimer did not write.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, filepath.Base(path)+tempPattern)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// removeTemps deletes temp files left in dir by writers that crashed between
// creating and renaming them: those of the course, of the reminded
// marker and of the phone's last reply, the files writeAtomic replaces. Only the lock's holder writes, so
// it may.
func removeTemps(dir string) {
	for _, name := range []string{stateName, remindedName, repliedName} {
		matches, _ := filepath.Glob(filepath.Join(dir, name+tempPattern))
		for _, m := range matches {
			os.Remove(m)
		}
	}
}
