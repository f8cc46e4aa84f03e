package dev.aslunit.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes JSON trees straight to a streaming generator: the same text as {@link Json#write}, without
 * the object mapper's serializer lookup per value or its few hundred classes to load at start, and
 * without building the whole text in memory when it goes to a stream.
 */
public final class JsonWriting {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonWriting() {
    }

    /** The generator factory behind {@link #text}: plain Jackson streaming, default features. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** The UTF-8 size of {@code text} in bytes, without encoding it (AWS's payload sizes and S3 object sizes). */
    public static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Compact JSON text of {@code node}, identical to {@link Json#write}. */
    public static String text(JsonNode node) {
        TextWriter reused = TEXT.get();
        if (reused.busy) {
            return freshText(node);
        }
        reused.busy = true;
        try {
            return reused.text(node);
        } catch (IOException | RuntimeException e) {
            // the generator stopped inside a value (a payload nested too deep): it cannot be reused
            TEXT.remove();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        } finally {
            reused.busy = false;
        }
    }

    /**
     * One generator per thread for {@link #text}: every event of a history writes its payloads as
     * text, most of them a few fields, and making a generator for each cost more than writing them
     * (a tenth of a 10,000-item Distributed Map's time with child histories). Its values are written
     * one after another at the root, with no separator, each taken out of the buffer once flushed.
     */
    private static final ThreadLocal<TextWriter> TEXT = ThreadLocal.withInitial(TextWriter::new);

    private static final class TextWriter extends Writer {

        /** What a thread's writer keeps between two texts; a larger buffer is let go after use. */
        private static final int KEPT = 1 << 16;

        private StringBuilder buffer = new StringBuilder(256);
        private final JsonGenerator generator;
        boolean busy;

        TextWriter() {
            try {
                generator = FACTORY.createGenerator(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            generator.setRootValueSeparator(null);
        }

        String text(JsonNode node) throws IOException {
            JsonWriting.write(generator, node);
            generator.flush();
            String text = buffer.toString();
            if (buffer.capacity() > KEPT) {
                buffer = new StringBuilder(256);
            } else {
                buffer.setLength(0);
            }
            return text;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            buffer.append(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            buffer.append(text, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static String freshText(JsonNode node) {
        // the writer ObjectMapper.writeValueAsString uses: recycled buffers, no synchronized StringBuffer
        try (SegmentedStringWriter out = new SegmentedStringWriter(FACTORY._getBufferRecycler())) {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                write(g, node);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code node} (a {@code null} reference as JSON {@code null}) as Jackson's tree serializers do. */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node == null) {
            g.writeNull();
            return;
        }
        switch (node.getNodeType()) {
            case OBJECT:
                g.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    fieldName(g, f.getKey());
                    write(g, f.getValue());
                }
                g.writeEndObject();
                return;
            case ARRAY:
                g.writeStartArray();
                for (int i = 0, n = node.size(); i < n; i++) {
                    write(g, node.get(i));
                }
                g.writeEndArray();
                return;
            case STRING:
                g.writeString(node.textValue());
                return;
            case NUMBER:
                number(g, node);
                return;
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                return;
            case NULL:
            case MISSING:
                g.writeNull();
                return;
            default:
                // binary and POJO nodes never come out of JSON text; let Jackson say what they are
                g.writeRawValue(node.toString());
        }
    }

    /** Names kept by {@link #fieldName}; enough for any history's and payload's names, bounded against unbounded keys. */
    private static final int NAMES_KEPT = 4096;

    private static final Map<String, SerializableString> NAMES = new ConcurrentHashMap<>();

    /**
     * Writes the field name {@code name}. Jackson escapes a {@code String} name char by char on every
     * write, a third of a suite run's CPU with only C1; a kept name is copied as ready bytes. Only
     * names that need no escape are kept, so the text is the same as Jackson's.
     */
    public static void fieldName(JsonGenerator g, String name) throws IOException {
        SerializableString kept = NAMES.get(name);
        if (kept == null && NAMES.size() < NAMES_KEPT && plain(name)) {
            kept = NAMES.computeIfAbsent(name, SerializedString::new);
        }
        if (kept != null) {
            g.writeFieldName(kept);
        } else {
            g.writeFieldName(name);
        }
    }

    private static boolean plain(String name) {
        if (name.length() > 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static void number(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT:
                g.writeNumber(node.intValue());
                return;
            case LONG:
                g.writeNumber(node.longValue());
                return;
            case BIG_INTEGER:
                g.writeNumber(node.bigIntegerValue());
                return;
            case FLOAT:
                g.writeNumber(node.floatValue());
                return;
            case DOUBLE:
                g.writeNumber(node.doubleValue());
                return;
            default:
                g.writeNumber(node.decimalValue());
        }
    }
}
