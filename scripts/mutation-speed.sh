#!/bin/sh
# Mutants per second of `aslunit mutate` on the examples, each run a fresh JVM: JVM start, the
# unmutated run, discovery and the report included (docs/performance.md, "Mutation testing").
#
#   mvn -B -DskipTests package && mvn -B test-compile    # the CLI distribution and the example tests
#   scripts/mutation-speed.sh [RUNS] [THREADS]           # default: 3 runs of each, 2 threads
#
# Test files run through the distribution's launcher (bin/aslunit), which is all a user without
# Java tests has; JUnit classes and Cucumber features need the test classpath, so they run with
# java -cp and the JVM options of `mvn -Pmutation verify` (JAVA_OPTS, by default C1 only and the
# serial collector, as bin/aslunit runs; JAVA_OPTS= compares with the JVM's defaults). Prints one line per run: wall and CPU seconds (from
# /usr/bin/time), the mutants run (killed, timed out, survived), mutants per wall second and CPU
# seconds per mutant, with the load average before the run.
set -eu
cd "$(dirname "$0")/.."
runs=${1:-3}
threads=${2:-2}
java_opts=${JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
out=target/mutation-speed
mkdir -p "$out"

dist=$(ls target/aslunit-*-bin.zip 2>/dev/null | head -n 1)
[ -n "$dist" ] || { echo "no target/aslunit-*-bin.zip: run mvn -B -DskipTests package first" >&2; exit 2; }
[ -d target/test-classes/com/example ] || { echo "no compiled example tests: run mvn -B test-compile first" >&2; exit 2; }
rm -rf "$out/dist" && mkdir -p "$out/dist" && (cd "$out/dist" && unzip -q "../../../$dist")
aslunit=$(ls -d "$out"/dist/aslunit-*/bin/aslunit)
"$aslunit" --version >/dev/null   # the launcher's class-data archive is made by its first run, as on a user's machine
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >/dev/null
cp="target/classes:target/test-classes:$(cat "$out/cp.txt")"

echo "commit $(git rev-parse --short HEAD), $(java -version 2>&1 | head -n 1), $(nproc) cores, $threads threads, java -cp with '$java_opts'"
echo "what | mutants | wall s | CPU s | mutants/s | CPU s per mutant | load before"

measure() {
  name=$1
  shift
  i=1
  while [ "$i" -le "$runs" ]; do
    load=$(cut -d ' ' -f 1 /proc/loadavg)
    rm -f "$out/report/mutation.json"
    /usr/bin/time -f "%e %U %S" -o "$out/time.txt" "$@" --threads "$threads" --report-dir "$out/report" \
        >"$out/stdout.txt" 2>"$out/stderr.txt" || true
    [ -f "$out/report/mutation.json" ] || { echo "$name: no report"; cat "$out/stderr.txt" >&2; exit 1; }
    python3 - "$name" "$load" "$out/time.txt" "$out/report/mutation.json" <<'EOF'
import json, sys
name, load, times, report = sys.argv[1:5]
wall, user, system = (float(x) for x in open(times).read().split()[-3:])
counts = [d["counts"] for d in json.load(open(report))["definitions"]]
run = sum(c["killed"] + c["timed_out"] + c["survived"] for c in counts)
cpu = user + system
print(f"{name} | {run} | {wall:.1f} | {cpu:.1f} | {run / wall:.1f} | {cpu / run:.3f} | {load}")
EOF
    i=$((i + 1))
  done
}

measure "test files (4 examples), bin/aslunit" "$aslunit" mutate --test-files examples/order-processing \
    --test-files examples/human-approval --test-files examples/jsonata-quote --test-files examples/shipping-quote
# shellcheck disable=SC2086
measure "JUnit: QuoteTest, HumanApprovalTest, OrderProcessingTest" java $java_opts -cp "$cp" dev.aslunit.internal.cli.Main mutate \
    com.example.quote.QuoteTest com.example.approval.HumanApprovalTest com.example.orders.OrderProcessingTest
# shellcheck disable=SC2086
measure "Cucumber: order-processing.feature" java $java_opts -cp "$cp" dev.aslunit.internal.cli.Main mutate \
    --features cucumber-features/order-processing.feature
