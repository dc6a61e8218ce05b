#!/usr/bin/env bash
# Proves that this directory is Bubble Tea at the pinned version, exactly as
# the Go module proxy serves it, with on-demand-frames.patch applied, and
# nothing else: fetches the module, applies the patch to a copy and compares
# the two trees file by file. Exits 1 and shows the difference otherwise.
#
# After changing the patched files, write the patch again with
#   git diff --relative -- . > on-demand-frames.patch   (here, against the
# commit that added the pristine copy), then run this script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=v2.0.10
sum=h1:oolvo20VBpI0PfqE7iFjkZ1bx0WpmXGfnKz5Yldjq5o=

# Outside any module, so that no replace directive applies.
info=$(cd / && go mod download -json "charm.land/bubbletea/v2@$version")
dir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$info")
got=$(sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p' <<<"$info")
if [ -z "$dir" ] || [ "$got" != "$sum" ]; then
	echo "verify: charm.land/bubbletea/v2@$version: got checksum '$got', want $sum" >&2
	echo "$info" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$dir" "$tmp/upstream"
chmod -R u+w "$tmp/upstream"
(cd "$tmp/upstream" && git apply --whitespace=nowarn "$here/on-demand-frames.patch")
if ! diff -r --exclude=verify.sh --exclude=on-demand-frames.patch "$tmp/upstream" "$here"; then
	echo "verify: $here is not Bubble Tea $version plus on-demand-frames.patch" >&2
	exit 1
fi
echo "verify: third_party/bubbletea is Bubble Tea $version plus on-demand-frames.patch ($(grep -c '^[+-][^+-]' "$here/on-demand-frames.patch") changed lines)"
