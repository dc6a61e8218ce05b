//go:build !unix

package store

// openFlags are added to every open of a file in the state directory. This
// system has no flag to refuse links when opening: openFile's check of the
// name before opening stands in (a link made in between is followed); on
// Windows named pipes do not live in directories.
const openFlags = 0
