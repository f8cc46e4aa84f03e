#!/usr/bin/env bash
# Runs scripts/serve-scenario-js.mjs against `java -jar target/aslunit.jar serve` with its mock
# config, installing @aws-sdk/client-sfn from npm into a temporary directory first.
#
#   mvn -B -q -DskipTests package && scripts/serve-scenario-js.sh
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${ASLUNIT_JAR:-target/aslunit.jar}
PORT=${PORT:-8083}
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

(cd "$WORK" && npm install --silent --no-audit --no-fund @aws-sdk/client-sfn > /dev/null)
cp -r "$HERE/serve-scenario-js.mjs" "$HERE/serve-scenario" "$WORK/"
java -jar "$JAR" serve --port "$PORT" --mock-config "$HERE/serve-scenario/MockConfigFile.json" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do grep -q "listening on" "$WORK/server.log" 2>/dev/null && break; sleep 0.1; done
grep "listening on" "$WORK/server.log" || { cat "$WORK/server.log"; exit 1; }
node "$WORK/serve-scenario-js.mjs" "http://127.0.0.1:$PORT"
