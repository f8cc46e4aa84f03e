package dev.aslunit.internal.engine;

import dev.aslunit.internal.definition.Placeholder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aslunit.internal.definition.ChoiceState;
import dev.aslunit.internal.definition.FailState;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.PassState;
import dev.aslunit.internal.definition.SucceedState;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.definition.WaitState;
import dev.aslunit.internal.jsonata.QueryEvaluationException;
import dev.aslunit.internal.path.PathEvaluationException;
import dev.aslunit.internal.path.PayloadTemplate;
import dev.aslunit.internal.path.ReferencePath;
import dev.aslunit.internal.path.Timestamps;
import dev.aslunit.internal.path.ValueExpression;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
/** Compiles JSONPath states: every path, template and intrinsic once, into their steps. */
final class PathCompiler implements StateCompiler {

    private final Compiler.Context c;
    private final Compiler compiler;

    PathCompiler(Compiler.Context c, Compiler compiler) {
        this.c = c;
        this.compiler = compiler;
    }

    @Override
    public Step pass(PassState p) {
        return new PassStep(p.name(), new PathFlow(c, p.inputPath(), p.parameters(), null, p.resultPath(),
                p.outputPath(), p.assign()), p.result());
    }

    @Override
    public Step succeed(SucceedState p) {
        return new SucceedStep(p.name(), new PathFlow(c, p.inputPath(), null, null, "$", p.outputPath(), null));
    }

    @Override
    public Step parallel(ParallelState p, List<CompiledMachine> branches) {
        return new ParallelStep(p.name(), branches, new PathFlow(c, p.inputPath(), p.parameters(),
                p.resultSelector(), p.resultPath(), p.outputPath(), p.assign()), compiler.recovery(p.retry(), p.catchers()));
    }

    @Override
    public Step task(TaskState t) {
        if (t.resource() == null) {
            c.problem("Resource", "a Task state needs a Resource");
            return null;
        }
        TaskStep.Seconds timeout = seconds("TimeoutSeconds", t.timeoutSeconds(), t.timeoutSecondsPath());
        TaskStep.Seconds heartbeat = seconds("HeartbeatSeconds", t.heartbeatSeconds(), t.heartbeatSecondsPath());
        Flow credentials = t.credentials() == null ? null
                : new PathFlow(c, "$", t.credentials(), null, "$", "$", null);
        return new TaskStep(t.name(), Resource.of(t.resource()), new PathFlow(c, t.inputPath(), t.parameters(),
                t.resultSelector(), t.resultPath(), t.outputPath(), t.assign()), timeout, heartbeat, credentials,
                compiler.recovery(t.retry(), t.catchers()));
    }

