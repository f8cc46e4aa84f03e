package dev.aslunit.cucumber;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.Execution;
import dev.aslunit.StateVisit;
import dev.aslunit.assertions.TaskMockAssert;
import dev.aslunit.internal.json.Json;
import dev.aslunit.mock.TaskResults;
import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.ExecutionPicture;
import dev.aslunit.internal.report.ReportWriter;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * ASLUnit's Cucumber step library: add {@code dev.aslunit.cucumber} to the glue and a scenario
 * about a state machine needs no Java. Every step delegates to the same public API a JUnit test
 * uses ({@code StateMachineUnderTest}, the mocks and {@code StepFunctionAssertions}); each scenario
 * gets its own instance of this class and so its own sandbox: mocks, virtual clock and executions
 * (the compiled definition is prepared once per JVM and shared).
 * The steps are listed with examples in {@code docs/cucumber.md}.
 */
public class StepFunctionSteps {

    private final ScenarioContext world = new ScenarioContext();

    // ------------------------------------------------------------------ parameter types and hooks

    /** {@code 45 seconds}, {@code 3 hours}, {@code 1 hour and 30 minutes}. */
    @ParameterType(name = "aslDuration", value = DurationText.ONE)
    public Duration aslDuration(String text) {
        return DurationText.parse(text);
    }

    /** {@code 2 seconds and 4 seconds}: one duration per retry. */
    @ParameterType(name = "aslDurations", value = DurationText.MANY)
    public List<Duration> aslDurations(String text) {
        return DurationText.parseList(text);
    }

    /** A value in a Then step: {@code "TRK-9"} (text), or a JSON literal: {@code 250}, {@code true}, {@code null}. */
    @ParameterType(name = "aslValue", value = "\"([^\"]*)\"|(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null)")
    public JsonNode aslValue(String text, String literal) {
        return text != null ? Json.nodes().textNode(text) : ScenarioJson.cell(literal);
    }

    @Before
    public void rememberScenario(Scenario scenario) {
        world.scenario(scenario);
    }

    /** A failed scenario's report carries the execution's virtual-time trace and names the file with its picture. */
    @After
    public void attachTraceOnFailure(Scenario scenario) {
        if (scenario.isFailed() && world.current() != null) {
            scenario.attach(world.current().trace() + "\nPicture of the execution: "
                    + ExecutionPicture.write(world.current(), ReportWriter.defaultDirectory(), scenario.getName()).toAbsolutePath(),
                    "text/plain", "execution trace");
        }
    }

    /** Every execution of the scenario counts towards the run's workflow coverage (target/aslunit). */
    @After
    public void recordCoverage() {
        CoverageCollector.active().ifPresent(world::recordCoverage);
    }

    /**
     * With {@code -Daslunit.verify.endpoint=...} a scenario that passed has its executions checked state by
     * state by the endpoint's TestState (docs/verify-on-aws.md).
     */
    @After
    public void verifyOnEndpoint(Scenario scenario) {
        if (!scenario.isFailed()) {
            world.verifyOnEndpoint();
        }
    }

    // ------------------------------------------------------------------ the state machine

    @Given("the state machine {string}")
    public void theStateMachine(String definition) {
        world.definition(definition);
    }

    @Given("the state machine {string} in the template {string}")
    public void theStateMachineInTheTemplate(String logicalId, String template) {
        world.definition(template);
        world.configure("the state machine in the template").logicalId(logicalId);
    }

    /** A CDK app's state machine by its construct path: {@code the state machine "OrdersStack/OrderFlow" from "cdk.out"}. */
    @Given("the state machine {string} from {string}")
    public void theStateMachineFromTheCdkApp(String constructPath, String cdkOut) {
        world.definition(cdkOut);
        world.configure("the state machine from a CDK app").logicalId(constructPath);
    }

    /** The mock of every Task calling this resource: an ARN, a glob, or a CDK construct path. */
    @Given("the resource {string} returns:")
    public void theResourceReturns(String resource, String json) {
        world.sfn().mockResource(resource).returns(json(json, "the resource \"" + resource + "\" returns:"));
    }

