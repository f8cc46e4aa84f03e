package dev.aslunit.internal.path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 18 intrinsic functions of ASL with AWS's argument rules. Each argument is checked against
 * its {@link Kind}: at compile time when it is a literal, at run time otherwise; a run-time
 * violation is AWS's {@code States.IntrinsicFailure}.
 */
enum IntrinsicFunction {
    FORMAT("States.Format", 1, -1, Kind.STRING, Kind.ANY),
    STRING_TO_JSON("States.StringToJson", 1, 1, Kind.STRING),
    JSON_TO_STRING("States.JsonToString", 1, 1, Kind.ANY),
    ARRAY("States.Array", 0, -1, Kind.ANY),
    ARRAY_PARTITION("States.ArrayPartition", 2, 2, Kind.ARRAY, Kind.POSITIVE_INTEGER),
    ARRAY_CONTAINS("States.ArrayContains", 2, 2, Kind.ARRAY, Kind.ANY),
    ARRAY_RANGE("States.ArrayRange", 3, 3, Kind.INTEGER, Kind.INTEGER, Kind.NON_ZERO_INTEGER),
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2, Kind.ARRAY, Kind.NON_NEGATIVE_INTEGER),
    ARRAY_LENGTH("States.ArrayLength", 1, 1, Kind.ARRAY),
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1, Kind.ARRAY),
    BASE64_ENCODE("States.Base64Encode", 1, 1, Kind.LIMITED_STRING),
    BASE64_DECODE("States.Base64Decode", 1, 1, Kind.LIMITED_STRING),
    HASH("States.Hash", 2, 2, Kind.LIMITED_STRING, Kind.HASH_ALGORITHM),
    JSON_MERGE("States.JsonMerge", 3, 3, Kind.OBJECT, Kind.OBJECT, Kind.FALSE),
    MATH_RANDOM("States.MathRandom", 2, 3, Kind.NUMBER, Kind.NUMBER, Kind.INTEGER),
    MATH_ADD("States.MathAdd", 2, 2, Kind.NUMBER, Kind.NUMBER),
    STRING_SPLIT("States.StringSplit", 2, 2, Kind.STRING, Kind.STRING),
    UUID("States.UUID", 0, 0);

    /** AWS's limit on the strings that Base64Encode, Base64Decode and Hash take. */
    static final int MAX_STRING_LENGTH = 10_000;
    /** AWS's limit on the array that ArrayRange makes. */
    static final int MAX_RANGE_ITEMS = 1000;

    /** What an argument must be. */
    enum Kind {
        ANY("any value"),
        STRING("a string"),
        LIMITED_STRING("a string of at most " + MAX_STRING_LENGTH + " characters"),
        NUMBER("a number"),
        INTEGER("an integer"),
        POSITIVE_INTEGER("a positive integer"),
        NON_NEGATIVE_INTEGER("a non-negative integer"),
        NON_ZERO_INTEGER("a non-zero integer"),
        ARRAY("an array"),
        OBJECT("an object"),
        FALSE("false (only shallow merging is supported)"),
        HASH_ALGORITHM("one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");

        private static final List<String> HASH_ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        boolean accepts(JsonNode value) {
            switch (this) {
                case ANY:
                    return true;
                case STRING:
                    return value.isTextual();
                case LIMITED_STRING:
                    return value.isTextual() && value.textValue().length() <= MAX_STRING_LENGTH;
                case NUMBER:
                    return value.isNumber();
                case INTEGER:
                    return isInteger(value);
                case POSITIVE_INTEGER:
                    return isInteger(value) && value.asLong() > 0;
                case NON_NEGATIVE_INTEGER:
                    return isInteger(value) && value.asLong() >= 0;
                case NON_ZERO_INTEGER:
                    return isInteger(value) && value.asLong() != 0;
                case ARRAY:
                    return value.isArray();
                case OBJECT:
                    return value.isObject();
                case FALSE:
                    return value.isBoolean() && !value.booleanValue();
                default:
                    return value.isTextual() && HASH_ALGORITHMS.contains(value.textValue());
            }
        }

        private static boolean isInteger(JsonNode value) {
            return value.isNumber() && (value.isIntegralNumber() || value.doubleValue() == Math.rint(value.doubleValue()))
                    && value.doubleValue() >= Integer.MIN_VALUE && value.doubleValue() <= Integer.MAX_VALUE;
        }
    }

    private final String aslName;
    private final int minArguments;
    private final int maxArguments;
    /** The kind of each argument; the last one repeats for the remaining arguments. */
    private final Kind[] kinds;

    IntrinsicFunction(String aslName, int minArguments, int maxArguments, Kind... kinds) {
        this.aslName = aslName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.kinds = kinds;
    }

    static IntrinsicFunction named(String name) {
        for (IntrinsicFunction function : values()) {
            if (function.aslName.equals(name)) {
                return function;
            }
        }
        return null;
    }

    static String names() {
        return Stream.of(values()).map(f -> f.aslName).collect(Collectors.joining(", "));
    }

    String aslName() {
        return aslName;
    }

    /** Compile-time checks: the number of arguments and every literal argument. */
    void check(Argument.Call call) {
        int count = call.arguments.length;
        if (count < minArguments || (maxArguments >= 0 && count > maxArguments)) {
            throw failure("takes " + arity() + ", not " + count);
        }
        for (int i = 0; i < count; i++) {
            if (call.arguments[i] instanceof Argument.Literal) {
                checkArgument(i, ((Argument.Literal) call.arguments[i]).value);
            }
        }
        if (this == FORMAT && call.arguments[0] instanceof Argument.Literal) {
            checkPlaceholders(((Argument.Literal) call.arguments[0]).formatPieces.size() - 1, count - 1);
        }
    }

    private String arity() {
        if (maxArguments == minArguments) {
            return minArguments == 1 ? "1 argument" : minArguments + " arguments";
        }
        return maxArguments < 0
                ? "at least " + minArguments + (minArguments == 1 ? " argument" : " arguments")
                : minArguments + " to " + maxArguments + " arguments";
    }

    private void checkArgument(int index, JsonNode value) {
        Kind kind = kinds[Math.min(index, kinds.length - 1)];
        if (!kind.accepts(value)) {
            throw failure("argument " + (index + 1) + " must be " + kind.description + ", but was "
                    + abbreviate(Nodes.text(value)));
        }
    }

    private void checkPlaceholders(int placeholders, int values) {
        if (placeholders != values) {
            throw failure("the format string has " + placeholders + " {} placeholder" + (placeholders == 1 ? "" : "s")
                    + " but " + values + " argument" + (values == 1 ? "" : "s") + " follow" + (values == 1 ? "s" : "")
                    + " it");
        }
    }

    JsonNode apply(Argument.Call call, JsonNode[] args, PathScope scope) {
        for (int i = 0; i < args.length; i++) {
            checkArgument(i, args[i]);
        }
        switch (this) {
            case FORMAT:
                return format(call, args);
            case STRING_TO_JSON:
                return stringToJson(args[0].textValue());
            case JSON_TO_STRING:
                return Nodes.FACTORY.textNode(Nodes.text(args[0]));
            case ARRAY:
                return Nodes.FACTORY.arrayNode(args.length).addAll(List.of(args));
            case ARRAY_PARTITION:
                return partition(args[0], args[1].asInt());
            case ARRAY_CONTAINS:
                return Nodes.FACTORY.booleanNode(contains(args[0], args[1]));
            case ARRAY_RANGE:
                return range(args[0].asLong(), args[1].asLong(), args[2].asLong());
            case ARRAY_GET_ITEM:
                return getItem(args[0], args[1].asInt());
            case ARRAY_LENGTH:
                return Nodes.FACTORY.numberNode(args[0].size());
            case ARRAY_UNIQUE:
                return unique(args[0]);
            case BASE64_ENCODE:
                return Nodes.FACTORY.textNode(
                        Base64.getEncoder().encodeToString(args[0].textValue().getBytes(StandardCharsets.UTF_8)));
            case BASE64_DECODE:
                return base64Decode(args[0].textValue());
            case HASH:
                return hash(args[0].textValue(), args[1].textValue());
            case JSON_MERGE:
                ObjectNode merged = Nodes.shallowCopy((ObjectNode) args[0]);
                merged.setAll((ObjectNode) args[1]);
                return merged;
            case MATH_RANDOM:
                return random(args, scope.random());
            case MATH_ADD:
                return Nodes.integer(roundToInt(args[0], 1) + (long) roundToInt(args[1], 2));
            case STRING_SPLIT:
                return split(args[0].textValue(), args[1].textValue());
            default:
                return uuid(scope.random());
        }
    }

    private JsonNode format(Argument.Call call, JsonNode[] args) {
        List<String> pieces = call.arguments[0] instanceof Argument.Literal
                ? ((Argument.Literal) call.arguments[0]).formatPieces
                : List.of(args[0].textValue().split("\\{}", -1));
        checkPlaceholders(pieces.size() - 1, args.length - 1);
        StringBuilder result = new StringBuilder(pieces.get(0));
        for (int i = 1; i < pieces.size(); i++) {
            appendFormatted(result, args[i]);
            result.append(pieces.get(i));
        }
        return Nodes.FACTORY.textNode(result.toString());
    }

    /** AWS renders objects and arrays as Java's maps and lists print: {a=1, b=[x, y]}. */
    private static void appendFormatted(StringBuilder out, JsonNode value) {
        if (value.isObject()) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                out.append(separator).append(field.getKey()).append('=');
                appendFormatted(out, field.getValue());
                separator = ", ";
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                appendFormatted(out, value.get(i));
            }
            out.append(']');
        } else {
            out.append(value.asText());
        }
    }

    private JsonNode stringToJson(String text) {
        if (text.isBlank()) {
            return Nodes.FACTORY.nullNode();
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw failure("argument 1 is not a JSON text: " + abbreviate(text));
        }
    }

    private static JsonNode partition(JsonNode array, int size) {
        ArrayNode chunks = Nodes.FACTORY.arrayNode();
        for (int start = 0; start < array.size(); start += size) {
            ArrayNode chunk = chunks.addArray();
            for (int i = start; i < Math.min(start + size, array.size()); i++) {
                chunk.add(array.get(i));
            }
        }
        return chunks;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode range(long start, long end, long step) {
        long count = (end - start) / step + 1;
        if (count < 1) {
            count = 0;
        }
        if (count > MAX_RANGE_ITEMS) {
            throw failure("the range would hold " + count + " items; at most " + MAX_RANGE_ITEMS + " are allowed");
        }
        ArrayNode result = Nodes.FACTORY.arrayNode((int) count);
        for (long i = 0, value = start; i < count; i++, value += step) {
            result.add(Nodes.integer(value));
        }
        return result;
    }

    private JsonNode getItem(JsonNode array, int index) {
        if (index >= array.size()) {
            throw failure("index " + index + " is out of bounds for an array of " + array.size() + " items");
        }
        return array.get(index);
    }

    private static JsonNode unique(JsonNode array) {
        Set<JsonNode> seen = new LinkedHashSet<>();
        array.forEach(seen::add);
        return Nodes.FACTORY.arrayNode(seen.size()).addAll(seen);
    }

    private JsonNode base64Decode(String text) {
        try {
            return Nodes.FACTORY.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure("argument 1 is not Base64: " + abbreviate(text));
        }
    }

    private static JsonNode hash(String data, String algorithm) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return Nodes.FACTORY.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }

    private JsonNode random(JsonNode[] args, RandomGenerator scopeRandom) {
        int start = roundToInt(args[0], 1);
        int end = roundToInt(args[1], 2);
        if (start >= end) {
            throw failure("the start " + start + " must be less than the end " + end);
        }
        RandomGenerator random = args.length == 3 ? new Random(args[2].asLong()) : scopeRandom;
        return Nodes.FACTORY.numberNode(random.nextInt(start, end));
    }

    /** MathAdd and MathRandom round non-integers to the nearest integer, halves upwards. */
    private int roundToInt(JsonNode value, int position) {
        long rounded = Math.round(value.doubleValue());
        if (rounded < Integer.MIN_VALUE || rounded > Integer.MAX_VALUE) {
            throw failure("argument " + position + " must be between " + Integer.MIN_VALUE + " and "
                    + Integer.MAX_VALUE + ", but was " + value);
        }
        return (int) rounded;
    }

    private static JsonNode split(String text, String delimiters) {
        ArrayNode parts = Nodes.FACTORY.arrayNode();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || delimiters.indexOf(text.charAt(i)) >= 0) {
                if (i > start) {
                    parts.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        return parts;
    }

    private static JsonNode uuid(RandomGenerator random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return Nodes.FACTORY.textNode(new java.util.UUID(most, least).toString());
    }

    private PathEvaluationException failure(String detail) {
        return new PathEvaluationException(PathEvaluationException.INTRINSIC_FAILURE, aslName + ": " + detail);
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
