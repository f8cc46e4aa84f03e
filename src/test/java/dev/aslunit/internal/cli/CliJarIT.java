package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The CLI as users get it: the shaded {@code target/aslunit.jar}, run by {@code java -jar} after
 * {@code package} (Maven's failsafe plugin, {@code mvn verify}). The jar carries an include list of
 * dependencies (pom.xml); these commands use each of them (Jackson and YAML, Jayway JsonPath,
 * JSONata, picocli, the server), so a dependency missing from the list fails here, not in a
 * user's build.
 */
class CliJarIT {

    private static final Path JAR = Path.of(System.getProperty("aslunit.cliJar", "target/aslunit.jar"));
    private static final Path FILES = Path.of("src/test/resources/cli-jar");

    @Test
    void a_batch_runs_a_distributed_map_over_s3_with_mocks_a_json_path_filter_and_jsonata() throws Exception {
        Result r = run("run", "--batch", FILES.resolve("requests.jsonl").toString());

        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).startsWith("{\"status\":\"SUCCEEDED\",\"output\":{\"large\":2,\"of\":3}")
                .contains("\"type\":\"MapRunSucceeded\"");
    }

    @Test
    void a_batch_reads_json_path_existence_and_list_filters_which_jayway_evaluates_with_json_smart() throws Exception {
        Result r = run("run", "--batch", FILES.resolve("filters.jsonl").toString());

        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("\"status\":\"SUCCEEDED\",\"output\":{\"present\":[{\"sku\":\"a\"},{\"sku\":\"c\"},"
                + "{\"sku\":\"b\"}],\"picked\":[{\"sku\":\"a\"},{\"sku\":\"c\"}]}");
    }

    @Test
    void validate_and_run_read_yaml_with_substitutions_and_print_json() throws Exception {
        String yaml = FILES.resolve("greeting.asl.yaml").toString();

        Result valid = run("validate", yaml, "--substitution", "Team=payments");
        assertThat(valid.exit).as(valid.err).isZero();
        assertThat(valid.out).contains("greeting.asl.yaml: valid");

        Result ran = run("run", yaml, "--substitution", "Team=payments", "--input", "{\"name\":\"Ana\"}", "--format", "json");
        assertThat(ran.exit).as(ran.err).isZero();
        assertThat(ran.out).startsWith("{\"status\":\"SUCCEEDED\",\"output\":\"Hello, Ana from payments\"");
    }

    @Test
    void test_runs_the_example_test_files_with_the_assertions_inside_the_jar() throws Exception {
        Result passing = run("test", "--report-dir", "target/aslunit-cli-jar", "examples/order-processing",
                "examples/human-approval", "examples/jsonata-quote", "examples/shipping-quote");
        assertThat(passing.exit).as(passing.out + passing.err).isZero();
        assertThat(passing.out).contains(" passed, 0 failed, 0 errors (4 files)");

        Result failing = run("test", "--report-dir", "target/aslunit-cli-jar", "examples/failing");
        assertThat(failing.exit).isEqualTo(1);
        assertThat(failing.out).contains("to have been retried after:").contains("[1s, 2s]")
                .contains("did you mean \"ChargePayment\"?").doesNotContain("\tat ");
    }

    @Test
    void mutate_runs_test_files_with_the_jar_alone_and_says_what_classes_need() throws Exception {
        Result files = run("mutate", "--test-files", "examples/jsonata-quote", "--threads", "2", "--minimum", "0.9",
                "--report-dir", "target/aslunit-cli-jar");
        assertThat(files.exit).as(files.out + files.err).isZero();
        assertThat(files.out).startsWith("examples/jsonata-quote/quote.asl.json: mutation score 100.0%");

        Result classes = run("mutate", "com.example.quote.QuoteTest", "--report-dir", "target/aslunit-cli-jar");
        assertThat(classes.exit).isEqualTo(2);
        assertThat(classes.err).contains("needs the test classpath").contains("--test-files").doesNotContain("\tat ");
    }

    @Test
    void a_mistake_gets_a_message_and_exit_code_2_not_a_stack_trace() throws Exception {
        Result r = run("validate", "--format", "xml", FILES.resolve("greeting.asl.yaml").toString());

        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("Invalid value for option '--format'").doesNotContain("Exception");
    }

    @Test
    void serve_answers_the_step_functions_api() throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", JAR.toString(), "serve", "--port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String banner = lines.readLine();
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(String.valueOf(banner));
            assertThat(m.find()).as(banner).isTrue();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1)))
                    .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).isEqualTo("{\"stateMachines\":[]}");
        } finally {
            p.toHandle().destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void the_distribution_unpacked_runs_validate_through_its_launcher() throws Exception {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "bin/aslunit is the POSIX launcher");
        Path archive = Path.of(System.getProperty("aslunit.distribution", "target/aslunit-bin.zip"));
        assertThat(archive).as("the distribution archive (mvn package makes it)").exists();
        Path home = unzip(archive, Files.createTempDirectory("aslunit-dist"));
        assertThat(home.resolve("lib/aslunit.jar")).exists();
        assertThat(home.resolve("bin/aslunit.cmd")).exists();
        Path launcher = home.resolve("bin/aslunit");
        String example = Path.of("examples/jsonata-quote/quote.asl.json").toAbsolutePath().toString();

        // twice: the first run makes the class-data archive, the second uses it
        for (int i = 0; i < 2; i++) {
            Result r = runCommand(List.of("sh", launcher.toString(), "validate", example));
            assertThat(r.exit).as(r.err).isZero();
            assertThat(r.out).isEqualTo(example + ": valid" + System.lineSeparator());
            assertThat(r.err).isEmpty();
        }
        // a team without Java's first run: the example test files, through the launcher of the unpacked archive
        Result tests = runCommand(List.of("sh", launcher.toString(), "test", "--report-dir",
                home.resolve("reports").toString(), Path.of("examples/order-processing").toAbsolutePath().toString()));
        assertThat(tests.exit).as(tests.out + tests.err).isZero();
        Result version = runCommand(List.of("sh", launcher.toString(), "--version"));
        assertThat(version.out).matches("aslunit \\S+ \\(commit ([0-9a-f]{12}|unknown)\\)\\R");
    }

    static Path unzip(Path archive, Path into) throws IOException {
        Path home = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (home == null) {
                    home = into.resolve(Path.of(e.getName()).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        return home;
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) throws Exception {
        assertThat(JAR).as("the CLI jar (mvn package makes it)").exists();
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return runCommand(command);
    }

    static Result runCommand(List<String> command) throws Exception {
        return runCommand(command, Map.of());
    }

    static Result runCommand(List<String> command, Map<String, String> environment) throws Exception {
        Path out = Files.createTempFile("aslunit-out", ".txt");
        Path err = Files.createTempFile("aslunit-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            // the launcher runs the JDK that runs the tests
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().putAll(environment);
            Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command ended").isTrue();
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
