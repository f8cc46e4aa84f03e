package dev.aslunit.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.InMemoryS3;
import dev.aslunit.internal.json.Json;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a test's S3, e.g. on what a Distributed Map's {@code ResultWriter} wrote. Keys may
 * hold {@code *} for the parts a test cannot know (the Map Run id), as in {@link InMemoryS3#getObject}.
 * Content is compared as JSON when both the expected and the actual content are JSON, as text
 * otherwise (line ends and trailing blanks ignored).
 */
public class InMemoryS3Assert extends AbstractAssert<InMemoryS3Assert, InMemoryS3> {

    public InMemoryS3Assert(InMemoryS3 actual) {
        super(actual, InMemoryS3Assert.class);
    }

    /** The object exists. */
    public InMemoryS3Assert hasObject(String bucket, String key) {
        return check(() -> content(bucket, key));
    }

    /**
     * The object has exactly this content: JSON (object keys in any order) or text.
     *
     * @param expectedContent text (JSON or not), a {@link JsonNode}, or a value Jackson serialises
     */
    public InMemoryS3Assert hasObject(String bucket, String key, Object expectedContent) {
        return compare(bucket, key, expectedContent, false);
    }

    /** The object contains this: JSON with more fields and any array order allowed, or text anywhere in it. */
    public InMemoryS3Assert hasObjectContaining(String bucket, String key, Object expectedContent) {
        return compare(bucket, key, expectedContent, true);
    }

    private InMemoryS3Assert compare(String bucket, String key, Object expectedContent, boolean lenient) {
        return check(() -> {
            String content = content(bucket, key);
            JsonNode expected = expectedContent instanceof CharSequence ? json(expectedContent.toString())
                    : JsonSupport.document(expectedContent);
            JsonNode found = expected == null ? null : json(content);
            if (found != null) {
                List<String> differences = JsonSupport.differences(expected, found, lenient);
                if (!differences.isEmpty()) {
                    throw failureWithActualExpected(JsonSupport.pretty(found), JsonSupport.pretty(expected), "%s",
                            S3Messages.shouldHaveJson(bucket, key, expected, found, differences, lenient));
                }
                return;
            }
            String text = text(expected == null ? expectedContent.toString() : expected.toString());
            String actualText = text(content);
            if (lenient ? !actualText.contains(text) : !actualText.equals(text)) {
                throw failureWithActualExpected(actualText, text, "%s",
                        S3Messages.shouldHaveText(bucket, key, text, actualText, lenient));
            }
        });
    }

    private String content(String bucket, String key) {
        try {
            return actual.getObject(bucket, key);
        } catch (AssertionError noSuchObject) {
            throw failure("%s", noSuchObject.getMessage());
        }
    }

    /** JSON text as a document, or {@code null} for text that is not one JSON value (JSON Lines, CSV). */
    private static JsonNode json(String text) {
        try {
            JsonNode node = Json.parse(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String text(String s) {
        return s.replace("\r\n", "\n").stripTrailing();
    }

    private InMemoryS3Assert check(Runnable assertion) {
        isNotNull();
        assertion.run();
        return myself;
    }
}
