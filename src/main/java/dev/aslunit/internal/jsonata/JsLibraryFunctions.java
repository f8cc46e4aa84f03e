package dev.aslunit.internal.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Standard JSONata functions whose jsonata-java 0.9.9 results or failures depart from jsonata-js,
 * the reference implementation whose results and error codes Step Functions gives (see
 * "Transforming data with JSONata in Step Functions" and the function library at docs.jsonata.org).
 * Each follows jsonata-js's definition:
 *
 * <ul>
 *   <li>{@code $number}: only a JSON number literal ({@code -1.5e3}, no sign {@code +}, no blanks, a
 *       digit on each side of the point) or a {@code 0x}/{@code 0o}/{@code 0b} literal is a number;
 *       anything else fails with {@code D3030: Unable to cast value to a number: <value>}.
 *       jsonata-java trims, accepts {@code +5} and {@code 1.}, and fails on {@code 0b101} and
 *       {@code 12abc} with a Java exception.</li>
 *   <li>{@code $substring} counts Unicode code points, as {@code $length} does; jsonata-java cuts
 *       UTF-16 units and fails past a character outside the Basic Multilingual Plane.</li>
 *   <li>{@code $assert(false, message)} fails with {@code D3141} and the message given
 *       ({@code $assert() statement failed} only without one); jsonata-java drops the message.</li>
 *   <li>{@code $toMillis(text)} without a picture fails with {@code D3110} when the text is not an
 *       ISO 8601 timestamp, instead of a Java parse exception, and reads a bare year or year-month
 *       ({@code 2024-06}) as its first day, as JavaScript's {@code Date.parse} does.</li>
 *   <li>{@code $sort(array)} without a comparator fails with {@code D3070} unless the array holds
 *       only numbers or only strings, instead of a Java cast exception.</li>
 *   <li>{@code $encodeUrl}, {@code $encodeUrlComponent}, {@code $decodeUrl} and
 *       {@code $decodeUrlComponent} are JavaScript's {@code encodeURI}, {@code encodeURIComponent},
 *       {@code decodeURI} and {@code decodeURIComponent}, a malformed text failing with {@code D3140};
 *       jsonata-java encodes and decodes HTML form style ({@code +} for a blank) and {@code $encodeUrl}
 *       escapes the URL's own delimiters.</li>
 * </ul>
 */
final class JsLibraryFunctions {

    /** jsonata-js's test for a decimal number literal in {@code $number}. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([Ee][-+]?[0-9]+)?");

    /** jsonata-js's hexadecimal, octal and binary literals in {@code $number}. */
    private static final Pattern RADIX = Pattern.compile("0([xX][0-9A-Fa-f]+|[oO][0-7]+|[bB][01]+)");

