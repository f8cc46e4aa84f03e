package dev.aslunit.internal.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Jackson nodes to jsonata-java values and back. jsonata-java works on {@code Map}, {@code List},
 * {@code String}, {@code Number}, {@code Boolean}, {@link Jsonata#NULL_VALUE} for JSON null and Java
 * {@code null} for undefined. Objects and arrays go in as read-only views over the nodes, converted
 * lazily as the expression reads them, so {@code $states.input} costs nothing however large the input
 * is; a view that comes back out unchanged is unwrapped to its node, so nothing is copied either way.
 *
 * <p>Numbers follow JSONata's single number type as AWS renders it: a JSON integer stays an integer,
 * and a result that is a whole number within the range of a {@code long} is written as an integer
 * ({@code $parse('1.0')} and {@code 2.0 * 3} give {@code 1} and {@code 6}); other doubles stay doubles.
 */
final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The largest power of two a double holds exactly as a long; beyond it integers stay doubles. */
    private static final double LONG_LIMIT = 9.223372036854775807E18;

    private JsonValues() {
    }

    /** A node as a jsonata-java value; {@code null} or a missing node is undefined. */
    static Object toJsonata(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        switch (node.getNodeType()) {
            case OBJECT:
                return new ObjectView((ObjectNode) node);
            case ARRAY:
                return new ArrayView((ArrayNode) node);
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                return number(node);
            case NULL:
                return Jsonata.NULL_VALUE;
            default:
                return node.asText();
        }
    }

    private static Object number(JsonNode node) {
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger()) {
            BigInteger big = node.bigIntegerValue();
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        return node.doubleValue();
    }

    /**
     * A jsonata-java value as a node; {@code null} for undefined.
     *
     * @throws UnsupportedResultException for a function or regex, which JSON cannot hold
     */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value == Jsonata.NULL_VALUE) {
            return NODES.nullNode();
        }
        if (value instanceof String) {
            return NODES.textNode((String) value);
        }
        if (value instanceof Boolean) {
            return NODES.booleanNode((Boolean) value);
        }
        if (value instanceof Number) {
            return number((Number) value);
        }
        if (value instanceof ObjectView) {
            return ((ObjectView) value).node;
        }
        if (value instanceof ArrayView && ((ArrayView) value).copy == null) {
            return ((ArrayView) value).node;
        }
        if (value instanceof Map) {
            ObjectNode object = NODES.objectNode();
            // jsonata never stores undefined in an object it builds; a Java null in a map is a JSON
            // null that jsonata-java's own JSON parser ($clone, the transform operator) produced.
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                JsonNode v = toJson(e.getValue());
                object.set(String.valueOf(e.getKey()), v == null ? NODES.nullNode() : v);
            }
            return object;
        }
        if (value instanceof List) {
            ArrayNode array = NODES.arrayNode(((List<?>) value).size());
            for (Object element : (List<?>) value) {
                JsonNode v = toJson(element);
                array.add(v == null ? NODES.nullNode() : v);
            }
            return array;
        }
        throw new UnsupportedResultException();
    }

    static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return NODES.numberNode(n.intValue());
        }
        if (n instanceof Long) {
            return integral(n.longValue());
        }
        if (n instanceof BigInteger) {
            BigInteger big = (BigInteger) n;
            return big.bitLength() < 64 ? integral(big.longValue()) : NODES.numberNode(big.doubleValue());
        }
        double d = n instanceof BigDecimal ? ((BigDecimal) n).doubleValue() : n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < LONG_LIMIT) {
            return integral((long) d);
        }
        return NODES.numberNode(d);
    }

    private static JsonNode integral(long l) {
        return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
    }

    /** A function, lambda or regex where JSON was expected. */
    static final class UnsupportedResultException extends RuntimeException {
        UnsupportedResultException() {
            super(null, null, false, false);
        }
    }

    /** A JSON object as jsonata-java's {@code Map}; read-only, as jsonata never writes to its input maps. */
    static final class ObjectView extends AbstractMap<String, Object> {
        final ObjectNode node;

        ObjectView(ObjectNode node) {
            this.node = node;
        }

        @Override
        public Object get(Object key) {
            return key instanceof String ? toJsonata(node.get((String) key)) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String && node.has((String) key);
        }

        @Override
        public int size() {
            return node.size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    Iterator<Entry<String, JsonNode>> fields = node.fields();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return fields.hasNext();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            Entry<String, JsonNode> e = fields.next();
                            return new SimpleImmutableEntry<>(e.getKey(), toJsonata(e.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return node.size();
                }
            };
        }
    }

    /**
     * A JSON array as jsonata-java's {@code List}. Copy on write: jsonata appends to an empty input
     * array in one place (grouping), and that must never reach the document.
     */
    static final class ArrayView extends AbstractList<Object> implements RandomAccess {
        final ArrayNode node;
        List<Object> copy;

        ArrayView(ArrayNode node) {
            this.node = node;
        }

        @Override
        public Object get(int index) {
            return copy != null ? copy.get(index) : toJsonata(node.get(index));
        }

        @Override
        public int size() {
            return copy != null ? copy.size() : node.size();
        }

        @Override
        public Object set(int index, Object element) {
            return own().set(index, element);
        }

        @Override
        public void add(int index, Object element) {
            own().add(index, element);
        }

        @Override
        public Object remove(int index) {
            return own().remove(index);
        }

        private List<Object> own() {
            if (copy == null) {
                copy = new ArrayList<>(this);
            }
            modCount++;
            return copy;
        }
    }
}
