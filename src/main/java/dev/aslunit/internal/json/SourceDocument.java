package dev.aslunit.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.SourceLocator;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A JSON or YAML document parsed into a Jackson tree together with its source map: the file line
 * and column of every node, keyed by JSON pointer. {@code JsonNode} keeps no positions, so the tree
 * is built here from Jackson's streaming parser. A member of an object is located at its key (where
 * a person looks for {@code "Next"}), an array element at its first character.
 *
 * <p>Two things a plain {@code readTree} would lose are kept: repeated keys (Jackson silently keeps
 * the last; ASL forbids duplicate state names), and CloudFormation's YAML short-form tags
 * ({@code !Ref X}, {@code !Sub ...}), which become their JSON long form ({@code {"Ref": "X"}},
 * {@code {"Fn::Sub": ...}}). YAML's anchors, aliases and merge keys are expanded
 * ({@link YamlReferences}), and a byte order mark before JSON is ignored, as RFC 8259 allows.
 */
public final class SourceDocument {

    /** Deeper nesting than this is refused as absurd rather than risking the stack. */
    public static final int MAX_NESTING_DEPTH = 1000;

    public enum Format { JSON, YAML }

    /** A key that appeared more than once in one object; the first occurrence is the one kept. */
    public record DuplicateKey(String pointer, String key, SourceLocation location) {
    }

