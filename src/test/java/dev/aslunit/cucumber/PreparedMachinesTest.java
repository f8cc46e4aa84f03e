package dev.aslunit.cucumber;

import dev.aslunit.internal.pipeline.Models;
import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Scenarios share the prepared (compiled) state machine of the same definition, and nothing else:
 * each keeps its own mocks, clock and executions.
 */
class PreparedMachinesTest {

    private static final String ORDERS = "dev/aslunit/orders.asl.json";
    private static final String TEMPLATE = "load/sam-template.yaml";

    @TempDir
    Path dir;

    @Test
    void two_scenarios_of_the_same_definition_share_the_compiled_definition_and_nothing_else() {
        ScenarioContext first = scenario(ORDERS);
        ScenarioContext second = scenario(ORDERS);
        second.startTime("2026-05-01T08:00:00Z");

        first.mock("ValidateOrder").returns("{\"Payload\": {\"valid\": true}}");

        assertThat(Models.definition(second.sfn())).isSameAs(Models.definition(first.sfn()));
        assertThat(second.sfn()).isNotSameAs(first.sfn());
        assertThat(second.sfn().mocks()).isEmpty();
        assertThat(first.sfn().clock().now()).isEqualTo(StepFunctionsConfig.DEFAULT_START_TIME);
        assertThat(second.sfn().clock().now()).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
    }

    @Test
    void other_definitions_substitutions_and_mock_test_cases_are_prepared_apart() {
        ScenarioContext hello = scenario(TEMPLATE);
        hello.configure("the state machine in the template").logicalId("InlineFlow");
        ScenarioContext bonjour = scenario(TEMPLATE);
        bonjour.configure("the state machine in the template").logicalId("InlineFlow")
                .substitutions(Map.of("Greeting", "bonjour"));
        ScenarioContext happy = quote("HappyPath");
        ScenarioContext throttled = quote("Throttled");

        assertThat(Models.definition(bonjour.sfn())).isNotSameAs(Models.definition(hello.sfn()));
        assertThat(Models.definition(scenario(ORDERS).sfn())).isNotSameAs(Models.definition(hello.sfn()));
        assertThat(hello.sfn().run("{}")).hasOutput("\"hello\"");
        assertThat(bonjour.sfn().run("{}")).hasOutput("\"bonjour\"");
        assertThat(Models.definition(throttled.sfn())).isNotSameAs(Models.definition(happy.sfn()));
        assertThat(happy.sfn().run("{\"customer\": \"c-7\", \"parcels\": [{\"kg\": 4}]}")).hasOutputAt("$.price", 12.5);
        assertThat(throttled.sfn().run("{\"customer\": \"c-7\", \"parcels\": [{\"kg\": 4}]}")).hasOutputAt("$.price", 14);
    }

    @Test
    void a_definition_that_fails_to_prepare_fails_as_without_sharing_and_is_prepared_again_once_fixed() throws IOException {
        Path file = dir.resolve("broken.asl.json");
        Files.writeString(file, "{\"StartAt\": \"Missing\", \"States\": {\"Done\": {\"Type\": \"Succeed\"}}}");
        Throwable unshared = catchThrowable(() -> StateMachineUnderTest.of(
                StepFunctionsConfig.newBuilder().definition(file.toString()).build()));

        for (int scenario = 0; scenario < 2; scenario++) {
            assertThatThrownBy(scenario(file.toString())::sfn).isExactlyInstanceOf(unshared.getClass())
                    .hasMessage(unshared.getMessage());
        }
        Files.writeString(file, "{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Succeed\"}}}");
        assertThat(scenario(file.toString()).sfn().run("{\"fixed\": true}")).succeeded().hasOutput("{\"fixed\": true}");
    }

    @Test
    void a_missing_definition_fails_with_where_it_looked() {
        String missing = dir.resolve("missing.asl.json").toString();
        String unshared = catchThrowable(() -> StateMachineUnderTest.of(
                StepFunctionsConfig.newBuilder().definition(missing).build())).getMessage();

        assertThatThrownBy(scenario(missing)::sfn).isInstanceOf(IllegalArgumentException.class).hasMessage(unshared)
                .hasMessageContaining("Cannot find the state machine definition");
    }

