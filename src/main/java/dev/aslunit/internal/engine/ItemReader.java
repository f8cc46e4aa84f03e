package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.JsonReading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * A Distributed Map's {@code ItemReader} over the in-memory S3: {@code s3:getObject} of a JSON
 * array, JSON Lines or CSV ({@code CSVHeaderLocation} {@code FIRST_ROW} or {@code GIVEN},
 * {@code CSVDelimiter}), an S3 inventory {@code MANIFEST}, or {@code s3:listObjectsV2} (with
 * {@code Transformation: LOAD_AND_FLATTEN}, the items of every object listed); a JSON array may be
 * nested, found by {@code ItemsPointer}. Parquet and Athena data manifests are not read; at most
 * {@code MaxItems} items. Failures are {@code States.ItemReaderFailed} with AWS's causes.
 */
final class ItemReader {

    /** AWS's bound on {@code MaxItems} ("Currently, you can specify a limit of up to 100,000,000"). */
    static final int MAX_ITEMS = 100_000_000;

    private final String resource;
    private final JsonNode readerConfig;

    ItemReader(String resource, JsonNode readerConfig) {
        this.resource = resource;
        this.readerConfig = readerConfig == null ? EngineJson.object() : readerConfig;
    }

    /** {@code MaxItems} as written (a number), or {@code null}. */
    JsonNode maxItems() {
        return readerConfig.get("MaxItems");
    }

    String maxItemsPath() {
        return readerConfig.path("MaxItemsPath").asText(null);
    }