    @Given("the resource {string} fails with {string} and cause {string}")
    public void theResourceFailsWithCause(String resource, String error, String cause) {
        world.sfn().mockResource(resource).fails(error, cause);
    }

    @Given("the substitutions:")
    public void theSubstitutions(DataTable table) {
        world.configure("the substitutions").substitutions(table.asMap(String.class, String.class));
    }

    /** {@code ${Name}} placeholders without a value stay in the definition as opaque text. */
    @Given("placeholders without a value stay opaque")
    public void placeholdersStayOpaque() {
        world.configure("placeholders without a value stay opaque").allowPlaceholders(true);
    }

    @Given("the workflow type is {word}")
    public void theWorkflowTypeIs(String type) {
        world.type(type);
    }

    @Given("the clock starts at {string}")
    public void theClockStartsAt(String instant) {
        world.startTime(instant);
    }

    @Given("the random seed is {long}")
    public void theRandomSeedIs(long seed) {
        world.configure("the random seed").seed(seed);
    }

    @Given("the Step Functions Local mock file {string} with test case {string}")
    public void theMockFileWithTestCase(String file, String testCase) {
        world.configure("the Step Functions Local mock file").mockConfig(file, testCase);
    }

    // ------------------------------------------------------------------ mocks

    @Given("the task {string} returns:")
    public void theTaskReturns(String state, String json) {
        world.mock(state).returns(json(json, "the task \"" + state + "\" returns:"));
    }

    @Given("the task {string} returns the file {string}")
    public void theTaskReturnsTheFile(String state, String file) {
        world.mock(state).returns(Path.of(file));
    }

    @Given("the task {string} returns after {aslDuration}:")
    public void theTaskReturnsAfter(String state, Duration latency, String json) {
        world.mock(state).returns(json(json, "the task \"" + state + "\" returns after ...:")).after(latency);
    }

    @Given("the task {string} fails with {string}")
    public void theTaskFailsWith(String state, String error) {
        world.mock(state).fails(error, null);
    }

    @Given("the task {string} fails with {string} and cause {string}")
    public void theTaskFailsWithCause(String state, String error, String cause) {
        world.mock(state).fails(error, cause);
    }

    @Given("the task {string} fails {int} time(s) with {string} and then returns:")
    public void theTaskFailsTimesThenReturns(String state, int times, String error, String json) {
        world.mock(state).fails(error, null).times(times)
                .thenReturns(json(json, "the task \"" + state + "\" fails ... and then returns:"));
    }

    @Given("the task {string} never answers")
    public void theTaskNeverAnswers(String state) {
        world.mock(state).neverAnswers();
    }

    @Given("the task {string} waits for a callback")
    public void theTaskWaitsForACallback(String state) {
        world.mock(state).waitsForCallback();
    }

    @Given("the task {string} sends success after {aslDuration}:")
    public void theTaskSendsSuccessAfter(String state, Duration after, String json) {
        world.mock(state).sendsTaskSuccessAfter(after, json(json, "the task \"" + state + "\" sends success after ...:")
                .toString());
    }

    @Given("the task {string} sends failure {string} after {aslDuration}")
    public void theTaskSendsFailureAfter(String state, String error, Duration after) {
        world.mock(state).sendsTaskFailureAfter(after, error, null);
    }

    @Given("the task {string} responds with HTTP {int}:")
    public void theTaskRespondsWithHttp(String state, int status, String body) {
        world.mock(state).returns(TaskResults.httpResponse(status,
                json(body, "the task \"" + state + "\" responds with HTTP " + status + ":").toString()));
    }

