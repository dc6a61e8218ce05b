package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Version is set by a release build with
// -ldflags "-X github.com/icetimer/icetimer/internal/cli.Version=v1.2.3";
// empty otherwise, and versionString reads the build info.
var Version = ""

// versionString is what this binary is: the release version it was built
// as; else the module version from the build info (`go install ...@v1.2.3`,
// or the pseudo-version go stamps from the repository, "+dirty" when it had
// changes); else the VCS revision, with "-dirty"; else "dev".
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return versionOf(Version, info)
}

func versionOf(release string, info *debug.BuildInfo) string {
	if release != "" {
		return release
	}
	if info == nil {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if revision == "" {
		return "dev"
	}
	v := "devel-" + revision[:min(12, len(revision))]
	if modified == "true" {
		v += "-dirty"
	}
	return v
}

// VersionOptions are `icetimer version`'s: it takes no arguments.
type VersionOptions struct {
	Env *Env
}

// NewCmdVersion is `icetimer version`, which says what `icetimer --version`
// says.
func NewCmdVersion(env *Env, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{Env: env}
	run := runWith(runF, versionRun)
	return &cobra.Command{
		Use:   "version",
		Short: "Print icetimer's version",
		Args:  noArgs,
		RunE:  func(*cobra.Command, []string) error { return run(opts) },
	}
}

func versionRun(opts *VersionOptions) error {
	_, err := fmt.Fprintln(opts.Env.Out, "icetimer "+versionString())
	return err
}

// versionTemplate is root's --version output, the same as `version`.
const versionTemplate = "icetimer {{.Version}}\n"
