package dev.aslunit.testfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.SourceLocation;
import java.util.List;

/** Answers for the calls whose input has {@code is} at {@code inputAt}; {@code inputAt == null} for the rest. */
record Script(String inputAt, JsonNode is, List<Answer> answers, SourceLocation at) {
}
