package dev.aslunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.server.StepFunctionsServer;
import dev.aslunit.server.TimeMode;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

class StepFunctionsServerExtensionTest {

    static SfnClient client(URI endpoint) {
        return SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** Its inner class reads what its own test wrote to the shared server, so they run in order, in one thread. */
    @Nested
    @ExtendWith(StepFunctionsServerExtension.class)
    @Execution(ExecutionMode.SAME_THREAD)
    class Extended {

        @Test
        void hands_tests_a_running_server_on_a_free_loopback_port(URI endpoint, StepFunctionsServer server) {
            assertThat(endpoint).isEqualTo(server.endpoint());
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isNotEqualTo(StepFunctionsServer.DEFAULT_PORT);
            try (SfnClient sfn = client(endpoint)) {
                sfn.createActivity(b -> b.name("a"));
                assertThat(sfn.listActivities(b -> { }).activities()).hasSize(1);
            }
        }

        @Nested
        class Inner {

            @Test
            void shares_the_outer_class_server(StepFunctionsServer server) {
                try (SfnClient sfn = client(server.endpoint())) {
                    assertThat(sfn.listActivities(b -> { }).activities()).extracting(a -> a.name()).contains("a");
                }
            }
        }
    }

    @Nested
    class Registered {

        @RegisterExtension
        static StepFunctionsServerExtension server = new StepFunctionsServerExtension(b -> b.timeMode(TimeMode.scaled(60)));

        @Test
        void applies_the_configuration(StepFunctionsServer running) {
            assertThat(running.timeMode()).isEqualTo(TimeMode.scaled(60));
            assertThat(server.endpoint()).isEqualTo(running.endpoint());
        }
    }
}