    private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private static final YAMLFactory YAML_FACTORY = yamlFactory();

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        // YAML 1.2's core schema for what matters in ASL: only true/false are booleans (YAML 1.1 also
        // reads Yes/No/On/Off/y/n as booleans, turning a state named Yes into true), and a key with
        // nothing after it is null (ResultPath: discards the result).
        return YAMLFactory.builder()
                .loaderOptions(options)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
    }

    private final String file;
    private final JsonNode root;
    /** {line, column, character offset} of where a pointer is located, {@code -1} for an unknown offset. */
    private final Map<String, int[]> positions;
    /** The character offset of each value's first token (for a member: its value, not its key). */
    private final Map<String, Integer> valueOffsets;
    private final List<DuplicateKey> duplicateKeys;

    private SourceDocument(String file, JsonNode root, Map<String, int[]> positions, Map<String, Integer> valueOffsets,
            List<DuplicateKey> duplicates) {
        this.file = file;
        this.root = root;
        this.positions = positions;
        this.valueOffsets = valueOffsets;
        this.duplicateKeys = List.copyOf(duplicates);
    }

    /**
     * @param file the name shown in locations, {@code null} for text that has no file
     * @return the document; its {@link #root()} is {@code null} when the text holds no value at all
     */
    public static SourceDocument parse(String text, Format format, String file) throws SourceSyntaxException {
        JsonParser parser = null;
        try {
            parser = format == Format.YAML ? YAML_FACTORY.createParser(text)
                    : JSON_FACTORY.createParser(text.startsWith("\uFEFF") ? " " + text.substring(1) : text);
            return new Builder(file, parser, format == Format.YAML).build();
        } catch (StreamConstraintsException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new SourceSyntaxException("The document is nested more than " + MAX_NESTING_DEPTH + " levels deep",
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), true, e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SourceSyntaxException(e.getOriginalMessage(), at == null ? 0 : Math.max(at.getLineNr(), 0),
                    at == null ? 0 : Math.max(at.getColumnNr(), 0), false, e);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some problems (bad anchors, depth) with its own unchecked exceptions.
            boolean deep = String.valueOf(e.getMessage()).contains("Nesting Depth");
            throw new SourceSyntaxException(deep ? "The document is nested more than " + MAX_NESTING_DEPTH
                    + " levels deep" : String.valueOf(e.getMessage()), 0, 0, deep, e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // reading from a string: nothing to release
                }
            }
        }
    }

    /** Picks YAML for {@code .yaml}/{@code .yml} names; otherwise JSON, unless the text does not start like JSON. */
    public static Format formatOf(String fileName, String text) {
        String lower = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Format.YAML;
        }
        if (lower.endsWith(".json")) {
            return Format.JSON;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' || c == '[' ? Format.JSON : Format.YAML;
            }
        }
        return Format.JSON;
    }

    public String file() {
        return file;
    }

    /** The document's value, or {@code null} for an empty document. */
    public JsonNode root() {
        return root;
    }

    public List<DuplicateKey> duplicateKeys() {
        return duplicateKeys;
    }

    /**
     * Where {@code pointer} is; a pointer to something absent (a missing {@code Next}) gets the place
     * of its nearest present ancestor, so a message still points at the right state.
     */
    public SourceLocation locate(String pointer) {
        String p = pointer;
        while (true) {
            int[] at = positions.get(p);
            if (at != null) {
                return new SourceLocation(file, pointer, at[0], at[1]);
            }
            if (p.isEmpty()) {
                return new SourceLocation(file, pointer, 0, 0);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /**
     * The character offset in the text of the place {@link #locate} gives for {@code pointer}, for
     * callers that map the text back to where it came from (a definition assembled from the parts of
     * a CDK template); {@code -1} when unknown.
     */
    public int offset(String pointer) {
        String p = pointer;
        while (true) {
            int[] at = positions.get(p);
            if (at != null) {
                return at[2];
            }
            if (p.isEmpty()) {
                return -1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The character offset of the value at {@code pointer} itself (a member's value, not its key); {@code -1} when absent. */
    public int valueOffset(String pointer) {
        Integer at = valueOffsets.get(pointer);
        return at == null ? -1 : at;
    }

    /**
     * A locator for a part of this document seen as a document of its own, e.g. the
     * {@code Definition} inside a CloudFormation template: pointer {@code /States/A} of the part is
     * looked up as {@code prefix + "/States/A"} here, and reported as {@code /States/A}.
     */
    public SourceLocator locator(String prefix) {
        return pointer -> {
            SourceLocation at = locate(prefix + pointer);
            return new SourceLocation(at.file(), pointer, at.line(), at.column());
        };
    }

    /** The locator for the whole document. */
    public SourceLocator locator() {
        return this::locate;
    }

    /** RFC 6901 escaping of one pointer token. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Builds the tree iteratively, so depth is limited by the parser's constraint and never by the stack. */
    private static final class Builder {
        private final String file;
        private final JsonParser parser;
        private final boolean yaml;
        private final JsonNodeFactory nodes = Json.nodes();
        private final Map<String, int[]> positions = new HashMap<>();
        private final Map<String, Integer> valueOffsets = new HashMap<>();
        private final List<DuplicateKey> duplicates = new ArrayList<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final YamlReferences references = new YamlReferences();

        /** A container being filled; {@code recorded} is false inside a duplicate key's value. */
        private record Frame(ContainerNode<?> node, String pointer, boolean recorded) {
        }

        Builder(String file, JsonParser parser, boolean yaml) {
            this.file = file;
            this.parser = parser;
            this.yaml = yaml;
        }

        SourceDocument build() throws IOException, SourceSyntaxException {
            JsonNode root = null;
            String field = null;
            JsonLocation fieldAt = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    fieldAt = parser.currentTokenLocation();
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    if (stack.isEmpty()) {
                        break;
                    }
                    continue;
                }
                Frame parent = stack.peek();
                String pointer;
                JsonLocation at;
                boolean record = parent == null || parent.recorded();
                if (parent == null) {
                    pointer = "";
                    at = parser.currentTokenLocation();
                } else if (parent.node().isObject()) {
                    pointer = parent.pointer() + "/" + escape(field);
                    at = fieldAt;
                } else {
                    pointer = parent.pointer() + "/" + parent.node().size();
                    at = parser.currentTokenLocation();
                }
                boolean alias = yaml && ((YAMLParser) parser).isCurrentAlias();
                JsonNode value = alias ? references.alias(parser.getText(), parser.currentTokenLocation()) : value(token);
                if (yaml && !alias) {
                    references.anchor(((YAMLParser) parser).getCurrentAnchor(), value);
                }
                JsonNode attached = yaml ? shortFormTag(value) : value;
                if (parent == null) {
                    root = attached;
                } else if (parent.node().isObject()) {
                    ObjectNode object = (ObjectNode) parent.node();
                    if (object.has(field)) {
                        if (record) {
                            duplicates.add(new DuplicateKey(pointer, field, location(pointer, at)));
                        }
                        record = false;
                    } else {
                        object.set(field, attached);
                    }
                } else {
                    ((ArrayNode) parent.node()).add(attached);
                }
                if (record) {
                    int[] position = {at.getLineNr(), at.getColumnNr(), (int) at.getCharOffset()};
                    positions.put(pointer, position);
                    valueOffsets.put(pointer, (int) parser.currentTokenLocation().getCharOffset());
                    if (attached != value) {
                        String fn = attached.fieldNames().next();
                        pointer = pointer + "/" + escape(fn);
                        positions.put(pointer, position);
                    }
                }
                if (value.isContainerNode() && !alias) {
                    stack.push(new Frame((ContainerNode<?>) value, pointer, record));
                } else if (parent == null) {
                    break;
                }
            }
            if (root != null && parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new SourceSyntaxException("Unexpected content after the end of the document",
                        at.getLineNr(), at.getColumnNr(), false, null);
            }
            if (yaml && root != null) {
                YamlReferences.merge(root);
            }
            return new SourceDocument(file, root, positions, valueOffsets, duplicates);
        }

        private SourceLocation location(String pointer, JsonLocation at) {
            return new SourceLocation(file, pointer, at.getLineNr(), at.getColumnNr());
        }

        private JsonNode value(JsonToken token) throws IOException {
            switch (token) {
                case START_OBJECT:
                    return nodes.objectNode();
                case START_ARRAY:
                    return nodes.arrayNode();
                default:
                    JsonNode scalar = JsonReading.scalar(parser, token);
                    return scalar != null ? scalar : nodes.textNode(parser.getText());
            }
        }

        /** {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !Sub s} becomes {@code {"Fn::Sub": s}}. */
        private JsonNode shortFormTag(JsonNode value) throws IOException {
            Object id = parser.getTypeId();
            String tag = id == null ? null : id.toString();
            if (tag == null || tag.isEmpty() || tag.contains(":")) {
                return value;
            }
            String function = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
            ObjectNode wrapper = nodes.objectNode();
            wrapper.set(function, value);
            return wrapper;
        }
    }
}
