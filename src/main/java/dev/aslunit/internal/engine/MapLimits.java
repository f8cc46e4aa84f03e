package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.path.PathEvaluationException;
import dev.aslunit.internal.path.ReferencePath;

/**
 * A JSONPath Map state's {@code MaxConcurrency}, {@code ToleratedFailureCount} and
 * {@code ToleratedFailurePercentage} (and the ItemReader's and ItemBatcher's limits), literal or read
 * through their {@code *Path}, checked with AWS's failure texts.
 */
final class MapLimits {

    private final JsonNode maxConcurrency;
    private final ReferencePath maxConcurrencyPath;
    private final JsonNode toleratedCount;
    private final ReferencePath toleratedCountPath;
    private final JsonNode toleratedPercentage;
    private final ReferencePath toleratedPercentagePath;

    MapLimits(Compiler.Context c, MapState m) {
        this.maxConcurrency = m.maxConcurrency();
        this.maxConcurrencyPath = c.path("MaxConcurrencyPath", m.maxConcurrencyPath());
        this.toleratedCount = m.toleratedFailureCount();
        this.toleratedCountPath = c.path("ToleratedFailureCountPath", m.toleratedFailureCountPath());
        this.toleratedPercentage = m.toleratedFailurePercentage();
        this.toleratedPercentagePath = c.path("ToleratedFailurePercentagePath", m.toleratedFailurePercentagePath());
    }

    int maxConcurrency(Scope scope) {
        JsonNode v = maxConcurrencyPath != null ? read(scope, maxConcurrencyPath) : maxConcurrency;
        if (v == null) {
            return 0;
        }
        Integer n = integer(v);
        if (n == null) {
            throw invalid(scope, "MaxConcurrencyPath", v, "integer", maxConcurrencyPath);
        }
        return n;
    }

    int toleratedFailureCount(Scope scope) {
        JsonNode v = toleratedCountPath != null ? read(scope, toleratedCountPath) : toleratedCount;
        if (v == null) {
            return -1;
        }
        Integer n = integer(v);
        if (n == null) {
            throw invalid(scope, "ToleratedFailureCountPath", v, "integer", toleratedCountPath);
        }
        if (n < 0) {
            throw new StateFailure(Errors.RUNTIME, scope.state.causePrefix() + "ToleratedFailureCount cannot be negative.");
        }
        return n;
    }

    double toleratedFailurePercentage(Scope scope) {
        JsonNode v = toleratedPercentagePath != null ? read(scope, toleratedPercentagePath) : toleratedPercentage;
        if (v == null) {
            return -1;
        }
        Double d = number(v);
        if (d == null) {
            throw invalid(scope, "ToleratedFailurePercentagePath", v, "float", toleratedPercentagePath);
        }
        if (d < 0 || d > 100) {
            throw new StateFailure(Errors.RUNTIME, scope.state.causePrefix()
                    + "ToleratedFailurePercentage must be between 0 and 100.");
        }
        return d;
    }

    /**
     * An ItemReader's {@code MaxItemsPath} (or its literal {@code MaxItems}): 0 when neither is set; a
     * value that is no integer fails the state as {@code MaxConcurrencyPath} does. A negative value is
     * returned as it is: AWS checks its sign only once the Map Run reads the items.
     */
    static int maxItems(Scope scope, ReferencePath path, JsonNode literal) {
        JsonNode v = path != null ? read(scope, path) : literal;
        if (v == null) {
            return 0;
        }
        if (v.isIntegralNumber() && !v.canConvertToInt()) {
            return v.bigIntegerValue().signum() < 0 ? -1 : ItemReader.MAX_ITEMS;
        }
        Integer n = integer(v);
        if (n == null) {
            if (path == null) {
                return v.asInt();
            }
            throw invalid(scope, "MaxItemsPath", v, "integer", path);
        }
        return n;
    }

