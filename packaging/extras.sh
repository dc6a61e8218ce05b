#!/usr/bin/env bash
# Writes what the archives and packages carry besides the binary into
# packaging/generated/: the shell completions and the man page, made by the
# program itself, and the Debian changelog. GoReleaser runs it as a before
# hook (.goreleaser.yaml):
#
#   packaging/extras.sh VERSION COMMIT COMMIT_TIMESTAMP
#
# VERSION is the release's (1.2.3, or 0.0.0-git20261121012345.0123456789ab
# for a snapshot), COMMIT the full commit and COMMIT_TIMESTAMP its time in
# Unix seconds: every date written is the commit's, so two builds of one
# commit write the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 3 ] || { echo "usage: $0 VERSION COMMIT COMMIT_TIMESTAMP" >&2; exit 2; }
version=$1 commit=$2
export SOURCE_DATE_EPOCH=$3

out=packaging/generated
rm -rf "$out"
mkdir -p "$out/completions" "$out/man"

host=$(mktemp -d)
trap 'rm -rf "$host"' EXIT
CGO_ENABLED=0 go build -trimpath -o "$host/icetimer" ./cmd/icetimer
"$host/icetimer" completion bash >"$out/completions/icetimer.bash"
"$host/icetimer" completion zsh >"$out/completions/_icetimer"
"$host/icetimer" completion fish >"$out/completions/icetimer.fish"
"$host/icetimer" completion powershell >"$out/completions/icetimer.ps1"

# The man page's heading carries the day it was made (mango writes the
# current date): it becomes the commit's day, and a heading of another shape
# stops the build rather than letting today's date through.
day=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
"$host/icetimer" man >"$host/icetimer.1"
sed -E -i "1s/^(\.TH [^\"]+ )\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"/\1\"$day\"/" "$host/icetimer.1"
head -1 "$host/icetimer.1" | grep -q "\"$day\"" || {
  echo "extras.sh: the man page's first line is not a .TH heading with a date: $(head -1 "$host/icetimer.1")" >&2
  exit 1
}
gzip -9n <"$host/icetimer.1" >"$out/man/icetimer.1.gz"

# The Debian changelog of a native package (the packages are made here, so
# the version has no Debian revision): nfpm writes the version with ~ before
# a pre-release, as dpkg sorts it before the release.
deb_version=${version/-/\~}
{
  echo "icetimer ($deb_version) unstable; urgency=medium"
  echo
  echo "  * Built from commit $commit."
  echo
  echo " -- icetimer developers <icetimer@users.noreply.github.com>  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n >"$out/changelog.gz"

# The files' own times, for whatever packs them without an mtime of its own.
find "$out" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
