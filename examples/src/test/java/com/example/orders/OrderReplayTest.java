package com.example.orders;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.junit.StepFunctionTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A recorded execution kept as a regression test: order o-17, whose payment was throttled twice,
 * replayed with every Task answered as its history says. (The history is in the exact format of
 * GetExecutionHistory as the AWS CLI prints it; it was produced by an ASLUnit run of this workflow,
 * not recorded on AWS.)
 */
@StepFunctionTest(definition = "examples/order-processing/order-processing.asl.json")
class OrderReplayTest {

    @Test
    void order_o_17_still_takes_its_recorded_path_to_its_recorded_shipment(StateMachineUnderTest sfn) {
        Execution replayed = sfn.replay(Path.of("examples/order-processing/histories/order-o-17.json"));

        assertThat(replayed).hasOutputAt("$.shipment.trackingId", "TRK-9");
        assertThat(replayed).state("ChargePayment").wasRetried(2);
    }
}