    /**
     * The items, read as the Map asks for them: a JSON Lines or CSV object is parsed one line or row
     * at a time, so that a million-item object never exists as a million nodes at once. Whatever AWS
     * checks before the first item (the object's existence, CSV headers, a JSON array) fails here.
     */
    Iterator<JsonNode> read(S3ObjectStore s3, JsonNode parameters, int requestedMaxItems) {
        if (requestedMaxItems < 0) {
            throw new StateFailure(Errors.ITEM_READER_FAILED, "field MaxItems must be positive");
        }
        int maxItems = Math.min(requestedMaxItems, MAX_ITEMS);
        String bucket = parameters.path("Bucket").asText();
        if (resource.endsWith(":listObjectsV2")) {
            if (!s3.hasBucket(bucket)) {
                // S3 answers NoSuchBucket; an existing bucket with nothing under the prefix is zero items
                throw new StateFailure(Errors.ITEM_READER_FAILED, "The specified bucket does not exist. (Bucket: "
                        + bucket + ")");
            }
            String prefix = parameters.path("Prefix").asText("");
            if ("LOAD_AND_FLATTEN".equals(readerConfig.path("Transformation").asText())) {
                return limit(flattened(s3, bucket, s3.list(bucket, prefix)), maxItems);
            }
            ArrayNode items = EngineJson.NODES.arrayNode();
            for (String key : s3.list(bucket, prefix)) {
                if (maxItems > 0 && items.size() >= maxItems) {
                    break;
                }
                String content = s3.get(bucket, key);
                ObjectNode o = items.addObject();
                o.put("Etag", "\"" + Integer.toHexString(content.hashCode()) + "\"");
                o.put("LastModified", "1970-01-01T00:00:00Z");
                o.put("Key", key);
                o.put("Size", content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                o.put("StorageClass", "STANDARD");
            }
            return items.elements();
        }
        String key = parameters.path("Key").asText();
        String content = s3.get(bucket, key);
        if (content == null) {
            throw new StateFailure(Errors.ITEM_READER_FAILED, "The specified key does not exist. (Bucket: " + bucket
                    + ", Key: " + key + ")");
        }
        if ("MANIFEST".equals(readerConfig.path("InputType").asText())
                && "ATHENA_DATA".equals(readerConfig.path("ManifestType").asText())) {
            throw new StateFailure(Errors.ITEM_READER_FAILED, "ASLUnit does not read Athena data manifests "
                    + "(ManifestType ATHENA_DATA); give the Map its items as CSV, JSON or JSON Lines in the in-memory "
                    + "S3, or mock the state that runs it");
        }
        return limit(items(content), maxItems);
    }

    /** The items of each object, one object after the other, each read only when the items before it are used. */
    private Iterator<JsonNode> flattened(S3ObjectStore s3, String bucket, List<String> keys) {
        Iterator<String> objects = keys.iterator();
        return new Iterator<>() {
            private Iterator<JsonNode> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && objects.hasNext()) {
                    current = items(s3.get(bucket, objects.next()));
                }
                return current.hasNext();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The items of one object's content, read as {@code InputType} says. */
    private Iterator<JsonNode> items(String content) {
        String type = readerConfig.path("InputType").asText("JSON");
        switch (type) {
            case "PARQUET":
                throw new StateFailure(Errors.ITEM_READER_FAILED, "ASLUnit does not read Parquet objects (InputType "
                        + "PARQUET); give the Map its items as CSV, JSON or JSON Lines in the in-memory S3, or mock "
                        + "the state that runs it");
            case "CSV":
                return csv(content);
            case "JSONL":
                return new Lines(content, ItemReader::parse);
            case "MANIFEST":
                return new Lines(content, line -> {
                    String[] f = line.split(",");
                    ObjectNode o = EngineJson.object();
                    o.put("Bucket", unquote(f[0]));
                    o.put("Key", f.length > 1 ? unquote(f[1]) : "");
                    return o;
                });
            default:
                JsonNode all = parse(content);
                // ItemsPointer (a JSON Pointer) picks an array nested in the object, e.g. "/orders/items".
                String pointer = readerConfig.path("ItemsPointer").asText("");
                JsonNode selected = pointer.isEmpty() ? all : all.at(pointer);
                if (!selected.isArray()) {
                    throw new StateFailure(Errors.ITEM_READER_FAILED, "Attempting to map over non-iterable node.");
                }
                return selected.elements();
        }
    }

    private static Iterator<JsonNode> limit(Iterator<JsonNode> items, int maxItems) {
        if (maxItems <= 0) {
            return items;
        }
        return new Iterator<>() {
            private int taken;

            @Override
            public boolean hasNext() {
                return taken < maxItems && items.hasNext();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                taken++;
                return items.next();
            }
        };
    }

    private Iterator<JsonNode> csv(String content) {
        String delimiter = readerConfig.path("CSVDelimiter").asText("COMMA");
        char sep = switch (delimiter) {
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "SPACE" -> ' ';
            case "TAB" -> '\t';
            default -> ',';
        };
        Csv rows = new Csv(content, sep);
        List<String> headers;
        if ("GIVEN".equals(readerConfig.path("CSVHeaderLocation").asText())) {
            headers = new ArrayList<>();
            readerConfig.path("CSVHeaders").forEach(h -> headers.add(h.asText()));
        } else {
            if (!rows.hasNext()) {
                return Collections.emptyIterator();
            }
            headers = rows.next();
        }
        Set<String> unique = new HashSet<>(headers);
        if (unique.size() != headers.size()) {
            throw new StateFailure(Errors.ITEM_READER_FAILED, "CSV headers cannot contain duplicates.");
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public JsonNode next() {
                List<String> row = rows.next();
                ObjectNode o = EngineJson.object();
                for (int i = 0; i < headers.size(); i++) {
                    o.put(headers.get(i), i < row.size() ? row.get(i) : "");
                }
                return o;
            }
        };
    }

    /** The non-blank lines of a text (LF or CRLF ends), each made an item when it is asked for. */
    private static final class Lines implements Iterator<JsonNode> {
        private final String text;
        private final Function<String, JsonNode> item;
        private int at;
        private String line;

        Lines(String text, Function<String, JsonNode> item) {
            this.text = text;
            this.item = item;
        }

        @Override
        public boolean hasNext() {
            while (line == null && at < text.length()) {
                int end = text.indexOf('\n', at);
                if (end < 0) {
                    end = text.length();
                }
                String candidate = text.substring(at, end > at && text.charAt(end - 1) == '\r' ? end - 1 : end);
                at = end + 1;
                if (!candidate.isBlank()) {
                    line = candidate;
                }
            }
            return line != null;
        }

        @Override
        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String l = line;
            line = null;
            return item.apply(l);
        }
    }

    private static String unquote(String s) {
        s = s.trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static JsonNode parse(String text) {
        try {
            return JsonReading.tree(text);
        } catch (IOException e) {
            throw new StateFailure(Errors.ITEM_READER_FAILED, "The item reader could not parse the object: "
                    + e.getMessage());
        }
    }

    /** RFC 4180 CSV rows, read one at a time: quoted fields, doubled quotes, CRLF or LF line ends; blank lines skipped. */
    private static final class Csv implements Iterator<List<String>> {
        private final String text;
        private final char sep;
        private int i;
        private List<String> next;

        Csv(String text, char sep) {
            this.text = text;
            this.sep = sep;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = row();
            }
            return next != null;
        }

        @Override
        public List<String> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<String> row = next;
            next = null;
            return row;
        }

        /** The next non-blank row, or {@code null} at the end. */
        private List<String> row() {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                    any = true;
                } else if (c == sep) {
                    row.add(field.toString());
                    field.setLength(0);
                    any = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (any || field.length() > 0) {
                        i++;
                        row.add(field.toString());
                        return row;
                    }
                    row.clear();
                    field.setLength(0);
                    any = false;
                } else {
                    field.append(c);
                    any = true;
                }
            }
            if (any || field.length() > 0) {
                row.add(field.toString());
                return row;
            }
            return null;
        }
    }
}
