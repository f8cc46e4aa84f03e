package dev.aslunit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Distributed Map's {@code ItemReader} over the in-memory S3: {@code s3:getObject} of a JSON
 * array, JSON Lines or CSV ({@code CSVHeaderLocation} {@code FIRST_ROW} or {@code GIVEN},
 * {@code CSVDelimiter}), an S3 inventory {@code MANIFEST}, or {@code s3:listObjectsV2}; at most
 * {@code MaxItems} items. Failures are {@code States.ItemReaderFailed} with AWS's causes.
 */
final class ItemReader {

    private final String resource;
    private final JsonNode readerConfig;

    ItemReader(String resource, JsonNode readerConfig) {
        this.resource = resource;
        this.readerConfig = readerConfig == null ? Json.object() : readerConfig;
    }

    /** {@code MaxItems} as written (a number), or {@code null}. */
    JsonNode maxItems() {
        return readerConfig.get("MaxItems");
    }

    String maxItemsPath() {
        return readerConfig.path("MaxItemsPath").asText(null);
    }

    ArrayNode read(S3ObjectStore s3, JsonNode parameters, int maxItems) {
        String bucket = parameters.path("Bucket").asText();
        ArrayNode items = Json.NODES.arrayNode();
        if (resource.endsWith(":listObjectsV2")) {
            String prefix = parameters.path("Prefix").asText("");
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
            return items;
        }
        String key = parameters.path("Key").asText();
        String content = s3.get(bucket, key);
        if (content == null) {
            throw new StateFailure(Errors.ITEM_READER_FAILED, "The specified key does not exist. (Bucket: " + bucket
                    + ", Key: " + key + ")");
        }
        String type = readerConfig.path("InputType").asText("JSON");
        switch (type) {
            case "CSV":
                csv(content, items, maxItems);
                break;
            case "JSONL":
                for (String line : content.split("\r?\n")) {
                    if (!line.isBlank() && (maxItems <= 0 || items.size() < maxItems)) {
                        items.add(parse(line));
                    }
                }
                break;
            case "MANIFEST":
                for (String line : content.split("\r?\n")) {
                    if (!line.isBlank() && (maxItems <= 0 || items.size() < maxItems)) {
                        String[] f = line.split(",");
                        ObjectNode o = items.addObject();
                        o.put("Bucket", unquote(f[0]));
                        o.put("Key", f.length > 1 ? unquote(f[1]) : "");
                    }
                }
                break;
            default:
                JsonNode all = parse(content);
                if (!all.isArray()) {
                    throw new StateFailure(Errors.ITEM_READER_FAILED, "Attempting to map over non-iterable node.");
                }
                for (JsonNode item : all) {
                    if (maxItems > 0 && items.size() >= maxItems) {
                        break;
                    }
                    items.add(item);
                }
        }
        return items;
    }

    private void csv(String content, ArrayNode items, int maxItems) {
        String delimiter = readerConfig.path("CSVDelimiter").asText("COMMA");
        char sep = switch (delimiter) {
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "SPACE" -> ' ';
            case "TAB" -> '\t';
            default -> ',';
        };
        List<List<String>> rows = Csv.parse(content, sep);
        List<String> headers;
        int first;
        if ("GIVEN".equals(readerConfig.path("CSVHeaderLocation").asText())) {
            headers = new ArrayList<>();
            readerConfig.path("CSVHeaders").forEach(h -> headers.add(h.asText()));
            first = 0;
        } else {
            if (rows.isEmpty()) {
                return;
            }
            headers = rows.get(0);
            first = 1;
        }
        Set<String> unique = new HashSet<>(headers);
        if (unique.size() != headers.size()) {
            throw new StateFailure(Errors.ITEM_READER_FAILED, "CSV headers cannot contain duplicates.");
        }
        for (int r = first; r < rows.size(); r++) {
            if (maxItems > 0 && items.size() >= maxItems) {
                break;
            }
            List<String> row = rows.get(r);
            ObjectNode o = items.addObject();
            for (int i = 0; i < headers.size(); i++) {
                o.put(headers.get(i), i < row.size() ? row.get(i) : "");
            }
        }
    }

    private static String unquote(String s) {
        s = s.trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new StateFailure(Errors.ITEM_READER_FAILED, "The item reader could not parse the object: "
                    + e.getMessage());
        }
    }

    /** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends; blank lines skipped. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> parse(String text, char sep) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (int i = 0; i < text.length(); i++) {
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
                        row.add(field.toString());
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                    field.setLength(0);
                    any = false;
                } else {
                    field.append(c);
                    any = true;
                }
            }
            if (any || field.length() > 0) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