    /**
     * An ItemBatcher's {@code MaxItemsPerBatchPath} (or its literal {@code MaxItemsPerBatch}): no
     * bound when neither is set. A value read through the path that is no integer fails the state as
     * {@code MaxConcurrencyPath} does, and so does one below 1, which batches nothing.
     */
    static int maxItemsPerBatch(Scope scope, ReferencePath path, JsonNode literal) {
        JsonNode v = path != null ? read(scope, path) : literal;
        if (v == null) {
            return Integer.MAX_VALUE;
        }
        Integer n = integer(v);
        if (path == null) {
            return Math.max(1, n == null ? v.asInt() : n);
        }
        if (n == null) {
            throw invalid(scope, "MaxItemsPerBatchPath", v, "integer", path);
        }
        if (n < 1) {
            throw invalid(scope, "MaxItemsPerBatchPath", v, "positive integer", path);
        }
        return n;
    }

    /** AWS's bound on {@code MaxInputBytesPerBatch}: "up to 256 KiB" (ItemBatcher (Map)). */
    static final int MAX_INPUT_BYTES_PER_BATCH = TaskStep.PAYLOAD_LIMIT_BYTES;

    /**
     * An ItemBatcher's {@code MaxInputBytesPerBatchPath} (or its literal {@code MaxInputBytesPerBatch}):
     * no byte bound when neither is set, nor for a literal 0 (the validator keeps a literal within 0 to
     * 256 KiB). A value read through the path must be an integer from 1 to 262144, or the state fails
     * as {@code MaxItemsPerBatchPath} does.
     */
    static int maxInputBytesPerBatch(Scope scope, ReferencePath path, JsonNode literal) {
        JsonNode v = path != null ? read(scope, path) : literal;
        if (v == null) {
            return Integer.MAX_VALUE;
        }
        if (path == null) {
            return literalBytes(v.asInt());
        }
        String field = "MaxInputBytesPerBatchPath";
        boolean huge = v.isIntegralNumber() && !v.canConvertToInt();
        Integer n = huge ? null : integer(v);
        if (n == null && !huge) {
            throw invalid(scope, field, v, "integer", path);
        }
        if (huge ? v.bigIntegerValue().signum() < 1 : n < 1) {
            throw invalid(scope, field, v, "positive integer", path);
        }
        if (huge || n > MAX_INPUT_BYTES_PER_BATCH) {
            throw invalid(scope, field, v, "batch size of at most " + MAX_INPUT_BYTES_PER_BATCH + " bytes", path);
        }
        return n;
    }

    /**
     * A JSONata {@code MaxInputBytesPerBatch}: a literal number as {@link #maxInputBytesPerBatch}'s
     * literal; an expression's number must be an integer from 1 to 262144.
     */
    static int maxInputBytesPerBatch(Scope scope, double d, boolean literal) {
        if (literal) {
            return literalBytes((int) d);
        }
        boolean integral = d == Math.rint(d);
        if (!integral || d < 1 || d > MAX_INPUT_BYTES_PER_BATCH) {
            String value = integral && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
            throw new StateFailure(Errors.RUNTIME, scope.state.causePrefix() + "The MaxInputBytesPerBatch field's value "
                    + value + " is not a valid integer from 1 to " + MAX_INPUT_BYTES_PER_BATCH + ".");
        }
        return (int) d;
    }

    private static int literalBytes(int n) {
        return n < 1 ? Integer.MAX_VALUE : Math.min(n, MAX_INPUT_BYTES_PER_BATCH);
    }

    /** AWS reads these limits from numbers and from strings holding numbers. */
    private static Integer integer(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            try {
                return Integer.valueOf(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Double number(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.valueOf(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static JsonNode read(Scope scope, ReferencePath path) {
        try {
            return path.read(scope);
        } catch (PathEvaluationException e) {
            throw PathFlow.failure(scope, e);
        }
    }

    private static StateFailure invalid(Scope scope, String field, JsonNode v, String kind, ReferencePath path) {
        return new StateFailure(Errors.RUNTIME, scope.state.causePrefix() + "The " + field + " field refers to value \""
                + (v.isTextual() ? v.asText() : EngineJson.text(v)) + "\" which is not a valid " + kind + ": " + path.text());
    }
}
