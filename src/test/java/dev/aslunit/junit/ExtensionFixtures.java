package dev.aslunit.junit;

import dev.aslunit.internal.pipeline.Models;
import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.VirtualClock;
import dev.aslunit.assertions.StepFunctionSoftAssertions;
import dev.aslunit.junit.elsewhere.SameRootResourceElsewhere;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.testkit.TestKitOnly;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Test classes that {@link StepFunctionExtensionTest} runs through the JUnit Platform Test Kit. */
final class ExtensionFixtures {

    static final String REMINDER = "reminder.asl.json";

    private ExtensionFixtures() {
    }

    @TestKitOnly
    @StepFunctionTest(definition = REMINDER, startTime = "2026-01-05T09:00:00Z")
    static class ParametersAndFields {

        StateMachineUnderTest field;
        VirtualClock clockField;
        StateMachineUnderTest fromBeforeEach;

        @BeforeEach
        void mocks(StateMachineUnderTest sfn) {
            fromBeforeEach = sfn;
            sfn.mock("SendReminder").returns("{\"sent\": true}");
        }

        @Test
        void the_same_sandbox_everywhere_in_one_test(StateMachineUnderTest sfn, VirtualClock clock) {
            assertThat(sfn).isSameAs(fromBeforeEach).isSameAs(field);
            assertThat(clock).isSameAs(sfn.clock()).isSameAs(clockField);
            assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));

            Execution execution = sfn.run("{}");

