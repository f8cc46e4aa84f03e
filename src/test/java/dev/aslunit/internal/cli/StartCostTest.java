package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps what makes the CLI's start cheap: no command reads or writes JSON through Jackson's object
 * mapper, whose few hundred classes cost a cold start about a tenth of a second
 * (docs/performance.md). One fresh JVM per command, with class loading logged.
 */
class StartCostTest {

    private static final String MAPPER = "com.fasterxml.jackson.databind.ObjectMapper ";

    @Test
    void a_batch_with_a_mocked_task_and_a_json_path_loads_no_object_mapper(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("requests.jsonl");
        Files.writeString(batch, """
                {"id":"r1","input":{"items":[{"id":1},{"id":2}]},"stateMachineName":"M","testCase":"T",\
                "definition":{"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items",\
                "ItemProcessor":{"StartAt":"Work","States":{"Work":{"Type":"Task",\
                "Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","Payload.$":"$"},\
                "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":2}],\
                "ResultSelector":{"ok.$":"$.Payload.ok"},"End":true}}},"End":true}}},\
                "mockConfig":{"StateMachines":{"M":{"TestCases":{"T":{"Work":"R"}}}},\
                "MockedResponses":{"R":{"0":{"Throw":{"Error":"Lambda.TooManyRequestsException","Cause":"slow"}},\
                "1-2":{"Return":{"Payload":{"ok":true}}}}}}}
                """, StandardCharsets.UTF_8);

        List<String> loaded = classesLoadedBy(dir, "run", "--batch", batch.toString());

        assertThat(Files.readString(dir.resolve("out.txt"))).contains("\"status\":\"SUCCEEDED\"");
        assertNoMapperIn(loaded);
    }

    @Test
    void validate_and_run_load_no_object_mapper(@TempDir Path dir) throws Exception {
        Path definition = dir.resolve("machine.asl.json");
        Files.writeString(definition, """
                {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('hi {}', $.name)"},
                "ResultPath":"$.out","End":true}}}
                """, StandardCharsets.UTF_8);

        assertNoMapperIn(classesLoadedBy(dir, "validate", definition.toString()));
        assertNoMapperIn(classesLoadedBy(dir, "run", definition.toString(), "--input", "{\"name\":\"Ana\"}"));
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("hi Ana");
    }

    /**
     * The usual culprit is a {@code JsonNode.toString()} (Jackson builds an internal mapper for it):
     * write the node with {@code JsonWriting.text} instead. {@code jdb} with {@code stop in
     * com.fasterxml.jackson.databind.ObjectMapper.<init>} shows who asked.
     */
    private static void assertNoMapperIn(List<String> loaded) {
        assertThat(loaded.stream().filter(line -> line.contains(MAPPER)).toList())
                .as("the object mapper loaded by a CLI command (see StartCostTest's comments)")
                .isEmpty();
    }

    /** The class-loading log of one CLI command in a fresh JVM; its standard output goes to out.txt. */
    private static List<String> classesLoadedBy(Path dir, String... args) throws Exception {
        Path log = dir.resolve("classes.log");
        Files.deleteIfExists(log);
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command ended").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        List<String> loaded = Files.readAllLines(log);
        // the log shows the command ran; without it a missing log would pass every assertion
        assertThat(loaded).anyMatch(line -> line.contains("dev.aslunit.internal.cli.Main "));
        return loaded;
    }
}
