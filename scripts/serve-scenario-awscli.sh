#!/usr/bin/env bash
# The Step Functions Local scenario through the AWS CLI against `aslunit serve`: a mock config
# with #TestCase ARNs, an execution answered by a callback, history paging, TestState,
# validation and errors. Exits non-zero at the first answer that is not AWS's.
#
#   mvn -B -q -DskipTests package && scripts/serve-scenario-awscli.sh
#
# Needs the AWS CLI (v1 or v2) and python3. ASLUNIT_JAR and PORT override the defaults.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${ASLUNIT_JAR:-target/aslunit.jar}
PORT=${PORT:-8083}
ENDPOINT="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
# TestState's and StartSyncExecution's "sync-" host prefix would turn 127.0.0.1 into a name that
# does not resolve (AWS CLI v2 and recent v1 honour this variable).
export AWS_DISABLE_HOST_PREFIX_INJECTION=true

SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

sfn() { aws stepfunctions --endpoint-url "$ENDPOINT" --output json "$@"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
expect() { # expect WHAT ACTUAL EXPECTED
    if [ "$2" != "$3" ]; then echo "FAIL $1: expected [$3], got [$2]" >&2; exit 1; fi
    echo "ok   $1"
}


SFN_MOCK_CONFIG="$HERE/serve-scenario/MockConfigFile.json" java -jar "$JAR" serve --port "$PORT" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do grep -q "listening on" "$WORK/server.log" 2>/dev/null && break; sleep 0.1; done
grep "listening on" "$WORK/server.log" || { cat "$WORK/server.log"; exit 1; }

ROLE=arn:aws:iam::123456789012:role/orders
SM=$(sfn create-state-machine --name Orders --definition "file://$HERE/serve-scenario/orders.asl.json" --role-arn "$ROLE" | field "['stateMachineArn']")
expect "create-state-machine" "$SM" "arn:aws:states:us-east-1:123456789012:stateMachine:Orders"

EXEC=$(sfn start-execution --state-machine-arn "$SM#HappyPath" --name order-1 --input '{"id":1}' | field "['executionArn']")
expect "start-execution with #HappyPath" "$EXEC" "arn:aws:states:us-east-1:123456789012:execution:Orders:order-1"

# The day-long Wait passes at once on the virtual clock; the execution then waits for its approval.
TOKEN=""
for _ in $(seq 1 100); do
    TOKEN=$(sfn get-execution-history --execution-arn "$EXEC" --reverse-order | python3 -c '
import json, sys
for e in json.load(sys.stdin)["events"]:
    if e["type"] == "TaskScheduled":
        print(json.loads(e["taskScheduledEventDetails"]["parameters"])["MessageBody"]["token"]); break')
    [ -n "$TOKEN" ] && break; sleep 0.1
done
expect "task token handed to the approval task" "$([ -n "$TOKEN" ] && echo yes)" "yes"
expect "describe-execution while waiting" "$(sfn describe-execution --execution-arn "$EXEC" | field "['status']")" "RUNNING"

sfn send-task-heartbeat --task-token "$TOKEN" > /dev/null
sfn send-task-success --task-token "$TOKEN" --task-output '{"approved":true}' > /dev/null
for _ in $(seq 1 100); do
    STATUS=$(sfn describe-execution --execution-arn "$EXEC" | field "['status']"); [ "$STATUS" != RUNNING ] && break; sleep 0.1
done
expect "execution succeeded after send-task-success" "$STATUS" "SUCCEEDED"
expect "output" "$(sfn describe-execution --execution-arn "$EXEC" | field "['output']")" \
    '{"id":1,"payment":{"charged":true},"approval":{"approved":true}}'

EVENTS=$(sfn get-execution-history --execution-arn "$EXEC" --page-size 3 | field "['events'].__len__()")
expect "history, paged 3 at a time by the CLI" "$EVENTS" "15"

DECLINED=$(sfn start-execution --state-machine-arn "$SM#Declined" --input '{"id":2}' | field "['executionArn']")
for _ in $(seq 1 100); do
    STATUS=$(sfn describe-execution --execution-arn "$DECLINED" | field "['status']"); [ "$STATUS" != RUNNING ] && break; sleep 0.1
done
expect "#Declined fails with the mocked error" "$STATUS/$(sfn describe-execution --execution-arn "$DECLINED" | field "['error']")" "FAILED/Card.Declined"

expect "list-executions --status-filter" \
    "$(sfn list-executions --state-machine-arn "$SM" --status-filter SUCCEEDED | field "['executions'][0]['name']")" "order-1"

if sfn start-execution --state-machine-arn "$SM#HappyPath" --name order-1 --input '{"id":99}' 2> "$WORK/err" > /dev/null; then
    echo "FAIL reused name accepted" >&2; exit 1
fi
expect "reused name" "$(grep -o 'ExecutionAlreadyExists' "$WORK/err")" "ExecutionAlreadyExists"

TEST=$(sfn test-state --definition '{"Type":"Pass","Parameters":{"total.$":"$.a"},"Next":"Done"}' \
    --role-arn "$ROLE" --input '{"a":3}' --inspection-level DEBUG)
expect "test-state output" "$(echo "$TEST" | field "['output']")" '{"total":3}'
expect "test-state next state" "$(echo "$TEST" | field "['nextState']")" "Done"

expect "validate-state-machine-definition" \
    "$(sfn validate-state-machine-definition --definition '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}' | field "['result']")" "FAIL"

EXPRESS=$(sfn create-state-machine --name Quick --type EXPRESS --role-arn "$ROLE" \
    --definition '{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}' | field "['stateMachineArn']")
expect "start-sync-execution" "$(sfn start-sync-execution --state-machine-arn "$EXPRESS" --input '{"x":1}' | field "['output']")" '{"x":1}'

echo "All answers as AWS gives them."
