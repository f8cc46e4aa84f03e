package dev.aslunit;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import dev.aslunit.mock.TaskMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The end-to-end example of docs/jsonata.md: a JSONata workflow with variables, tested offline. */
class JsonataWorkflowTest {

    static final PreparedStateMachine LOYALTY = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
            .definition("loyalty.asl.json").build(), JsonataWorkflowTest.class);
    static final String ORDER = """
            {"customerId": "c-7", "lines": [{"price": 12.5, "quantity": 2}, {"price": 5, "quantity": 3}]}""";

    StateMachineUnderTest sfn;

    @BeforeEach
    void setUp() {
        sfn = LOYALTY.newTest();
    }

    @Test
    void a_gold_customer_earns_double_points() {
        sfn.mock("LoadCustomer").returns("{\"tier\": \"gold\"}");
        TaskMock award = sfn.mock("Award").returns("{\"points\": 80}");

        Execution execution = sfn.run(ORDER);

        assertThat(execution).succeeded()
                .tookPath("LoadCustomer", "PickRate", "Award")
                .hasOutput("{\"customerId\": \"c-7\", \"tier\": \"gold\", \"points\": 80}");
        assertThat(execution).state("LoadCustomer").hasVariable("tier", "gold").hasVariable("orderTotal", 40);
        assertThat(execution).state("PickRate").hasVariable("rate", 2);
        assertThat(award).wasCalled(1).withInputAt("$.points", 80);
    }

    @Test
    void a_failed_award_fails_the_execution_with_a_cause_built_by_jsonata() {
        sfn.mock("LoadCustomer").returns("{\"tier\": \"silver\"}");
        sfn.mock("Award").fails("Lambda.ServiceException", "boom");

        Execution execution = sfn.run(ORDER);

        assertThat(execution).failedWith("AwardFailed").withCause("No points for c-7: Lambda.ServiceException");
        assertThat(execution).state("PickRate").hasVariable("rate", 1);
    }

    @Test
    void an_expression_that_finds_nothing_fails_the_state_with_aws_message() {
        sfn.mock("LoadCustomer").returns("{}");
        sfn.mock("Award").returns("{\"points\": 40}");

        Execution execution = sfn.run(ORDER);

        assertThat(execution).failedWith("States.QueryEvaluationError").withCause("An error occurred while executing"
                + " the state 'LoadCustomer' (entered at the event id #2). The JSONata expression"
                + " '$states.result.Payload.tier' specified for the field 'Assign/tier' returned nothing (undefined).");
    }
}
