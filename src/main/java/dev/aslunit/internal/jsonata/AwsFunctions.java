package dev.aslunit.internal.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.aslunit.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random} with its optional seed, {@code $uuid}, {@code $parse}), the standard ones that must
 * answer from the execution rather than the host ({@code $now}, {@code $millis} from the virtual
 * clock; {@code $shuffle} from the seeded random source) and {@code $eval}, which AWS removes.
 * See "JSONata functions provided by Step Functions" in "Transforming data with JSONata in Step
 * Functions" (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
 *
 * <p>The functions are bound once per compiled expression; the scope of the evaluation under way on
 * the current thread reaches them through {@link #CURRENT}, which {@link Expression} sets and clears
 * around each evaluation.
 */
final class AwsFunctions {

    /** The evaluation under way on this thread: its scope, and the slot the result is captured in. */
    static final ThreadLocal<Evaluation> CURRENT = new ThreadLocal<>();

    /** The name of the function that captures an expression's raw result (see {@link Expression}). */
    static final String CAPTURE = "__aslunitResult";

    /** AWS's bound on the array {@code $range} builds, checked before building it. */
    private static final int MAX_RANGE = 360_145;

    /** AWS's message when an expression builds a value past its memory bound. */
    static final String MEMORY_LIMIT = "Expression evaluation memory limit exceeded";

    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private static final ObjectReader STRICT_JSON = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private AwsFunctions() {
    }

    /** One evaluation: what the functions read, and what the capture function writes. */
    static final class Evaluation {
        final JsonataScope scope;
        Object result;

        Evaluation(JsonataScope scope) {
            this.scope = scope;
        }
    }

    /**
     * The functions, shared by every compiled expression: they keep no state of their own, as
     * jsonata-java's built-in functions do not.
     */
    private static final Map<String, JFunction> FUNCTIONS = Map.of(
            "partition", new JFunction((in, args) -> partition(args), "<an?:a>"),
            "range", new JFunction((in, args) -> range(args), "<nnn?:a>"),
            "hash", new JFunction((in, args) -> hash(args), "<ss?:s>"),
            "random", new JFunction((in, args) -> random(args), "<n?:n>"),
            "uuid", new JFunction((in, args) -> uuid(scope().random()), "<:s>"),
            "parse", new JFunction((in, args) -> parse(arg(args, 0)), "<s-:j>"),
            "now", new JFunction((in, args) -> Functions.dateTimeFromMillis(scope().now().toEpochMilli(),
                    optionalText(args, 0, "now"), optionalText(args, 1, "now")), "<s?s?:s>"),
            "millis", new JFunction((in, args) -> scope().now().toEpochMilli(), "<:n>"),
            "shuffle", new JFunction((in, args) -> shuffle((List<?>) args.get(0)), "<a:a>"),
            CAPTURE, new JFunction((in, args) -> {
                CURRENT.get().result = arg(args, 0);
                return null;
            }, null));

    /** Binds every function into {@code expression}'s own environment. */
    static void register(Jsonata expression) {
        FUNCTIONS.forEach(expression::registerFunction);
        // AWS leaves $eval out; calling it is then calling a non-function (T1006), as on AWS.
        expression.assign("eval", null);
    }

    private static JsonataScope scope() {
        return CURRENT.get().scope;
    }

    private static Object arg(List<?> args, int index) {
        return index < args.size() ? args.get(index) : null;
    }

    private static String optionalText(List<?> args, int index, String function) {
        return arg(args, index) == null ? null : (String) typed(args, index, String.class, function);
    }

    /** Truncates towards zero, as AWS does with every numeric argument of these functions. */
    private static long integer(List<?> args, int index, String function) {
        return (long) ((Number) typed(args, index, Number.class, function)).doubleValue();
    }

    /**
     * The argument, of the type the signature asked for: the signatures let JSON null through where
     * jsonata-js refuses it, so refuse it here the same way (T0410).
     */
    private static Object typed(List<?> args, int index, Class<?> type, String function) {
        Object value = args.get(index);
        if (!type.isInstance(value)) {
            throw new JException("T0410", -1, index + 1, function);
        }
        return value;
    }

    private static Object partition(List<?> args) {
        List<?> array = (List<?>) args.get(0);
        Object sizeArg = arg(args, 1);
        long size = sizeArg == null ? array.size() : integer(args, 1, "partition");
        if (size < 0) {
            throw new JException("D3137", -1, "Second argument must be zero or greater");
        }
        if (array.isEmpty() || size == 0) {
            return null;
        }
        List<Object> chunks = new ArrayList<>();
        for (int from = 0; from < array.size(); from += (int) Math.min(size, Integer.MAX_VALUE)) {
            int to = (int) Math.min(array.size(), from + size);
            chunks.add(new ArrayList<>(array.subList(from, to)));
        }
        return chunks;
    }

    private static Object range(List<?> args) {
        Object stepArg = arg(args, 2);
        if (stepArg == null) {
            return null;
        }
        long start = integer(args, 0, "range");
        long end = integer(args, 1, "range");
        long step = integer(args, 2, "range");
        if (step == 0 || (step > 0 && start > end) || (step < 0 && start < end)) {
            return null;
        }
        if (Math.floor(((double) end - start) / step) + 1 > MAX_RANGE) {
            throw new JException(MEMORY_LIMIT, -1);
        }
        List<Object> values = new ArrayList<>();
        long v = start;
        while (true) {
            values.add(v == (int) v ? (Object) (int) v : (Object) v);
            long next;
            try {
                next = Math.addExact(v, step);
            } catch (ArithmeticException overflow) {
                break;
            }
            if (step > 0 ? next > end : next < end) {
                break;
            }
            v = next;
        }
        return values.size() == 1 ? values.get(0) : values;
    }

    private static Object hash(List<?> args) {
        if (args.get(0) == null || arg(args, 1) == null) {
            return null;
        }
        String value = (String) typed(args, 0, String.class, "hash");
        String algorithm = (String) typed(args, 1, String.class, "hash");
        if (!HASH_ALGORITHMS.contains(algorithm)) {
            throw new JException("D3137", -1, "Unsupported hashing algorithm: " + algorithm
                    + ". Supported algorithms: MD5, SHA-1, SHA-256, SHA-384, SHA-512");
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static Object random(List<?> args) {
        if (arg(args, 0) == null) {
            return scope().random().nextDouble();
        }
        // AWS draws a seeded $random from java.util.Random: $random(42) is new Random(42).nextDouble().
        return new Random(integer(args, 0, "random")).nextDouble();
    }

    /** A version 4 UUID drawn from the execution's random source. */
    static String uuid(RandomGenerator random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private static Object parse(Object json) {
        if (json == null) {
            return null;
        }
        JsonNode node;
        try {
            node = STRICT_JSON.readTree((String) typed(List.of(json), 0, String.class, "parse"));
        } catch (JsonProcessingException e) {
            throw new JException("D3137", -1, "Invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode() || (node.isDouble() && !Double.isFinite(node.doubleValue()))) {
            throw new JException("D3137", -1, "Invalid JSON");
        }
        return JsonValues.toJsonata(node);
    }

    private static Object shuffle(List<?> array) {
        if (array == null || array.size() <= 1) {
            return array;
        }
        List<Object> shuffled = new ArrayList<>(array);
        RandomGenerator random = scope().random();
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Object t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        return shuffled;
    }
}