    /** jsonata-js's test of {@code $toMillis}'s argument when no picture is given. */
    private static final Pattern ISO_8601 = Pattern.compile(
            "\\d{4}(-[01]\\d)*(-[0-3]\\d)*(T[0-2]\\d:[0-5]\\d:[0-5]\\d)*(\\.\\d+)?([+-][0-2]\\d:?[0-5]\\d|Z)?");

    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})(?:-(\\d{2}))?");

    private static final String ASSERT_FAILED = "$assert() statement failed";

    /** What {@code encodeURIComponent} leaves as it is, besides ASCII letters and digits. */
    private static final String COMPONENT_KEPT = "-_.!~*'()";

    /** What {@code decodeURI} leaves escaped: the characters that delimit a URL's parts. */
    private static final String URI_RESERVED = ";/?:@&=+$,#";

    /** What {@code encodeURI} leaves as it is, besides ASCII letters and digits. */
    private static final String URI_KEPT = COMPONENT_KEPT + URI_RESERVED;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static final Map<String, JFunction> FUNCTIONS = Map.of(
            "number", new JFunction((in, args) -> number(args.get(0)), "<(nsb)-:n>"),
            "substring", new JFunction((in, args) -> substring(args), "<s-nn?:s>"),
            "assert", new JFunction((in, args) -> assertion(args), "<bs?:x>"),
            "toMillis", new JFunction((in, args) -> toMillis(args), "<s-s?:n>"),
            "sort", new JFunction((in, args) -> sort(args), "<af?:a>"),
            "encodeUrl", url("encodeUrl", text -> encode(text, "encodeUrl", URI_KEPT)),
            "encodeUrlComponent", url("encodeUrlComponent", text -> encode(text, "encodeUrlComponent", COMPONENT_KEPT)),
            "decodeUrl", url("decodeUrl", text -> decode(text, "decodeUrl", URI_RESERVED)),
            "decodeUrlComponent", url("decodeUrlComponent", text -> decode(text, "decodeUrlComponent", "")));

    private JsLibraryFunctions() {
    }

    /** Binds every function into {@code expression}'s own environment, over jsonata-java's. */
    static void register(Jsonata expression) {
        FUNCTIONS.forEach(expression::registerFunction);
    }

    private static Object arg(List<?> args, int index) {
        return index < args.size() ? args.get(index) : null;
    }

    /** JSON null passes jsonata-java's signature check where jsonata-js refuses it (T0410). */
    private static <T> T typed(Object value, Class<T> type, int position, String function) {
        if (!type.isInstance(value)) {
            throw new JException("T0410", -1, position, function);
        }
        return type.cast(value);
    }

    private static Object number(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        String text = typed(value, String.class, 1, "number");
        if (DECIMAL.matcher(text).matches()) {
            double d = Double.parseDouble(text);
            if (Double.isFinite(d)) {
                return d;
            }
        } else if (RADIX.matcher(text).matches()) {
            int radix = switch (Character.toLowerCase(text.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            // JavaScript's Number() reads the literal as a double, however long.
            return new BigInteger(text.substring(2), radix).doubleValue();
        }
        throw new JException("D3030", -1, text);
    }

    private static Object substring(List<?> args) {
        Object value = args.get(0);
        if (value == null) {
            return null;
        }
        int[] codePoints = typed(value, String.class, 1, "substring").codePoints().toArray();
        double start = typed(args.get(1), Number.class, 2, "substring").doubleValue();
        Object lengthArg = arg(args, 2);
        if (codePoints.length + start < 0) {
            start = 0;
        }
        double end = codePoints.length;
        if (lengthArg != null) {
            double length = typed(lengthArg, Number.class, 3, "substring").doubleValue();
            if (length <= 0) {
                return "";
            }
            end = start >= 0 ? start + length : codePoints.length + start + length;
        }
        int from = sliceIndex(start, codePoints.length);
        int to = sliceIndex(end, codePoints.length);
        return from >= to ? "" : new String(codePoints, from, to - from);
    }

    /** JavaScript's {@code Array.prototype.slice} bound: truncated, counted from the end if negative, clamped. */
    private static int sliceIndex(double index, int length) {
        double whole = index < 0 ? Math.ceil(index) : Math.floor(index);
        double fromStart = whole < 0 ? length + whole : whole;
        return (int) Math.max(0, Math.min(length, fromStart));
    }

    private static Object assertion(List<?> args) {
        boolean condition = typed(args.get(0), Boolean.class, 1, "assert");
        Object message = arg(args, 1);
        if (message != null) {
            typed(message, String.class, 2, "assert");
        }
        if (!condition) {
            // jsonata-js: message || "$assert() statement failed", so an empty message is no message.
            String text = message == null || ((String) message).isEmpty() ? ASSERT_FAILED : (String) message;
            throw new JException("D3141", -1, text);
        }
        return null;
    }

    private static Object toMillis(List<?> args) {
        Object value = args.get(0);
        if (value == null) {
            return null;
        }
        String timestamp = typed(value, String.class, 1, "toMillis");
        Object picture = arg(args, 1);
        if (picture == null && !ISO_8601.matcher(timestamp).matches()) {
            throw new JException("D3110", -1, timestamp);
        }
        Matcher yearMonth = YEAR_MONTH.matcher(timestamp);
        if (picture == null && yearMonth.matches()) {
            // JavaScript's Date.parse reads a bare year or year-month as its first day, UTC; jsonata-java cannot.
            int month = yearMonth.group(2) == null ? 1 : Integer.parseInt(yearMonth.group(2));
            return LocalDate.of(Integer.parseInt(yearMonth.group(1)), month, 1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        try {
            return Functions.dateTimeToMillis(timestamp,
                    picture == null ? null : typed(picture, String.class, 2, "toMillis"));
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Object sort(List<?> args) {
        Object value = args.get(0);
        if (value == null) {
            return null;
        }
        List<?> array = typed(value, List.class, 1, "sort");
        Object comparator = arg(args, 1);
        if (comparator == null && array.size() > 1 && !allOf(array, Number.class) && !allOf(array, String.class)) {
            throw new JException("D3070", -1);
        }
        return Functions.sort(array, comparator);
    }

    /** A function of one string, undefined for undefined. */
    private static JFunction url(String function, UnaryOperator<String> body) {
        return new JFunction((in, args) -> args.get(0) == null ? null
                : body.apply(typed(args.get(0), String.class, 1, function)), "<s-:s>");
    }

    /** JavaScript's {@code Encode}: each character not kept as the UTF-8 bytes of its code point, as {@code %XX}. */
    private static String encode(String text, String function, String kept) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || kept.indexOf(c) >= 0)) {
                out.append((char) c);
            } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                throw malformed(function, text);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        }
        return out.toString();
    }

    /**
     * JavaScript's {@code Decode}: each {@code %XX} sequence that forms the UTF-8 bytes of one code point
     * becomes that character, unless it is one of {@code reserved}, which stays escaped.
     */
    private static String decode(String text, String function, String reserved) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            int first = escapedByte(text, i, function);
            i += 3;
            if (first < 0x80) {
                if (reserved.indexOf(first) >= 0) {
                    out.append(text, start, i);
                } else {
                    out.append((char) first);
                }
                continue;
            }
            int more = (first & 0xE0) == 0xC0 ? 1 : (first & 0xF0) == 0xE0 ? 2 : (first & 0xF8) == 0xF0 ? 3 : -1;
            if (more < 0) {
                throw malformed(function, text);
            }
            byte[] bytes = new byte[more + 1];
            bytes[0] = (byte) first;
            for (int k = 1; k <= more; k++) {
                int next = text.startsWith("%", i) ? escapedByte(text, i, function) : -1;
                if ((next & 0xC0) != 0x80) {
                    throw malformed(function, text);
                }
                bytes[k] = (byte) next;
                i += 3;
            }
            String decoded = strictUtf8(bytes);
            if (decoded == null) {
                throw malformed(function, text);
            }
            out.append(decoded);
        }
        return out.toString();
    }

    private static int escapedByte(String text, int at, String function) {
        if (at + 2 >= text.length()) {
            throw malformed(function, text);
        }
        int high = Character.digit(text.charAt(at + 1), 16);
        int low = Character.digit(text.charAt(at + 2), 16);
        if (high < 0 || low < 0) {
            throw malformed(function, text);
        }
        return high << 4 | low;
    }

    private static JException malformed(String function, String text) {
        return new JException("D3140", -1, function, text);
    }

    /** The one code point of a UTF-8 sequence, or {@code null} for an overlong form or a surrogate. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean allOf(List<?> array, Class<?> type) {
        for (Object item : array) {
            if (!type.isInstance(item)) {
                return false;
            }
        }
        return true;
    }
}
