package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void refuses_a_bad_time_mode_with_the_accepted_forms() {
        String[] r = run("serve", "--port", "0", "--time", "fast");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("Invalid time mode 'fast': use virtual, real or scale=N");
    }

    @Test
    void refuses_a_pass_through_it_cannot_make_saying_why() {
        String[] r = run("serve", "--port", "0", "--pass-through", "arn:aws:states:::aws-sdk:athena:getQueryExecution");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("Passing arn:aws:states:::aws-sdk:athena:getQueryExecution through to AWS needs the"
                + " AWS SDK for Java v2 client of 'athena'");
    }

    @Test
    void refuses_a_missing_mock_config_naming_the_file(@TempDir Path dir) {
        String[] r = run("serve", "--port", "0", "--mock-config", dir.resolve("nope.json").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("nope.json").contains("does not exist");
    }

    @Test
    void refuses_a_bad_mock_config_with_its_problems(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("MockConfigFile.json");
        Files.writeString(bad, "{\"StateMachines\":[]}", StandardCharsets.UTF_8);
        String[] r = run("serve", "--port", "0", "--mock-config", bad.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("MockConfigFile.json");
    }

    @Test
    void serves_until_stopped_and_takes_the_mock_config_from_step_functions_locals_variable(@TempDir Path dir)
            throws Exception {
        Path mocks = dir.resolve("MockConfigFile.json");
        Files.writeString(mocks, "{\"StateMachines\":{},\"MockedResponses\":{}}", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0")
                .redirectErrorStream(true);
        builder.environment().put(ServeCommand.MOCK_CONFIG_VARIABLE, mocks.toString());
        Process p = builder.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            String banner = lines.readLine();
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) \\(time: virtual, mock config: (.*)\\)\\.")
                    .matcher(banner);
            assertThat(m.find()).as(banner).isTrue();
            assertThat(m.group(2)).isEqualTo(mocks.toString());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1)))
                    .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("{\"stateMachines\":[]}");
        } finally {
            p.toHandle().destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        StringBuilder rest = new StringBuilder();
        lines.lines().forEach(rest::append);
        assertThat(rest.toString()).doesNotContain("Exception");
    }
}
