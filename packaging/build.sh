#!/usr/bin/env bash
# Release build: CGO_ENABLED=0 binaries for linux, darwin and windows on
# amd64 and arm64 in dist/OS_ARCH/, shell completions and the man page made
# by the linux binary, and a .deb for linux amd64 and arm64 (nfpm v2.43.0,
# the last version the Go proxy here serves; installed into dist/tools when
# it is not on PATH). Run from anywhere; writes only dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

NFPM_VERSION=v2.43.0
rm -rf dist/linux_* dist/darwin_* dist/windows_* dist/completions dist/man dist/*.deb dist/SHA256SUMS
mkdir -p dist/completions dist/man dist/tools

# The version: a tag at HEAD ("v1.2.3" -> "1.2.3"); else the commit's date
# and revision, which Debian sorts after 0.0.0 and before any release.
if tag=$(git describe --tags --exact-match 2>/dev/null); then
  deb_version=${tag#v}
else
  deb_version="0.0.0~git$(TZ=UTC git log -1 --format=%cd --date=format-local:%Y%m%d%H%M%S).$(git rev-parse --short=12 HEAD)"
fi

# -buildvcs stamps the module version (the tag, or a pseudo-version with
# +dirty) that `icetimer --version` reads; GOFLAGS may have turned it off.
# Go finds no repository in a git worktree (.git is a file there): then the
# revision is set as the release version instead.
ldflags="-s -w"
if [ -f .git ]; then
  rev="devel-$(git rev-parse --short=12 HEAD)"
  git diff --quiet HEAD 2>/dev/null || rev="$rev-dirty"
  ldflags="$ldflags -X github.com/icetimer/icetimer/internal/cli.Version=$rev"
fi
for os in linux darwin windows; do
  for arch in amd64 arm64; do
    ext=""
    [ "$os" = windows ] && ext=".exe"
    CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -buildvcs=true -ldflags="$ldflags" \
      -o "dist/${os}_${arch}/icetimer${ext}" ./cmd/icetimer
  done
done

# Completions and the man page come from the program itself, built for
# this machine.
host="dist/linux_$(go env GOARCH)/icetimer"
for shell in bash zsh fish powershell; do
  "$host" completion "$shell" >"dist/completions/icetimer.$shell"
done
"$host" man | gzip -9n >dist/man/icetimer.1.gz

nfpm=$(command -v nfpm || true)
if [ -z "$nfpm" ] || ! "$nfpm" --version 2>/dev/null | grep -q "${NFPM_VERSION#v}"; then
  GOBIN="$PWD/dist/tools" GOFLAGS= go install "github.com/goreleaser/nfpm/v2/cmd/nfpm@$NFPM_VERSION"
  nfpm="$PWD/dist/tools/nfpm"
fi
for arch in amd64 arm64; do
  GOARCH=$arch ICETIMER_VERSION=$deb_version "$nfpm" package --config packaging/nfpm.yaml --packager deb --target dist/ >/dev/null
done

(cd dist && sha256sum ./*_*/icetimer* ./*.deb >SHA256SUMS)
echo "built icetimer $deb_version:"
ls -1 dist/*.deb
