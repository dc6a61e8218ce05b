package main

import "errors"

// errNoCourse is exit status 3 (docs: CLI.md): there is no saved course.
var errNoCourse = &exitError{Code: exitNoCourse, Err: errors.New("no saved course: start one with 'icetimer start PRESET'")}
