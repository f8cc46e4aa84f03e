package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * 50 concurrent SDK clients start and poll 10,000 short executions: none may be lost or
 * duplicated, and every one ends with its own output. Takes tens of seconds, so it runs only on
 * request: {@code mvn -B -o test -Dtest=ServerLoadTest -Daslunit.load=true} (figures in docs/server.md).
 */
@Tag("load")
@EnabledIfSystemProperty(named = "aslunit.load", matches = "true")
class ServerLoadTest {

    static final int CLIENTS = 50;
    static final int PER_CLIENT = 200;

    @Test
    void fifty_clients_ten_thousand_executions() throws Exception {
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).start();
                SfnClient sfn = Sdk.client(server.endpoint())) {
            String sm = sfn.createStateMachine(b -> b.name("load").roleArn(MachineOperationsTest.ROLE).definition("""
                    {"StartAt":"Tag","States":{
                      "Tag":{"Type":"Pass","Parameters":{"n.$":"$.n","by":"aslunit"},"Next":"Nap"},
                      "Nap":{"Type":"Wait","Seconds":30,"Next":"Done"},
                      "Done":{"Type":"Pass","End":true}}}""")).stateMachineArn();
            List<Long> startNanos = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            long t0 = System.nanoTime();
            List<Future<List<String>>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    List<String> arns = new ArrayList<>();
                    for (int i = 0; i < PER_CLIENT; i++) {
                        int n = client * PER_CLIENT + i;
                        long s = System.nanoTime();
                        arns.add(sfn.startExecution(b -> b.stateMachineArn(sm).name("c" + client + "-" + n)
                                .input("{\"n\":" + n + "}")).executionArn());
                        startNanos.add(System.nanoTime() - s);
                    }
                    for (String arn : arns) {
                        DescribeExecutionResponse d = ExecutionOperationsTest.awaitEnd(sfn, arn);
                        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                        String n = d.input().replaceAll("\\D", "");
                        assertThat(d.output()).isEqualTo("{\"n\":" + n + ",\"by\":\"aslunit\"}");
                    }
                    return arns;
                }));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> f : clients) {
                all.addAll(f.get());
            }
            long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
            pool.shutdown();
            assertThat(all).hasSize(CLIENTS * PER_CLIENT);

            List<String> listed = sfn.listExecutionsPaginator(b -> b.stateMachineArn(sm).maxResults(1000))
                    .executions().stream().map(ExecutionListItem::executionArn).toList();
            assertThat(listed).hasSize(CLIENTS * PER_CLIENT).doesNotHaveDuplicates();
            assertThat(new HashSet<>(listed)).isEqualTo(all);

            List<Long> sorted = new ArrayList<>(startNanos);
            Collections.sort(sorted);
            System.out.printf("load: %d executions by %d clients in %d ms (%.0f executions/s); StartExecution p50 %.1f ms,"
                    + " p99 %.1f ms, max %.1f ms%n", all.size(), CLIENTS, elapsedMillis,
                    all.size() * 1000.0 / elapsedMillis, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(sorted.size() * 99 / 100) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
        }
    }
}
