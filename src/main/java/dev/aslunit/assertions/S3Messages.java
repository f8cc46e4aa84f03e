package dev.aslunit.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One factory per failure of {@link InMemoryS3Assert}. */
final class S3Messages {

    private S3Messages() {
    }

    private static String object(String bucket, String key) {
        return "S3 object s3://" + bucket + "/" + key;
    }

    static String shouldHaveJson(String bucket, String key, JsonNode expected, JsonNode actual,
                                 List<String> differences, boolean lenient) {
        return "Expecting " + object(bucket, key) + " to " + (lenient
                ? "contain (lenient: more fields and any array order allowed)" : "be") + ":\n  "
                + JsonSupport.compact(expected) + "\nbut it was:\n  " + JsonSupport.compact(actual)
                + "\ndifferences:\n  - " + String.join("\n  - ", differences);
    }

    static String shouldHaveText(String bucket, String key, String expected, String actual, boolean lenient) {
        return "Expecting " + object(bucket, key) + " to " + (lenient ? "contain the text" : "be the text") + ":\n"
                + indent(expected) + "\nbut it was:\n" + indent(actual);
    }

    private static String indent(String text) {
        return text.isEmpty() ? "  (empty)" : "  " + text.replace("\n", "\n  ");
    }
}
