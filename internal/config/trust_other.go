//go:build !unix

package config

import "io/fs"

// othersCanWrite is "" here: Windows keeps who may write a file in access
// lists, which a user's own profile directory already limits to them.
func othersCanWrite(string, fs.FileInfo) string { return "" }
