package store

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// checkDir is an error when dir exists but is not a directory of its own:
// a symbolic link would have icetimer create, chmod and remove files
// wherever it points. nil when dir is a directory or does not exist.
func checkDir(dir string) error {
	info, err := os.Lstat(dir)
	switch {
	case err != nil || info.IsDir():
		return nil
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("the state directory %s is a symbolic link; icetimer does not follow links to it: put the directory itself there", dir)
	}
	return fmt.Errorf("the state directory %s is not a directory (%v): remove it", dir, info.Mode().Type())
}

// file is the path of the file called name in the store's directory, once
// the directory is checked (see checkDir): every file is reached through it.
func (s *Store) file(name string) (string, error) {
	if err := checkDir(s.dir); err != nil {
		return "", err
	}
	return filepath.Join(s.dir, name), nil
}

// stateFiles are the files makePrivate tightens.
var stateFiles = []string{stateName, historyName, lockName, remindedName, repliedName, safetyName}

// makePrivate makes dir 0700 and the store's files in it 0600 where they
// were made looser (by hand, by a copy, by an older icetimer). Best effort:
// they may belong to someone else. Each is changed through a handle opened
// without following links, so nothing outside dir is touched.
func makePrivate(dir string) {
	if runtime.GOOS == "windows" {
		return // no Unix permissions
	}
	d, err := os.OpenFile(dir, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return
	}
	defer d.Close()
	if info, err := d.Stat(); err != nil || !info.IsDir() {
		return
	} else if info.Mode().Perm()&^dirPerm != 0 {
		_ = d.Chmod(dirPerm)
	}
	for _, name := range stateFiles {
		f, err := openFile(filepath.Join(dir, name), os.O_RDONLY)
		if err != nil {
			continue
		}
		if info, err := f.Stat(); err == nil && info.Mode().Perm()&^filePerm != 0 {
			_ = f.Chmod(filePerm)
		}
		f.Close()
	}
}