    /**
     * A table with the header {@code | input at | is | returns |}: each row answers the calls whose
     * input has that value at that JSONPath; a row whose first cell is {@code otherwise} answers the rest.
     */
    @Given("the task {string} answers depending on its input:")
    public void theTaskAnswersDependingOnItsInput(String state, DataTable table) {
        var mock = world.mock(state);
        List<List<String>> rows = table.asLists();
        if (rows.isEmpty() || rows.get(0).size() != 3 || !"input at".equals(rows.get(0).get(0))) {
            throw new IllegalArgumentException("The table of \"the task \\\"" + state + "\\\" answers depending on its"
                    + " input\" in " + world.where() + " needs the header | input at | is | returns |.");
        }
        for (List<String> row : rows.subList(1, rows.size())) {
            JsonNode answer = ScenarioJson.cell(row.get(2));
            if ("otherwise".equals(row.get(0))) {
                mock.otherwise().returns(answer);
            } else {
                mock.when(row.get(0), ScenarioJson.cell(row.get(1))).returns(answer);
            }
        }
    }

    // ------------------------------------------------------------------ real services (docs/hybrid.md)

    /**
     * The Task state calls its real endpoint instead of a mock, at {@code aslunit.aws.endpoint} in
     * {@code aslunit.aws.region}; without this step nothing leaves the machine.
     */
    @Given("the task {string} calls the real service")
    public void theTaskCallsTheRealService(String state) {
        world.sfn().passThrough(state);
    }

    /** Every Task calling this resource (an ARN, a glob, or a CDK construct path) calls its real endpoint. */
    @Given("the resource {string} calls the real service")
    public void theResourceCallsTheRealService(String resource) {
        world.sfn().passThroughResource(resource);
    }

    // ------------------------------------------------------------------ S3

    /** An object for a Distributed Map's {@code ItemReader}, named {@code "bucket/key"}: the DocString as it is (CSV, JSON Lines, JSON). */
    @Given("the S3 object {string} contains:")
    public void theS3ObjectContains(String bucketAndKey, String content) {
        S3Name object = world.s3Object(bucketAndKey);
        world.sfn().s3().putObject(object.bucket(), object.key(), content);
    }

    @Given("the S3 object {string} contains the file {string}")
    public void theS3ObjectContainsTheFile(String bucketAndKey, String file) {
        S3Name object = world.s3Object(bucketAndKey);
        world.sfn().s3().putObject(object.bucket(), object.key(), Path.of(file));
    }

    // ------------------------------------------------------------------ executions, time and callbacks

    @When("the execution starts")
    public void theExecutionStarts() {
        world.start(Json.nodes().objectNode());
    }

    @When("the execution starts with:")
    public void theExecutionStartsWith(String json) {
        world.start(json(json, "the execution starts with:"));
    }

    @When("the execution starts with the file {string}")
    public void theExecutionStartsWithTheFile(String file) {
        world.start(Path.of(file));
    }

    @When("the execution starts with the fields:")
    public void theExecutionStartsWithTheFields(DataTable table) {
        world.start(ScenarioJson.object(table, "\"the execution starts with the fields:\" in " + world.where()));
    }

    @When("{aslDuration} pass(es)")
    public void timePasses(Duration duration) {
        world.sfn().clock().advanceBy(duration);
    }

    @When("the task {string} is sent success:")
    public void theTaskIsSentSuccess(String state, String json) {
        world.started().taskToken(state).sendSuccess(json(json, "the task \"" + state + "\" is sent success:"));
    }

    @When("the task {string} is sent failure {string}")
    public void theTaskIsSentFailure(String state, String error) {
        world.started().taskToken(state).sendFailure(error, null);
    }

    @When("the task {string} is sent failure {string} with cause {string}")
    public void theTaskIsSentFailureWithCause(String state, String error, String cause) {
        world.started().taskToken(state).sendFailure(error, cause);
    }

    @When("the task {string} is sent a heartbeat")
    public void theTaskIsSentAHeartbeat(String state) {
        world.started().taskToken(state).sendHeartbeat();
    }

    // ------------------------------------------------------------------ one state on its own (TestState)

