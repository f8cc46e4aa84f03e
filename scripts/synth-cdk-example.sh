#!/usr/bin/env bash
# Synthesizes examples/cdk-app into examples/cdk-app/cdk.out, keeping only what ASLUnit reads
# (manifest.json, the stack templates and metadata, the asset manifests and the JSON file assets), so that the
# project's tests run without Node. Needs Node 18+ and the npm registry; installs aws-cdk-lib,
# constructs and typescript into a temporary directory (nothing is installed into the repository).
#
#   scripts/synth-cdk-example.sh            # versions below
#   CDK_VERSION=2.200.0 scripts/synth-cdk-example.sh
set -euo pipefail

CDK_VERSION="${CDK_VERSION:-2.276.0}"
CONSTRUCTS_VERSION="${CONSTRUCTS_VERSION:-10.8.1}"
TYPESCRIPT_VERSION="${TYPESCRIPT_VERSION:-5.9.3}"

root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/examples/cdk-app"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp -R "$app/bin" "$app/lib" "$app/definitions" "$app/tsconfig.json" "$work/"
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
  "aws-cdk-lib@$CDK_VERSION" "constructs@$CONSTRUCTS_VERSION" "typescript@$TYPESCRIPT_VERSION" "@types/node@20"
npx tsc -p tsconfig.json

# Run as the CDK CLI runs an app: the cloud assembly goes to CDK_OUTDIR, and the context turns on
# the aws:cdk:path metadata of every resource (the construct paths ASLUnit selects by).
CDK_OUTDIR="$work/cdk.out" CDK_CONTEXT_JSON='{"aws:cdk:enable-path-metadata":true,"aws:cdk:disable-stack-trace":true}' node bin/app.js

rm -rf "$app/cdk.out"
mkdir -p "$app/cdk.out"
cd "$work/cdk.out"
find . -type f \( -name 'manifest.json' -o -name '*.metadata.json' -o -name '*.template.json' -o -name '*.assets.json' -o -name 'asset.*.json' \) \
  -exec cp --parents {} "$app/cdk.out/" \;
# Metadata files carry stack traces with this machine's temporary paths; keep only the logical ids.
node -e '
const fs = require("fs");
for (const f of process.argv.slice(1)) {
  const md = JSON.parse(fs.readFileSync(f, "utf8"));
  for (const k of Object.keys(md)) {
    md[k] = md[k].filter(e => e.type === "aws:cdk:logicalId");
    if (md[k].length === 0) delete md[k];
  }
  fs.writeFileSync(f, JSON.stringify(md, null, 2) + "\n");
}' $(find "$app/cdk.out" -name '*.metadata.json')
echo "Synthesized with aws-cdk-lib $CDK_VERSION into $app/cdk.out:"
(cd "$app/cdk.out" && find . -type f | sort)
