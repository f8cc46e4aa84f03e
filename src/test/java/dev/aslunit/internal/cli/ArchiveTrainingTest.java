package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The launcher's class-data archive holds what the training requests load, so they must run what
 * they are there for: a request that failed early (a renamed field, a mock that no longer answers)
 * would quietly leave the classes of the states after it out of every user's archive.
 */
class ArchiveTrainingTest {

    @Test
    void every_training_request_runs_to_the_end_it_is_written_for() throws IOException {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        try (InputStream in = ArchiveTraining.class.getResourceAsStream("training.jsonl")) {
            assertThat(in).as("training.jsonl beside ArchiveTraining").isNotNull();
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                JsonNode answer = Batch.answerLine(lines.get(i), i + 1);
                answers.put(answer.get("id").asText(), answer);
            }
        }
        assertThat(answers).containsOnlyKeys("paths", "map", "distributed", "jsonata", "invalid");
        for (String id : List.of("paths", "map", "distributed", "jsonata")) {
            assertThat(answers.get(id).path("status").asText()).as(id + ": " + answers.get(id).path("cause"))
                    .isEqualTo("SUCCEEDED");
        }
        // the Map's mock file throttles two calls (retried) and fails one (caught)
        assertThat(answers.get("map").get("events").findValuesAsText("type"))
                .contains("LambdaFunctionFailed", "MapIterationSucceeded", "ParallelStateFailed");
        assertThat(answers.get("map").get("events").toString()).contains("Lambda.TooManyRequestsException", "Custom.Error");
        assertThat(answers.get("distributed").at("/output/ResultWriterDetails/Bucket").asText()).isEqualTo("bucket");
        assertThat(answers.get("jsonata").get("output").asText()).isEqualTo("A-2,B-1");
        assertThat(answers.get("invalid").at("/requestError/code").asText()).isEqualTo("InvalidDefinition");
    }
}