            assertThat(execution).succeeded().hasOutput("{\"sent\": true}").tookVirtualTime(Duration.ofHours(1));
        }

        @Test
        @StepFunctionTest(startTime = "2030-06-01T00:00:00Z")
        void a_method_overrides_the_class(VirtualClock clock) {
            assertThat(clock.now()).isEqualTo(Instant.parse("2030-06-01T00:00:00Z"));
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = REMINDER)
    static class NestedClasses {

        static final Set<StateMachineUnderTest> SEEN = ConcurrentHashMap.newKeySet();
        StateMachineUnderTest outerSandbox;

        @BeforeEach
        void outer(StateMachineUnderTest sfn) {
            outerSandbox = sfn;
            sfn.mock("SendReminder").returns("{\"sent\": \"outer\"}");
        }

        @Nested
        class Inner {
            @Test
            void sees_the_outer_before_each_on_the_same_sandbox(StateMachineUnderTest sfn) {
                assertThat(sfn).isSameAs(outerSandbox);
                assertThat(SEEN.add(sfn)).isTrue();
                assertThat(sfn.run("{}")).hasOutput("{\"sent\": \"outer\"}");
            }

            @Test
            void gets_a_new_sandbox_per_test(StateMachineUnderTest sfn) {
                assertThat(SEEN.add(sfn)).isTrue();
                assertThat(sfn.executions()).isEmpty();
            }
        }

        @Nested
        @StepFunctionTest(startTime = "2031-01-01T00:00:00Z")
        class InnerWithItsOwnClock {
            @Test
            void overrides_the_start_time(VirtualClock clock) {
                assertThat(clock.now()).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
            }
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = REMINDER)
    static class InParallel {

        static final Map<String, StateMachineDefinition> DEFINITIONS = new ConcurrentHashMap<>();

        @RepeatedTest(8)
        void each_test_has_its_own_mocks_and_clock(StateMachineUnderTest sfn, org.junit.jupiter.api.RepetitionInfo info) {
            DEFINITIONS.put("test " + info.getCurrentRepetition(), Models.definition(sfn));
            sfn.mock("SendReminder").returns("{\"n\": " + info.getCurrentRepetition() + "}");
            sfn.clock().advanceBy(Duration.ofMinutes(info.getCurrentRepetition()));

            Execution execution = sfn.run("{}");

            assertThat(execution).hasOutput("{\"n\": " + info.getCurrentRepetition() + "}");
            assertThat(execution.startTime()).isEqualTo(
                    dev.aslunit.StepFunctionsConfig.DEFAULT_START_TIME.plus(Duration.ofMinutes(info.getCurrentRepetition())));
            assertThat(sfn.mocks().get(0).callCount()).isEqualTo(1);
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = SameRootResourceElsewhere.DEFINITION, logicalId = "InlineFlow")
    static class SameRootResource {
        @Test
        void records_its_definition(StateMachineUnderTest sfn) {
            SameRootResourceElsewhere.DEFINITIONS.put(getClass().getName(), Models.definition(sfn));
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = "no-such-definition.asl.json")
    static class MissingDefinition {
        @Test
        void first(StateMachineUnderTest sfn) {
        }

        @Test
        void second(StateMachineUnderTest sfn) {
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = REMINDER, strictMocks = true)
    static class StrictMocks {
        @Test
        void an_unused_mock_fails_a_passing_test(StateMachineUnderTest sfn) {
            sfn.mock("SendReminder").returns("{}");
        }

        @Test
        void used_mocks_pass(StateMachineUnderTest sfn) {
            sfn.mock("SendReminder").returns("{}");
            sfn.run("{}");
        }

        @Test
        void a_failing_test_is_not_blamed_on_its_mocks(StateMachineUnderTest sfn) {
            sfn.mock("SendReminder").returns("{}");
            throw new AssertionError("the test's own failure");
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = REMINDER)
    static class LenientMocks {
        @Test
        void an_unused_mock_is_reported_not_failed(StateMachineUnderTest sfn) {
            sfn.mock("SendReminder").returns("{}");
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = REMINDER)
    static class SoftAssertions {
        @Test
        void failures_are_reported_together_at_the_end(StateMachineUnderTest sfn, StepFunctionSoftAssertions softly) {
            sfn.mock("SendReminder").returns("{}");
            Execution execution = sfn.run("{}");
            softly.assertThat(execution).failed();
            softly.assertThat(execution).state("WaitAnHour").tookVirtualTime(Duration.ofMinutes(1));
        }
    }

    @TestKitOnly
    static class Registered {
        @RegisterExtension
        static final StepFunctionExtension SFN = StepFunctionExtension.newInstance()
                .definition(REMINDER).startTime(Instant.parse("2027-03-01T12:00:00Z")).build();

        @Test
        void configured_in_code(StateMachineUnderTest sfn) {
            sfn.mock("SendReminder").returns("{}");
            assertThat(sfn.run("{}").stopTime()).isEqualTo(Instant.parse("2027-03-01T13:00:00Z"));
        }
    }

    @TestKitOnly
    static class NoDefinition {
        @org.junit.jupiter.api.extension.ExtendWith(StepFunctionExtension.class)
        @Test
        void asks_for_a_sandbox(StateMachineUnderTest sfn) {
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = "load/sam-template.yaml", logicalId = "OrderFlow",
            substitutions = {"Greeting=bonjour", "PayFunctionArn=arn:aws:lambda:eu-west-1:123456789012:function:pay"})
    static class SamTemplate {
        @Test
        void the_template_gives_the_type_and_substitutions_override_it(StateMachineUnderTest sfn) {
            TaskMock pay = sfn.mock("Pay").returns("{}");

            Execution execution = sfn.run("{}");

            assertThat(execution).succeeded();
            assertThat(execution.executionArn()).contains(":express:");
            assertThat(pay).withInputAt("$.greeting", "bonjour");
        }

        @Test
        @StepFunctionTest(logicalId = "InlineFlow", type = StepFunctionTest.Type.STANDARD)
        void a_method_picks_another_state_machine_and_type(StateMachineUnderTest sfn) {
            Execution execution = sfn.run("{}");

            assertThat(execution).succeeded().hasOutput("\"bonjour\"");
            assertThat(execution.executionArn()).contains(":execution:");
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = REMINDER, startTime = "yesterday")
    static class BadStartTime {
        @Test
        void never_runs(StateMachineUnderTest sfn) {
        }
    }

    /** Each test has its own S3, shared by its {@code @BeforeEach} and every execution it starts. */
    @TestKitOnly
    @StepFunctionTest(definition = "dev/aslunit/charges-from-s3.asl.json")
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
    static class S3PerTest {

        static final String BATCH = "{\"bucket\": \"invoices\", \"key\": \"b-7.jsonl\"}";

        @BeforeEach
        void charges(StateMachineUnderTest sfn) {
            sfn.mock("Charge").returns("{\"charged\": true}");
        }

        @Test
        @org.junit.jupiter.api.Order(1)
        void the_first_test_puts_an_object_and_its_executions_share_it(StateMachineUnderTest sfn) {
            sfn.s3().putObject("invoices", "b-7.jsonl", "{\"id\": \"inv-1\"}\n{\"id\": \"inv-2\"}\n");

            assertThat(sfn.run(BATCH)).succeeded();
            assertThat(sfn.run(BATCH)).succeeded();
            assertThat(sfn.s3().listKeys("accounting")).hasSize(4);
        }

        @Test
        @org.junit.jupiter.api.Order(2)
        void the_next_test_starts_with_an_empty_s3(StateMachineUnderTest sfn) {
            assertThat(sfn.s3().buckets()).isEmpty();
            assertThat(sfn.run(BATCH)).failedWith("States.ItemReaderFailed");
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = REMINDER)
    static class AwsSettings {
        @Test
        void the_runs_configuration_parameters_give_the_endpoint_and_region(StateMachineUnderTest sfn) {
            assertThat(sfn.config().awsEndpoint()).hasToString("http://localhost:4566");
            assertThat(sfn.config().awsRegion()).isEqualTo("eu-west-1");
            assertThat(sfn.config().passThroughLatency()).isFalse();
        }

        @Test
        @StepFunctionTest(awsEndpoint = "http://127.0.0.1:9999", awsRegion = "us-east-2", passThroughLatency = true)
        void the_annotation_overrides_them(StateMachineUnderTest sfn) {
            assertThat(sfn.config().awsEndpoint()).hasToString("http://127.0.0.1:9999");
            assertThat(sfn.config().awsRegion()).isEqualTo("us-east-2");
            assertThat(sfn.config().passThroughLatency()).isTrue();
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = REMINDER, awsEndpoint = "localhost:4566")
    static class EndpointWithoutScheme {
        @Test
        void never_runs(StateMachineUnderTest sfn) {
        }
    }
}
