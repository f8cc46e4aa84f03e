package dev.aslunit.internal.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.JsonText;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whatever a definition holds, compiling fails only with {@link PathSyntaxException} and
 * evaluating only with {@link PathEvaluationException}: never a raw exception from the parser,
 * Jayway or Jackson. The texts are random but seeded, so every run checks the same ones.
 */
class RobustnessTest {

    private static final String[] FRAGMENTS = {
        "$", "$$", "$v", ".", "..", "a", "b", "[", "]", "(", ")", "'", "\"", "\\", ",", " ", "*", "?", "@", "0", "1",
        "-1", "2.5", ":", "{", "}", "{}", "=", "==", "<", ">", "=~", "/", "length()", "true", "null", "States.",
        "States.Format(", "States.Array(", "States.MathAdd(", "States.StringSplit(", "States.ArrayGetItem(",
        "States.JsonMerge(", "States.StringToJson(", "States.Hash(", "States.ArrayRange(", "States.UUID(",
        "States.ArrayPartition(", "[?(@.a", "[*]", "[0:2]", "['a']", "\\'", "\\{",
    };

    private static final JsonNode[] DOCUMENTS = {
        JsonText.json("{\"a\": {\"b\": [1, \"x\", {\"a\": null}]}, \"v\": \"1,2\", \"n\": 3}"),
        JsonText.json("[1, [2, 3], \"{}\", {\"a\": true}]"),
        JsonText.json("\"text\""),
        JsonText.json("null"),
    };

    @Test
    void compilingAndEvaluatingRandomTextFailsOnlyWithThePackagesExceptions() {
        SplittableRandom random = new SplittableRandom(20261124);
        int compiled = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "$" : "States.");
            for (int k = random.nextInt(1, 8); k > 0; k--) {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            if (random.nextBoolean()) {
                text.append(')');
            }
            ValueExpression expression;
            try {
                expression = ValueExpression.compile(text.toString());
            } catch (PathSyntaxException expected) {
                continue;
            } catch (RuntimeException e) {
                fail("compiling " + text + " threw " + e, e);
                return;
            }
            compiled++;
            for (JsonNode document : DOCUMENTS) {
                TestScope scope = TestScope.input(document.toString()).variable("v", "[1, 2]");
                try {
                    expression.evaluate(scope, "x.$");
                } catch (PathEvaluationException expected) {
                    assertThat(expected.cause()).isNotBlank();
                } catch (RuntimeException e) {
                    fail("evaluating " + text + " on " + document + " threw " + e, e);
                }
            }
        }
        assertThat(compiled).as("texts that compiled, so evaluation was exercised").isGreaterThan(500);
    }
}
