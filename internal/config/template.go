package config

import _ "embed"

// Template is the commented config file 'icetimer config init' writes: every
// key at its default, and an example preset left commented out, so that
// reading it unchanged gives Default().
//
//go:embed default.toml
var Template string
