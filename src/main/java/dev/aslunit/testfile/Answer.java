package dev.aslunit.testfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.SourceLocation;
import java.nio.file.Path;
import java.time.Duration;

/** One answer of a mock, in the Java DSL's words: its kind, what it carries, and its modifiers. */
record Answer(Kind kind, JsonNode value, Path file, String error, String cause, int status, Integer times,
        Duration after, SourceLocation at) {

    enum Kind { RETURNS, RETURNS_FILE, FAILS, HTTP_RESPONSE, NEVER_ANSWERS, WAITS_FOR_CALLBACK, SENDS_SUCCESS, SENDS_FAILURE }
}