    @Test
    void a_scenario_arriving_while_another_prepares_waits_for_its_machine() throws InterruptedException {
        PreparedMachines machines = new PreparedMachines(4);
        PreparedStateMachine orders = prepared(ORDERS);
        CountDownLatch preparing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger preparations = new AtomicInteger();
        AtomicReference<PreparedStateMachine> waited = new AtomicReference<>();

        Thread owner = new Thread(() -> machines.get("orders", () -> {
            preparing.countDown();
            awaitQuietly(release);
            preparations.incrementAndGet();
            return orders;
        }));
        owner.start();
        preparing.await();
        Thread waiter = new Thread(() -> waited.set(machines.get("orders", () -> {
            preparations.incrementAndGet();
            return prepared(ORDERS);
        })));
        waiter.start();
        awaitBlocked(waiter);
        release.countDown();
        owner.join();
        waiter.join();

        assertThat(waited.get()).isSameAs(orders);
        assertThat(preparations).hasValue(1);
    }

    @Test
    void a_scenario_that_waited_for_a_failed_preparation_fails_with_its_own_exception() throws InterruptedException {
        PreparedMachines machines = new PreparedMachines(4);
        CountDownLatch preparing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> ownerFailure = new AtomicReference<>();
        AtomicReference<Throwable> waiterFailure = new AtomicReference<>();

        Thread owner = new Thread(() -> ownerFailure.set(catchThrowable(() -> machines.get("broken", () -> {
            preparing.countDown();
            awaitQuietly(release);
            throw new IllegalStateException("broken.asl.json is invalid");
        }))));
        owner.start();
        preparing.await();
        Thread waiter = new Thread(() -> waiterFailure.set(catchThrowable(() -> machines.get("broken", () -> {
            throw new IllegalStateException("broken.asl.json is invalid");
        }))));
        waiter.start();
        awaitBlocked(waiter);
        release.countDown();
        owner.join();
        waiter.join();

        assertThat(ownerFailure.get()).hasMessage("broken.asl.json is invalid");
        assertThat(waiterFailure.get()).isNotSameAs(ownerFailure.get()).isInstanceOf(IllegalStateException.class)
                .hasMessage("broken.asl.json is invalid");
        PreparedStateMachine fixed = prepared(ORDERS);
        assertThat(machines.get("broken", () -> fixed)).isSameAs(fixed);
    }

    @Test
    void beyond_its_capacity_the_least_recently_used_machine_is_forgotten() {
        PreparedMachines machines = new PreparedMachines(2);
        AtomicInteger preparations = new AtomicInteger();
        PreparedStateMachine orders = prepared(ORDERS);
        Supplier<PreparedStateMachine> counting = () -> {
            preparations.incrementAndGet();
            return orders;
        };

        machines.get("a", counting);
        machines.get("b", counting);
        machines.get("a", counting);
        machines.get("c", counting);
        assertThat(preparations).hasValue(3);

        machines.get("a", counting);
        assertThat(preparations).as("a was used after b, so b was forgotten").hasValue(3);
        machines.get("b", counting);
        assertThat(preparations).hasValue(4);
    }

    @Test
    void the_features_pass_with_scenarios_on_several_threads() {
        Events tests = EngineTestKit.engine("cucumber")
                .selectors(selectDirectory("cucumber-features"))
                .configurationParameter("cucumber.glue", "dev.aslunit.cucumber")
                .configurationParameter("cucumber.execution.parallel.enabled", "true")
                .configurationParameter("cucumber.execution.parallel.config.strategy", "fixed")
                .configurationParameter("cucumber.execution.parallel.config.fixed.parallelism", "4")
                .configurationParameter("cucumber.execution.parallel.config.fixed.max-pool-size", "4")
                .execute()
                .testEvents();

        assertThat(tests.started().count()).isGreaterThan(10);
        assertThat(tests.succeeded().count()).isEqualTo(tests.started().count());
    }

    private static ScenarioContext scenario(String definition) {
        ScenarioContext scenario = new ScenarioContext();
        scenario.definition(definition);
        return scenario;
    }

    private static ScenarioContext quote(String testCase) {
        ScenarioContext scenario = scenario("examples/shipping-quote/template.yaml");
        scenario.configure("the state machine in the template").logicalId("ShippingQuoteStateMachine")
                .substitutions(Map.of("MaxWeightKg", "30"))
                .mockConfig("examples/shipping-quote/MockConfigFile.json", testCase);
        return scenario;
    }

    private static PreparedStateMachine prepared(String definition) {
        return PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder().definition(definition).build(), null);
    }

    /** Until the thread waits (for the machine another thread prepares) or has ended. */
    private static void awaitBlocked(Thread thread) {
        while (thread.isAlive() && thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