    /** {@code TimeoutSeconds}/{@code HeartbeatSeconds} (a positive integer) or their {@code *Path}. */
    private TaskStep.Seconds seconds(String field, JsonNode value, String path) {
        if (value != null) {
            String placeholder = Placeholder.of(value);
            if (placeholder != null) {
                return scope -> {
                    throw OpaqueValue.unknown(scope, field, placeholder);
                };
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                c.problem(field, "expected a positive integer, got " + value);
                return null;
            }
            Integer seconds = value.intValue();
            return scope -> seconds;
        }
        ReferencePath p = c.path(field + "Path", path);
        if (p == null) {
            return null;
        }
        return scope -> {
            try {
                JsonNode v = p.read(scope);
                if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() <= 0) {
                    throw new StateFailure(Errors.RUNTIME, scope.state.causePrefix() + "The " + field
                            + "Path parameter does not reference a positive integer: " + path + " == " + v);
                }
                return v.intValue();
            } catch (PathEvaluationException e) {
                throw PathFlow.failure(scope, e);
            }
        };
    }

    @Override
    public Step choice(ChoiceState s) {
        List<ChoiceStep.Branch> branches = new ArrayList<>();
        String where = c.where;
        for (int i = 0; i < s.choices().size(); i++) {
            ChoiceState.Choice ch = s.choices().get(i);
            c.where = where + "/Choices/" + i;
            branches.add(new ChoiceStep.Branch(c.condition(ch.rule()), ch.next(),
                    new PathFlow(c, "$", null, null, "$", s.outputPath(), ch.assign())));
        }
        c.where = where;
        return new ChoiceStep(s.name(), branches, s.defaultNext(),
                new PathFlow(c, s.inputPath(), null, null, "$", s.outputPath(), s.assign()));
    }

    @Override
    public Step pause(WaitState w) {
        PathFlow flow = new PathFlow(c, w.inputPath(), null, null, "$", w.outputPath(), w.assign());
        WaitStep.Until until;
        if (w.seconds() != null) {
            JsonNode v = w.seconds();
            String placeholder = Placeholder.of(v);
            if (placeholder != null) {
                return new WaitStep(w.name(), flow, (scope, entered) -> {
                    throw OpaqueValue.unknown(scope, "Seconds", placeholder);
                });
            }
            if (!v.isIntegralNumber() || v.longValue() < 0) {
                c.problem("Seconds", "expected a non-negative integer, got " + v);
                return null;
            }
            long seconds = v.longValue();
            until = (scope, entered) -> WaitStep.after(entered, seconds);
        } else if (Placeholder.is(w.timestamp())) {
            String placeholder = w.timestamp().asText();
            until = (scope, entered) -> {
                throw OpaqueValue.unknown(scope, "Timestamp", placeholder);
            };
        } else if (w.timestamp() != null) {
            Instant at = w.timestamp().isTextual() ? Timestamps.parse(w.timestamp().asText()) : null;
            if (at == null) {
                c.problem("Timestamp", "expected an ISO-8601 timestamp with an offset, got " + w.timestamp());
                return null;
            }
            String text = w.timestamp().asText();
            until = (scope, entered) -> {
                if (WaitStep.tooFar(entered, at)) {
                    throw new StateFailure(Errors.RUNTIME, scope.state.causePrefix() + "The Timestamp parameter does"
                            + " not reference a valid ISO-8601 extended offset date-time format string: " + text
                            + " == " + text);
                }
                return at;
            };
        } else if (w.secondsPath() != null) {
            ReferencePath p = c.path("SecondsPath", w.secondsPath());
            String text = w.secondsPath();
            until = (scope, entered) -> {
                JsonNode v = find(scope, p);
                String prefix = scope.state.causePrefix() + "The SecondsPath parameter ";
                if (v == null) {
                    throw new StateFailure(Errors.RUNTIME, prefix + "does not reference an input value: " + text);
                }
                if (!v.isIntegralNumber() && !(v.isNumber() && isWhole(v.decimalValue())) || !v.canConvertToLong()) {
                    throw new StateFailure(Errors.RUNTIME, prefix + "cannot be parsed as a long value: " + text
                            + " == " + EngineJson.text(v));
                }
                if (v.longValue() < 0) {
                    throw new StateFailure(Errors.RUNTIME, prefix + "references a negative value: " + text + " == "
                            + EngineJson.text(v));
                }
                return WaitStep.after(entered, v.longValue());
            };
        } else if (w.timestampPath() != null) {
            ReferencePath p = c.path("TimestampPath", w.timestampPath());
            String text = w.timestampPath();
            until = (scope, entered) -> {
                JsonNode v = find(scope, p);
                String prefix = scope.state.causePrefix() + "The TimestampPath parameter ";
                if (v == null) {
                    throw new StateFailure(Errors.RUNTIME, prefix + "does not reference an input value: " + text);
                }
                Instant at = v.isTextual() ? Timestamps.parse(v.asText()) : null;
                if (at == null || WaitStep.tooFar(entered, at)) {
                    throw new StateFailure(Errors.RUNTIME, prefix + "does not reference a valid ISO-8601 extended"
                            + " offset date-time format string: " + text + " == " + (v.isTextual() ? v.asText()
                            : EngineJson.text(v)));
                }
                return at;
            };
        } else {
            c.problem("Seconds", "a Wait state needs Seconds, SecondsPath, Timestamp or TimestampPath");
            return null;
        }
        return new WaitStep(w.name(), flow, until);
    }

    private static boolean isWhole(BigDecimal d) {
        return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static JsonNode find(Scope scope, ReferencePath p) {
        try {
            return p == null ? null : p.find(scope);
        } catch (PathEvaluationException e) {
            throw PathFlow.failure(scope, e);
        }
    }

    @Override
    public Step fail(FailState f) {
        return new FailStep(f.name(), text("Error", f.error(), f.errorPath()), text("Cause", f.cause(), f.causePath()));
    }

    private FailStep.Text text(String field, JsonNode literal, String path) {
        if (literal != null) {
            String s = literal.isTextual() ? literal.asText() : EngineJson.text(literal);
            return scope -> s;
        }
        ValueExpression v = c.value(field + "Path", path);
        if (v == null) {
            return null;
        }
        return scope -> {
            try {
                JsonNode r = v.evaluate(scope, field + "Path");
                return r.isTextual() ? r.asText() : EngineJson.text(r);
            } catch (PathEvaluationException e) {
                throw PathFlow.failure(scope, e);
            }
        };
    }

    @Override
    public Step map(MapState m) {
        String where = c.where;
        CompiledMachine processor = compiler.machine(m.itemProcessor(), where + "/ItemProcessor");
        c.where = where;
        PathFlow flow = new PathFlow(c, m.inputPath(), null, m.resultSelector(), m.resultPath(), m.outputPath(),
                m.assign());
        ReferencePath itemsPath = "$".equals(m.itemsPath()) || m.itemsPath() == null ? null
                : c.path("ItemsPath", m.itemsPath());
        PayloadTemplate selector = c.template("ItemSelector", m.itemSelector());
        MapLimits limits = new MapLimits(c, m);
        JsonNode readerNode = m.itemReader();
        ItemReader reader = readerNode == null ? null
                : new ItemReader(readerNode.path("Resource").asText(), readerNode.get("ReaderConfig"));
        PayloadTemplate readerParameters = readerNode == null ? null
                : c.template("ItemReader/Parameters", readerNode.get("Parameters"));
        ReferencePath maxItemsPath = reader == null ? null : c.path("ItemReader/ReaderConfig/MaxItemsPath",
                reader.maxItemsPath());
        PayloadTemplate writerParameters = m.resultWriter() == null ? null
                : c.template("ResultWriter/Parameters", m.resultWriter().path("Parameters"));
        JsonNode batcher = m.itemBatcher();
        PayloadTemplate batchInput = batcher == null ? null : c.template("ItemBatcher/BatchInput",
                batcher.get("BatchInput"));
        ReferencePath maxPerBatchPath = batcher == null ? null : c.path("ItemBatcher/MaxItemsPerBatchPath",
                batcher.path("MaxItemsPerBatchPath").asText(null));
        ReferencePath maxBytesPath = batcher == null ? null : c.path("ItemBatcher/MaxInputBytesPerBatchPath",
                batcher.path("MaxInputBytesPerBatchPath").asText(null));
        return new MapStep(m.name(), processor, flow, new MapStep.Setup() {
            @Override
            public Iterator<JsonNode> read(Scope scope, JsonNode effective, int maxItems) {
                try {
                    JsonNode parameters = readerParameters == null ? EngineJson.object()
                            : readerParameters.evaluate(scope.at(effective));
                    return reader.read(scope.state.frame.run.options.s3(), parameters, maxItems);
                } catch (PathEvaluationException e) {
                    throw PathFlow.failure(scope, e);
                }
            }

            @Override
            public int maxItems(Scope scope, JsonNode effective) {
                return MapLimits.maxItems(scope.at(effective), maxItemsPath, reader.maxItems());
            }

            @Override
            public ArrayNode items(Scope scope, JsonNode effective) {
                JsonNode items;
                try {
                    items = itemsPath == null ? effective : itemsPath.read(scope.at(effective));
                } catch (PathEvaluationException e) {
                    throw PathFlow.failure(scope, e);
                }
                if (!items.isArray()) {
                    throw new StateFailure(Errors.RUNTIME, scope.state.causePrefix()
                            + QueryEvaluationException.mapInputNotArrayCause(items));
                }
                return (ArrayNode) items;
            }

            @Override
            public JsonNode itemInput(Scope scope, JsonNode effective, JsonNode item, int index) {
                if (selector == null) {
                    return item;
                }
                try {
                    return selector.evaluate(scope.at(effective));
                } catch (PathEvaluationException e) {
                    throw PathFlow.failure(scope, e);
                }
            }

            @Override
            public int maxConcurrency(Scope scope, JsonNode effective) {
                return limits.maxConcurrency(scope.at(effective));
            }

            @Override
            public int toleratedFailureCount(Scope scope, JsonNode effective) {
                return limits.toleratedFailureCount(scope.at(effective));
            }

            @Override
            public double toleratedFailurePercentage(Scope scope, JsonNode effective) {
                return limits.toleratedFailurePercentage(scope.at(effective));
            }

            @Override
            public Iterator<JsonNode> batches(Scope scope, JsonNode effective, Iterator<JsonNode> items) {
                if (batcher == null) {
                    return null;
                }
                int perBatch = MapLimits.maxItemsPerBatch(scope.at(effective), maxPerBatchPath,
                        batcher.get("MaxItemsPerBatch"));
                int maxBytes = MapLimits.maxInputBytesPerBatch(scope.at(effective), maxBytesPath,
                        batcher.get("MaxInputBytesPerBatch"));
                try {
                    JsonNode shared = batchInput == null ? null : batchInput.evaluate(scope.at(effective));
                    return MapStep.batch(this, scope, effective, items, perBatch, maxBytes, shared);
                } catch (PathEvaluationException e) {
                    throw PathFlow.failure(scope, e);
                }
            }

            @Override
            public boolean readsItems() {
                return reader != null;
            }

            @Override
            public JsonNode resultWriter(Scope scope, JsonNode effective) {
                if (writerParameters == null) {
                    return null;
                }
                try {
                    return writerParameters.evaluate(scope.at(effective));
                } catch (PathEvaluationException e) {
                    throw PathFlow.failure(scope, e);
                }
            }
        }, m.distributed(), "EXPRESS".equals(m.executionType()), m.label(), ResultWriting.of(m.resultWriter()), compiler.recovery(m.retry(), m.catchers()));
    }
}
