#!/usr/bin/env bash
# Builds a release into dist/ with GoReleaser (.goreleaser.yaml), publishing
# nothing: the binaries, archives, .deb, .rpm, .apk and Arch packages, the
# SBOMs, checksums.txt, the Homebrew formula and the Scoop manifest.
#
#   packaging/build.sh             a snapshot of the checked-out commit
#   packaging/build.sh --snapshot=false
#                                  the release of the tag at HEAD (clean tree)
#
# GoReleaser comes from tools/go.mod, built on first use. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

snapshot=--snapshot
[ "${1:-}" = --snapshot=false ] && snapshot=

# Whatever packs a file without a time of its own gives it the commit's.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
export SOURCE_DATE_EPOCH

# GoReleaser asks git for the remote's URL and, in a clone without one,
# forgets the commit too; it is given this repository's for this run only.
if ! git ls-remote --get-url >/dev/null 2>&1; then
  export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url \
    GIT_CONFIG_VALUE_0=https://github.com/icetimer/icetimer.git
fi

exec go tool -modfile=tools/go.mod goreleaser release $snapshot --clean --skip=publish
