package dev.aslunit.internal.validation;

import static dev.aslunit.internal.validation.DiagnosticCode.DUPLICATE_LABEL_NAME;
import static dev.aslunit.internal.validation.DiagnosticCode.INVALID_LABEL_NAME;
import static dev.aslunit.internal.validation.DiagnosticCode.SCHEMA_VALIDATION_FAILED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.QueryLanguage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a Map state: its item processor (checked as a state machine of its own, with its
 * ProcessorConfig), items, ItemSelector, ItemReader, ItemBatcher, ResultWriter, concurrency and
 * tolerance, and its Label, unique across the whole state machine (so one instance per validation run).
 */
final class MapChecks {

    private static final int MAX_LABEL = 40;
    private static final int MAX_INPUT_BYTES_PER_BATCH = 256 * 1024;
    private static final int MAX_READER_ITEMS = 100_000_000;
    private static final Set<String> ITEM_READER_FIELDS = Set.of("Resource", "ReaderConfig", "Parameters", "Arguments");
    private static final Set<String> ITEM_BATCHER_FIELDS = Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath",
            "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput");
    private static final Set<String> RESULT_WRITER_FIELDS = Set.of("Resource", "Parameters", "Arguments",
            "WriterConfig");
    private static final Pattern LABEL_FORBIDDEN = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");

    private final DefinitionChecks checks;
    private final Map<String, String> labels = new HashMap<>();

    MapChecks(DefinitionChecks checks) {
        this.checks = checks;
    }

    void map(JsonNode s, String p, QueryLanguage ql, DefinitionChecks.Scope scope) {
        checks.exclusive(s, p, "ItemProcessor", "Iterator");
        checks.exclusive(s, p, "ItemSelector", "Parameters");
        checks.exclusive(s, p, "MaxConcurrency", "MaxConcurrencyPath");
        checks.exclusive(s, p, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        checks.exclusive(s, p, "ToleratedFailureCount", "ToleratedFailureCountPath");
        String field = s.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode processor = s.get(field);
        if (processor == null) {
            checks.report(SCHEMA_VALIDATION_FAILED, p, "These fields are required: [ItemProcessor]; a Map state runs its "
                    + "ItemProcessor for each item");
        } else {
            if (processor.isObject()) {
                processorConfig(processor.get("ProcessorConfig"), p + "/" + field + "/ProcessorConfig");
            }
            checks.machine(processor, p + "/" + field, checks.machineLanguage, scope,
                    "the item processor of Map \"" + DefinitionChecks.lastToken(p) + "\"", StateFields.PROCESSOR_FIELDS);
        }
        checks.pathField(s, p, "ItemsPath", ql);
        JsonNode items = s.get("Items");
        if (items != null && ql == QueryLanguage.JSONATA) {
            if (!items.isArray() && !ExpressionChecks.isJsonata(items)) {
                checks.wrongType(p + "/Items", "Items", "an array or a {% %} expression", items);
            }
            checks.expressions.jsonataTemplate(items, p + "/Items");
        }
        JsonNode selector = s.get("ItemSelector");
        if (selector != null) {
            if (ql == QueryLanguage.JSONPATH) {
                checks.objectOnly(selector, p + "/ItemSelector", "ItemSelector");
                checks.expressions.payloadTemplate(selector, p + "/ItemSelector");
            } else {
                checks.expressions.jsonataTemplate(selector, p + "/ItemSelector");
            }
        }
        for (String config : new String[] {"ItemReader", "ItemBatcher", "ResultWriter"}) {
            JsonNode v = s.get(config);
            if (v != null) {
                checks.objectOnly(v, p + "/" + config, config);
                if (ql == QueryLanguage.JSONPATH) {
                    // only an ItemBatcher's BatchInput and an ItemReader's or ResultWriter's Parameters are
                    // payload templates: the *Path fields beside them (ReaderConfig's MaxItemsPath too) are paths
                    String templateField = config.equals("ItemBatcher") ? "BatchInput" : "Parameters";
                    JsonNode template = v.get(templateField);
                    if (template != null) {
                        checks.expressions.payloadTemplate(template, p + "/" + config + "/" + templateField);
                    }
                } else {
                    checks.expressions.jsonataTemplate(v, p + "/" + config);
                }
            }
        }
        JsonNode reader = s.get("ItemReader");
        if (reader != null && reader.isObject()) {
            itemReader(reader, p + "/ItemReader", ql);
        }
        JsonNode batcher = s.get("ItemBatcher");
        if (batcher != null && batcher.isObject()) {
            itemBatcher(batcher, p + "/ItemBatcher", ql);
        }
        JsonNode writer = s.get("ResultWriter");
        if (writer != null && writer.isObject()) {
            resultWriter(writer, p + "/ResultWriter", ql);
        }
        checks.number(s, p, "MaxConcurrency", ql, 0, Integer.MAX_VALUE, true);
        checks.number(s, p, "ToleratedFailureCount", ql, 0, Integer.MAX_VALUE, true);
        checks.number(s, p, "ToleratedFailurePercentage", ql, 0, 100, false);
        numberPath(s, p, "MaxConcurrencyPath", ql);
        numberPath(s, p, "ToleratedFailureCountPath", ql);
        numberPath(s, p, "ToleratedFailurePercentagePath", ql);
        JsonNode label = s.get("Label");
        if (label != null) {
            label(label, p + "/Label");
        }
    }

    /**
     * AWS's ResultWriter sets ("ResultWriter (Map)"): {@code WriterConfig} alone (the state's result
     * shaped), {@code Resource} with {@code Parameters} ({@code Arguments} in JSONata) to write to S3,
     * or all three; {@code Transformation} and {@code OutputType} take AWS's values only.
     */
    private void resultWriter(JsonNode writer, String p, QueryLanguage ql) {
        checks.unknownFields(writer, p, RESULT_WRITER_FIELDS, "ResultWriter");
        String parameters = ql == QueryLanguage.JSONATA ? "Arguments" : "Parameters";
        if (!writer.has("Resource") && !writer.has("WriterConfig")) {
            checks.report(SCHEMA_VALIDATION_FAILED, p, "ResultWriter needs WriterConfig (to shape the state's result), "
                    + "Resource with " + parameters + " (to write the results to S3), or all three");
        } else if (writer.has("Resource") != writer.has(parameters)) {
            checks.report(SCHEMA_VALIDATION_FAILED, p, "ResultWriter needs Resource and " + parameters + " together: "
                    + "\"Resource\": \"arn:aws:states:::s3:putObject\" with " + parameters
                    + " {\"Bucket\": ..., \"Prefix\": ...}");
        }
        JsonNode config = writer.get("WriterConfig");
        if (config == null) {
            return;
        }
        if (!config.isObject()) {
            checks.wrongType(p + "/WriterConfig", "WriterConfig", "an object", config);
            return;
        }
        checks.unknownFields(config, p + "/WriterConfig", Set.of("Transformation", "OutputType"), "WriterConfig");
        oneOf(config, p + "/WriterConfig", "Transformation", "\"NONE\", \"COMPACT\" or \"FLATTEN\"",
                Set.of("NONE", "COMPACT", "FLATTEN"));
        oneOf(config, p + "/WriterConfig", "OutputType", "\"JSON\" or \"JSONL\"", Set.of("JSON", "JSONL"));
    }

    /**
     * "ItemBatcher (Map)": {@code MaxInputBytesPerBatch} is "up to 256 KiB"; 0 is accepted, as the
     * ASL's own validator (statelint) accepts it, and bounds nothing.
     */
    private void itemBatcher(JsonNode batcher, String p, QueryLanguage ql) {
        checks.unknownFields(batcher, p, ITEM_BATCHER_FIELDS, "ItemBatcher");
        checks.exclusive(batcher, p, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
        checks.number(batcher, p, "MaxItemsPerBatch", ql, 0, Integer.MAX_VALUE, true);
        checks.exclusive(batcher, p, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
        checks.number(batcher, p, "MaxInputBytesPerBatch", ql, 0, MAX_INPUT_BYTES_PER_BATCH, true);
        numberPath(batcher, p, "MaxInputBytesPerBatchPath", ql);
        numberPath(batcher, p, "MaxItemsPerBatchPath", ql);
    }

    /**
     * "ItemReader (Map)": the reader names its source with {@code Resource}; {@code ReaderConfig}'s
     * {@code MaxItems} is "up to 100,000,000" and exclusive with {@code MaxItemsPath}. The fields of
     * {@code ReaderConfig} itself are not closed here: AWS added four in 2025 and may add more.
     */
    private void itemReader(JsonNode reader, String p, QueryLanguage ql) {
        checks.unknownFields(reader, p, ITEM_READER_FIELDS, "ItemReader");
        checks.required(reader, p, "Resource");
        JsonNode config = reader.get("ReaderConfig");
        if (config == null) {
            return;
        }
        if (!config.isObject()) {
            if (!(ql == QueryLanguage.JSONATA && ExpressionChecks.isJsonata(config))) {
                checks.wrongType(p + "/ReaderConfig", "ReaderConfig", "an object", config);
            }
            return;
        }
        checks.exclusive(config, p + "/ReaderConfig", "MaxItems", "MaxItemsPath");
        checks.number(config, p + "/ReaderConfig", "MaxItems", ql, 0, MAX_READER_ITEMS, true);
        numberPath(config, p + "/ReaderConfig", "MaxItemsPath", ql);
    }

    /**
     * A Map's number read from the input is a reference path into the input or a variable: AWS refuses
     * the context object there ("Value is not a Reference Path", floci-io/floci#3733, measured on AWS),
     * which only ItemsPath may read.
     */
    private void numberPath(JsonNode node, String p, String field, QueryLanguage ql) {
        checks.pathField(node, p, field, ql);
        JsonNode v = node.get(field);
        if (ql == QueryLanguage.JSONPATH && v != null && v.isTextual() && v.asText().startsWith("$$")) {
            checks.report(SCHEMA_VALIDATION_FAILED, p + "/" + field, "Value is not a Reference Path: " + field
                    + " reads the state's input (\"$.count\") or a variable (\"$count\"), not the context object");
        }
    }

    private void oneOf(JsonNode node, String p, String field, String expected, Set<String> values) {
        JsonNode v = node.get(field);
        if (v != null && !(v.isTextual() && values.contains(v.asText()))) {
            checks.wrongType(p + "/" + field, field, expected, v);
        }
    }

    private void processorConfig(JsonNode config, String p) {
        if (config == null) {
            return;
        }
        if (!config.isObject()) {
            checks.wrongType(p, "ProcessorConfig", "an object", config);
            return;
        }
        checks.unknownFields(config, p, Set.of("Mode", "ExecutionType"), "ProcessorConfig");
        JsonNode mode = config.get("Mode");
        if (mode != null && !(mode.isTextual() && Set.of("INLINE", "DISTRIBUTED").contains(mode.asText()))) {
            checks.wrongType(p + "/Mode", "Mode", "\"INLINE\" or \"DISTRIBUTED\"", mode);
        }
        JsonNode executionType = config.get("ExecutionType");
        if (executionType != null
                && !(executionType.isTextual() && Set.of("STANDARD", "EXPRESS").contains(executionType.asText()))) {
            checks.wrongType(p + "/ExecutionType", "ExecutionType", "\"STANDARD\" or \"EXPRESS\"", executionType);
        }
        if (mode != null && "DISTRIBUTED".equals(mode.asText()) && executionType == null) {
            checks.report(SCHEMA_VALIDATION_FAILED, p, "These fields are required: [ExecutionType]; a DISTRIBUTED Map "
                    + "runs its items as STANDARD or EXPRESS child executions");
        }
    }

    private void label(JsonNode label, String p) {
        if (!label.isTextual()) {
            checks.wrongType(p, "Label", "a string", label);
            return;
        }
        String text = label.asText();
        if (text.isEmpty() || text.length() > MAX_LABEL) {
            checks.report(INVALID_LABEL_NAME, p, "Label \"" + text + "\" must be 1 to " + MAX_LABEL
                    + " characters long, not " + text.length());
        } else if (LABEL_FORBIDDEN.matcher(text).find()) {
            checks.report(INVALID_LABEL_NAME, p, "Label \"" + text + "\" may not contain whitespace, brackets, wildcards "
                    + "or any of \" # % \\ ^ | ~ ` $ & , ; : /");
        }
        String first = labels.putIfAbsent(text, p);
        if (first != null) {
            checks.report(DUPLICATE_LABEL_NAME, p, "Duplicate Label \"" + text + "\": also the label of "
                    + checks.where(first) + "; labels must be unique in the state machine");
        }
    }
}
