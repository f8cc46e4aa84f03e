package dev.aslunit.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workflow variables of one scope, as "Passing data between states with variables"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html) defines them:
 * <ul>
 *   <li>the top-level states of an execution share one scope ({@link #root()});</li>
 *   <li>each Parallel branch and each inline Map iteration runs in a scope of its own
 *       ({@link #child()}) that reads the variables of the scopes around it; what it assigns stays in
 *       it and is gone when the branch or iteration ends (data leaves through the state's output).
 *       Assigning a name an outer scope already holds is refused statically by AWS (see
 *       {@link JsonataChecker}); at run time the inner value would only shadow the outer one;</li>
 *   <li>the child executions of a distributed Map cannot read outer variables: give each one a new
 *       {@link #root()};</li>
 *   <li>a state's {@code Assign} takes effect when the state is done: every expression of the state
 *       ({@code Arguments}, {@code Output}, each {@code Assign} value) reads the values from before the
 *       state, so the engine evaluates the whole {@code Assign} first (see {@link JsonataAssign}) and
 *       then stores it with {@link #assignAll(Map)}.</li>
 * </ul>
 * Size limits, from the same page, are checked by {@link #assignAll(Map)}: one variable at most
 * {@value #MAX_VARIABLE_BYTES} bytes, one {@code Assign} at most {@value #MAX_ASSIGN_BYTES} bytes
 * together, and all variables of an execution at most {@value #MAX_TOTAL_BYTES} bytes, each measured
 * as the UTF-8 size of the value's JSON text.
 *
 * <p>A scope is used by one thread at a time, as the engine's scheduler runs the execution.
 */
public final class VariableScope {

    /** AWS's bound on one variable's value. */
    public static final int MAX_VARIABLE_BYTES = 256 * 1024;

    /** AWS's bound on all values one {@code Assign} field stores. */
    public static final int MAX_ASSIGN_BYTES = 256 * 1024;

    /** AWS's bound on all variables an execution holds at a time. */
    public static final int MAX_TOTAL_BYTES = 10 * 1024 * 1024;

    /** The error a size limit raises. */
    public static final String LIMIT_ERROR = "States.DataLimitExceeded";

    private final VariableScope parent;
    private final long[] executionBytes;
    private final Map<String, Stored> values = new HashMap<>();

    private VariableScope(VariableScope parent, long[] executionBytes) {
        this.parent = parent;
        this.executionBytes = executionBytes;
    }

    /** The scope of an execution's top-level states (and of each distributed Map child execution). */
    public static VariableScope root() {
        return new VariableScope(null, new long[1]);
    }

    /** The scope of one Parallel branch or one inline Map iteration run from a state of this scope. */
    public VariableScope child() {
        return new VariableScope(this, executionBytes);
    }

    /** The enclosing scope, {@code null} for a root. */
    public VariableScope parent() {
        return parent;
    }

    /** The value of {@code name} here or in an enclosing scope, {@code null} when none has it. */
    public JsonNode read(String name) {
        for (VariableScope s = this; s != null; s = s.parent) {
            Stored stored = s.values.get(name);
            if (stored != null) {
                return stored.value;
            }
        }
        return null;
    }

    /**
     * Stores the values one {@code Assign} produced, all or none.
     *
     * @param assigned variable name to value, as {@link JsonataAssign#evaluate} (or the engine's
     *     JSONPath {@code Assign}) produced them
     * @return what the state-exited event reports
     * @throws VariableLimitException when a size limit would be exceeded; nothing is stored then
     */
    public Assigned assignAll(Map<String, JsonNode> assigned) {
        if (assigned.isEmpty()) {
            return Assigned.NONE;
        }
        Map<String, String> texts = new TreeMap<>();
        Map<String, Stored> incoming = new HashMap<>();
        long assignBytes = 0;
        long delta = 0;
        for (Map.Entry<String, JsonNode> e : assigned.entrySet()) {
            String text = e.getValue().toString();
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_VARIABLE_BYTES) {
                throw new VariableLimitException("The value assigned to the variable '" + e.getKey() + "' is " + bytes
                        + " bytes, more than the " + MAX_VARIABLE_BYTES + " bytes a variable can hold.");
            }
            assignBytes += bytes;
            Stored old = values.get(e.getKey());
            delta += bytes - (old == null ? 0 : old.bytes);
            texts.put(e.getKey(), text);
            incoming.put(e.getKey(), new Stored(e.getValue(), bytes));
        }
        if (assignBytes > MAX_ASSIGN_BYTES) {
            throw new VariableLimitException("The values of one Assign field total " + assignBytes
                    + " bytes, more than the " + MAX_ASSIGN_BYTES + " bytes allowed.");
        }
        if (executionBytes[0] + delta > MAX_TOTAL_BYTES) {
            throw new VariableLimitException("The variables of this execution would total "
                    + (executionBytes[0] + delta) + " bytes, more than the " + MAX_TOTAL_BYTES + " bytes allowed.");
        }
        values.putAll(incoming);
        executionBytes[0] += delta;
        return new Assigned(Collections.unmodifiableMap(texts));
    }

    /** The values this scope holds itself, without its enclosing scopes' (what {@link #close()} drops). */
    public Map<String, JsonNode> own() {
        Map<String, JsonNode> out = new HashMap<>();
        values.forEach((name, stored) -> out.put(name, stored.value));
        return out;
    }

    /** Ends a {@link #child()} scope: its variables no longer count towards the execution's total. */
    public void close() {
        for (Stored s : values.values()) {
            executionBytes[0] -= s.bytes;
        }
        values.clear();
    }

    private record Stored(JsonNode value, int bytes) {
    }

    /** A size limit that an {@code Assign} would exceed: the state fails with {@link #error()}. */
    public static final class VariableLimitException extends RuntimeException {
        VariableLimitException(String cause) {
            super(cause);
        }

        /** Always {@value VariableScope#LIMIT_ERROR}. */
        public String error() {
            return LIMIT_ERROR;
        }

        /** The cause, without the state prefix. */
        public String cause() {
            return getMessage();
        }
    }

    /**
     * The variables one state assigned, as its state-exited event reports them
     * ({@code StateExitedEventDetails} in the API reference): {@code assignedVariables} maps each name,
     * sorted, to the value's JSON text, and {@code assignedVariablesDetails} is
     * {@code {"truncated": false}}. A state that assigns nothing reports neither field.
     */
    public static final class Assigned {
        static final Assigned NONE = new Assigned(Map.of());

        private final Map<String, String> jsonTexts;

        private Assigned(Map<String, String> jsonTexts) {
            this.jsonTexts = jsonTexts;
        }

        /** Variable name to the value's JSON text, sorted by name. */
        public Map<String, String> jsonTexts() {
            return jsonTexts;
        }

        public boolean isEmpty() {
            return jsonTexts.isEmpty();
        }

        /** Adds {@code assignedVariables} and {@code assignedVariablesDetails} to a state-exited event's details. */
        public void addTo(ObjectNode stateExitedEventDetails) {
            if (jsonTexts.isEmpty()) {
                return;
            }
            ObjectNode variables = stateExitedEventDetails.putObject("assignedVariables");
            jsonTexts.forEach(variables::put);
            stateExitedEventDetails.putObject("assignedVariablesDetails").put("truncated", false);
        }
    }
}
