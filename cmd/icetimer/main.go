// Command icetimer runs ice and heat therapy cycles in a terminal: it shows
// what to do now and for how long, and reminds at every change. The
// commands are in internal/cli.
package main

import (
	"os"

	"github.com/icetimer/icetimer/internal/cli"
)

func main() {
	env := cli.NewEnv()
	useTestClock(env)
	os.Exit(cli.Main(os.Args[1:], env))
}