    @When("the state {string} is tested on its own with:")
    public void theStateIsTestedOnItsOwnWith(String state, String json) {
        world.testState(state, json(json, "the state \"" + state + "\" is tested on its own with:"), null);
    }

    @When("the state {string} is tested on its own after {int} retries with:")
    public void theStateIsTestedOnItsOwnAfterRetriesWith(String state, int retries, String json) {
        world.testState(state, json(json, "the state \"" + state + "\" is tested on its own after ... retries with:"),
                retries);
    }

    @Then("the tested state succeeds")
    public void theTestedStateSucceeds() {
        assertThat(world.tested()).succeeded();
    }

    @Then("the tested state goes to {string}")
    public void theTestedStateGoesTo(String next) {
        assertThat(world.tested()).goesTo(next);
    }

    @Then("the tested state would retry {string}")
    public void theTestedStateWouldRetry(String error) {
        assertThat(world.tested()).isRetriable().hasError(error);
    }

    @Then("the tested state catches {string} and goes to {string}")
    public void theTestedStateCatches(String error, String next) {
        assertThat(world.tested()).caughtError().hasError(error).goesTo(next);
    }

    @Then("the tested state fails with {string}")
    public void theTestedStateFailsWith(String error) {
        assertThat(world.tested()).failed().hasError(error);
    }

    @Then("the tested state's output is:")
    public void theTestedStatesOutputIs(String json) {
        assertThat(world.tested()).hasOutput(json(json, "the tested state's output is:"));
    }

    // ------------------------------------------------------------------ outcome

    @Then("the execution succeeds")
    public void theExecutionSucceeds() {
        assertThat(world.finished()).succeeded();
    }

    @Then("the execution fails with {string}")
    public void theExecutionFailsWith(String error) {
        assertThat(world.finished()).failedWith(error);
    }

    @Then("the execution fails with {string} and cause {string}")
    public void theExecutionFailsWithCause(String error, String cause) {
        assertThat(world.finished()).failedWith(error).withCause(cause);
    }

    @Then("the execution times out")
    public void theExecutionTimesOut() {
        assertThat(world.finished()).timedOut();
    }

    @Then("the execution is waiting for a task token at {string}")
    public void theExecutionIsWaitingForATaskTokenAt(String state) {
        assertThat(world.started()).isWaitingForTaskTokenAt(state);
    }

    @Then("the execution took {aslDuration} of virtual time")
    public void theExecutionTook(Duration duration) {
        assertThat(world.finished()).tookVirtualTime(duration);
    }

    @Then("the output is:")
    public void theOutputIs(String json) {
        assertThat(world.finished()).hasOutput(json(json, "the output is:"));
    }

    @Then("the output contains:")
    public void theOutputContains(String json) {
        assertThat(world.finished()).hasOutputContaining(json(json, "the output contains:"));
    }

    @Then("the output at {string} is {aslValue}")
    public void theOutputAtIs(String jsonPath, JsonNode value) {
        assertThat(world.finished()).hasOutputAt(jsonPath, value);
    }

    // ------------------------------------------------------------------ S3 after the execution

    /** A {@code *} in the key stands for what the scenario cannot know, such as the Map Run id in a ResultWriter's keys. */
    @Then("the S3 object {string} exists")
    public void theS3ObjectExists(String bucketAndKey) {
        S3Name object = world.s3Object(bucketAndKey);
        assertThat(world.finishedS3()).hasObject(object.bucket(), object.key());
    }

    /** The whole object: JSON (keys in any order) when both are JSON, else text. */
    @Then("the S3 object {string} is:")
    public void theS3ObjectIs(String bucketAndKey, String content) {
        S3Name object = world.s3Object(bucketAndKey);
        assertThat(world.finishedS3()).hasObject(object.bucket(), object.key(), content);
    }

    /** JSON: these fields, others allowed, arrays in any order; text: this text somewhere in the object. */
    @Then("the S3 object {string} includes:")
    public void theS3ObjectIncludes(String bucketAndKey, String content) {
        S3Name object = world.s3Object(bucketAndKey);
        assertThat(world.finishedS3()).hasObjectContaining(object.bucket(), object.key(), content);
    }

