// The Step Functions Local scenario through the AWS SDK for JavaScript v3 against `aslunit serve`:
// a #TestCase execution, a callback, history paging, ListExecutions paging, TestState, errors.
// Exits non-zero at the first answer that is not AWS's.
//
//   npm install @aws-sdk/client-sfn          (anywhere node resolves it from, e.g. NODE_PATH)
//   java -jar target/aslunit.jar serve --mock-config scripts/serve-scenario/MockConfigFile.json &
//   node scripts/serve-scenario-js.mjs [http://127.0.0.1:8083]
//
// scripts/serve-scenario-js.sh does all of that in a temporary directory.
import {
  SFNClient, CreateStateMachineCommand, StartExecutionCommand, DescribeExecutionCommand,
  GetExecutionHistoryCommand, SendTaskSuccessCommand, ListExecutionsCommand, TestStateCommand,
  StartSyncExecutionCommand, paginateGetExecutionHistory, paginateListExecutions,
  ExecutionAlreadyExists, StateMachineDoesNotExist, InvalidToken,
} from "@aws-sdk/client-sfn";
import { readFileSync } from "node:fs";

const endpoint = process.argv[2] ?? "http://127.0.0.1:8083";
const sfn = new SFNClient({
  endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" },
  // TestState and StartSyncExecution are modelled with a "sync-" host prefix; 127.0.0.1 cannot take one.
  disableHostPrefix: true, maxAttempts: 1,
});
const role = "arn:aws:iam::123456789012:role/orders";

function expect(what, actual, expected) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    console.error(`FAIL ${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    process.exit(1);
  }
  console.log(`ok   ${what}`);
}

async function expectError(what, promise, type) {
  try {
    await promise;
  } catch (e) {
    return expect(what, e instanceof type ? e.name : `${e.name}: ${e.message}`, type.name);
  }
  expect(what, "no error", type.name);
}

async function until(what, probe) {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(what, "timed out", "an answer");
}

const definition = readFileSync(new URL("./serve-scenario/orders.asl.json", import.meta.url), "utf8");

const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Orders", definition, roleArn: role }));
expect("createStateMachine", stateMachineArn, "arn:aws:states:us-east-1:123456789012:stateMachine:Orders");

const started = await sfn.send(new StartExecutionCommand({
  stateMachineArn: `${stateMachineArn}#HappyPath`, name: "order-1", input: JSON.stringify({ id: 1 }) }));
expect("startExecution with #HappyPath", started.executionArn,
  "arn:aws:states:us-east-1:123456789012:execution:Orders:order-1");
expect("startDate is a Date", started.startDate instanceof Date, true);

const token = await until("task token", async () => {
  const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: started.executionArn, reverseOrder: true }));
  const scheduled = events.find((e) => e.type === "TaskScheduled");
  return scheduled && JSON.parse(scheduled.taskScheduledEventDetails.parameters).MessageBody.token;
});
await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true }) }));
const done = await until("execution end", async () => {
  const d = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
  return d.status !== "RUNNING" && d;
});
expect("status", done.status, "SUCCEEDED");
expect("output", JSON.parse(done.output), { id: 1, payment: { charged: true }, approval: { approved: true } });
expect("a virtual day between start and stop", (done.stopDate - done.startDate) >= 86400000, true);

let events = 0;
for await (const page of paginateGetExecutionHistory({ client: sfn, pageSize: 4 }, { executionArn: started.executionArn })) {
  events += page.events.length;
}
expect("history through the paginator", events, 15);

for (let i = 0; i < 5; i++) {
  await sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#Declined`, name: `declined-${i}` }));
}
const names = [];
for await (const page of paginateListExecutions({ client: sfn, pageSize: 2 }, { stateMachineArn })) {
  names.push(...page.executions.map((e) => e.name));
}
expect("listExecutions through the paginator, newest first", names,
  ["declined-4", "declined-3", "declined-2", "declined-1", "declined-0", "order-1"]);

await expectError("reused name", sfn.send(new StartExecutionCommand({ stateMachineArn, name: "order-1", input: "{\"id\":2}" })),
  ExecutionAlreadyExists);
await expectError("unknown state machine", sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}X` })),
  StateMachineDoesNotExist);
await expectError("unknown token", sfn.send(new SendTaskSuccessCommand({ taskToken: "nope", output: "{}" })), InvalidToken);

const test = await sfn.send(new TestStateCommand({ definition: JSON.stringify({
  Type: "Pass", Parameters: { "total.$": "$.a" }, Next: "Done" }), roleArn: role, input: "{\"a\":3}", inspectionLevel: "DEBUG" }));
expect("testState", [test.status, test.output, test.nextState, test.inspectionData.input], ["SUCCEEDED", "{\"total\":3}", "Done", "{\"a\":3}"]);

const express = await sfn.send(new CreateStateMachineCommand({ name: "Quick", type: "EXPRESS", roleArn: role,
  definition: JSON.stringify({ StartAt: "W", States: { W: { Type: "Wait", Seconds: 60, End: true } } }) }));
const sync = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: express.stateMachineArn, input: "{\"x\":1}" }));
expect("startSyncExecution", [sync.status, sync.output], ["SUCCEEDED", "{\"x\":1}"]);

console.log("All answers as AWS gives them.");
