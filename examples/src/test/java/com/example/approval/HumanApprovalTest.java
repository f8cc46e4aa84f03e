package com.example.approval;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.TaskToken;
import dev.aslunit.VirtualClock;
import dev.aslunit.junit.StepFunctionTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A manager approves through a task token; a day of silence brings a reminder (an hour later), a
 * second day of silence expires the request. Days pass in microseconds on the virtual clock.
 */
@StepFunctionTest(definition = "examples/human-approval/human-approval.asl.json", startTime = "2026-03-02T09:00:00Z")
class HumanApprovalTest {

    static final String EXPENSE = """
        {"expenseId": "exp-12", "amount": 420}""";

    StateMachineUnderTest sfn;

    @BeforeEach
    void the_manager_reads_the_queue_and_payments_work() {
        sfn.mock("RequestApproval").waitsForCallback();
        sfn.mock("RemindManager").waitsForCallback();
        sfn.mock("PayExpense").returns("""
            {"transferId": "tr-9"}""");
    }

    @Test
    void the_manager_approves_the_same_morning() {
        Execution execution = sfn.start(EXPENSE);
        assertThat(execution).isWaitingForTaskTokenAt("RequestApproval");

        sfn.clock().advanceBy(Duration.ofHours(2));
        execution.taskToken("RequestApproval").sendSuccess("""
            {"approved": true, "by": "maria"}""");

        assertThat(execution).succeeded()
                .tookPath("RequestApproval", "IsApproved", "PayExpense")
                .hasOutputAt("$.decision.by", "maria")
                .hasOutputAt("$.payment.transferId", "tr-9")
                .tookVirtualTime(Duration.ofHours(2))
                .neverEntered("RemindManager");
        assertThat(execution).state("IsApproved").choseBranch("PayExpense");
    }

    @Test
    void a_day_of_silence_brings_a_reminder_an_hour_later(VirtualClock clock) {
        Execution execution = sfn.start(EXPENSE);

        clock.advanceBy(Duration.ofHours(24).plusMinutes(30));
        assertThat(execution).passedThrough("RequestApproval", "WaitUntilMorning").neverEntered("RemindManager");
        assertThat(execution).state("RequestApproval").timedOut().wasCaughtBy("WaitUntilMorning");

        clock.advanceBy(Duration.ofMinutes(30));
        assertThat(execution).isWaitingForTaskTokenAt("RemindManager");
    }

    @Test
    void the_reminder_gets_an_answer() {
        Execution execution = sfn.start(EXPENSE);

        sfn.clock().advanceBy(Duration.ofHours(26));
        assertThat(execution).isWaitingForTaskTokenAt("RemindManager");
        TaskToken reminder = execution.taskToken("RemindManager");
        reminder.sendSuccess("""
            {"approved": true, "by": "maria"}""");

        assertThat(execution).succeeded()
                .tookPath("RequestApproval", "WaitUntilMorning", "RemindManager", "IsApproved", "PayExpense")
                .tookVirtualTime(Duration.ofHours(26));
        assertThat(execution).state("RequestApproval").timedOut().wasCaughtBy("WaitUntilMorning")
                .withError("States.Timeout");
        assertThat(execution).state("WaitUntilMorning").tookVirtualTime(Duration.ofHours(1));
    }

    @Test
    void a_rejection_fails_the_execution() {
        Execution execution = sfn.start(EXPENSE);
        execution.taskToken("RequestApproval").sendSuccess("""
            {"approved": false, "by": "maria"}""");

        assertThat(execution).failedWith("ExpenseRejected").withCause("The manager rejected the expense");
        assertThat(execution).state("IsApproved").choseBranch("Rejected");
    }

    @Test
    void two_days_of_silence_expire_the_request() {
        Execution execution = sfn.start(EXPENSE);

        sfn.clock().advanceBy(Duration.ofDays(3));

        assertThat(execution).failedWith("ApprovalExpired")
                .tookPath("RequestApproval", "WaitUntilMorning", "RemindManager", "Expired")
                .tookVirtualTime(Duration.ofHours(49));
        assertThat(execution).state("RemindManager").wasCaughtBy("Expired").withError("States.Timeout");
    }

    @Test
    void a_manager_who_answers_by_script_needs_no_driving() {
        sfn.mock("RequestApproval").sendsTaskSuccessAfter(Duration.ofHours(5), """
            {"approved": true, "by": "auto"}""");

        Execution execution = sfn.run(EXPENSE);

        assertThat(execution).succeeded().tookVirtualTime(Duration.ofHours(5));
    }
}