    // ------------------------------------------------------------------ path

    @Then("the path is exactly:")
    public void thePathIsExactly(List<String> states) {
        assertThat(world.finished()).tookPath(states.toArray(String[]::new));
    }

    @Then("the path passes, in order, through:")
    public void thePathPassesThrough(List<String> states) {
        assertThat(world.finished()).passedThrough(states.toArray(String[]::new));
    }

    @Then("the state {string} was never entered")
    public void theStateWasNeverEntered(String state) {
        assertThat(world.finished()).neverEntered(state);
    }

    @Then("the state {string} was entered once")
    public void theStateWasEnteredOnce(String state) {
        assertThat(world.finished()).entered(state, 1);
    }

    @Then("the state {string} was entered {int} times")
    public void theStateWasEnteredTimes(String state, int times) {
        assertThat(world.finished()).entered(state, times);
    }

    @Then("the state {string} chose {string}")
    public void theStateChose(String choiceState, String next) {
        assertThat(world.finished()).state(choiceState).choseBranch(next);
    }

    // ------------------------------------------------------------------ retries, catches, timeouts, maps

    @Then("the state {string} was retried {int} time(s)")
    public void theStateWasRetried(String state, int times) {
        assertThat(world.finished()).state(state).wasRetried(times);
    }

    @Then("the state {string} was retried {int} time(s), after {aslDurations}")
    public void theStateWasRetriedAfter(String state, int times, List<Duration> delays) {
        assertThat(world.finished()).state(state).wasRetried(times).retriedAfter(delays.toArray(Duration[]::new));
    }

    @Then("the state {string} was not retried")
    public void theStateWasNotRetried(String state) {
        assertThat(world.finished()).state(state).wasNotRetried();
    }

    @Then("the state {string} timed out")
    public void theStateTimedOut(String state) {
        assertThat(world.finished()).state(state).timedOut();
    }

    @Then("the error {string} from {string} was caught by {string}")
    public void theErrorWasCaughtBy(String error, String state, String catcher) {
        assertThat(world.finished()).state(state).wasCaughtBy(catcher).withError(error);
    }

    @Then("the state {string} ran {int} iteration(s)")
    public void theStateRanIterations(String mapState, int count) {
        assertThat(world.finished()).state(mapState).hadIterations(count);
    }

    // ------------------------------------------------------------------ variables and calls

    @Then("the variable {string} is {aslValue}")
    public void theVariableIs(String name, JsonNode value) {
        Execution execution = world.finished();
        List<StateVisit> visits = execution.visits();
        String last = visits.isEmpty() ? null : visits.get(visits.size() - 1).stateName();
        if (last == null) {
            throw new AssertionError("Execution \"" + execution.name() + "\" entered no state, so it has no variables.");
        }
        assertThat(execution).state(last).hasVariable(name, value);
    }

    @Then("the variable {string} after {string} is {aslValue}")
    public void theVariableAfterIs(String name, String state, JsonNode value) {
        assertThat(world.finished()).state(state).hasVariable(name, value);
    }

    @Then("the task {string} was called {int} time(s)")
    public void theTaskWasCalled(String state, int times) {
        assertThat(world.declaredMock(state)).wasCalled(times);
    }

    /** A table of {@code | JSONPath | value |}; a value is JSON when it reads as JSON, else text. */
    @Then("the task {string} was called {int} time(s) with input where:")
    public void theTaskWasCalledWithInputWhere(String state, int times, DataTable table) {
        TaskMockAssert calls = assertThat(world.declaredMock(state)).wasCalled(times);
        for (List<String> row : table.asLists()) {
            calls.withInputAt(row.get(0), ScenarioJson.cell(row.get(1)));
        }
    }

    private JsonNode json(String docString, String step) {
        return ScenarioJson.parse(docString, "\"" + step + "\" in " + world.where());
    }
}
