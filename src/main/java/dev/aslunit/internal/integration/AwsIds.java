package dev.aslunit.internal.integration;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifiers AWS would generate (request ids, message ids), made deterministic: the same
 * execution, state and invocation always get the same id, so histories repeat exactly.
 */
public final class AwsIds {

    private AwsIds() {
    }

    /** A UUID-shaped id derived from its parts, e.g. {@code uuid(executionArn, "Pay", "3", "MessageId")}. */
    public static String uuid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Lower-case hex of the given length, derived from its parts. */
    public static String hex(int length, String... parts) {
        StringBuilder sb = new StringBuilder();
        int round = 0;
        while (sb.length() < length) {
            sb.append(uuid(round++ + "", String.join("\u0000", parts)).replace("-", ""));
        }
        return sb.substring(0, length);
    }
}
