package main

import "github.com/icetimer/icetimer/internal/cli"

// errNoCourse is exit status 3 (docs: CLI.md): there is no saved course.
var errNoCourse = cli.ErrNoCourse
