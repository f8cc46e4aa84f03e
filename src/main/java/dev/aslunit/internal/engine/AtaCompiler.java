package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aslunit.internal.definition.Catcher;
import dev.aslunit.internal.definition.ChoiceRule;
import dev.aslunit.internal.definition.ChoiceState;
import dev.aslunit.internal.definition.FailState;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.PassState;
import dev.aslunit.internal.definition.SucceedState;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.definition.WaitState;
import dev.aslunit.internal.jsonata.JsonataAssign;
import dev.aslunit.internal.jsonata.JsonataTemplate;
import dev.aslunit.internal.jsonata.QueryEvaluationException;
import dev.aslunit.internal.path.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compiles JSONata states: every {@code {% %}} field once, into the same steps JSONPath states use;
 * {@link Compiler} walks the machines and asks it for each JSONata state's step.
 */
final class AtaCompiler implements StateCompiler {

    private final Compiler.Context c;
    private final Compiler compiler;

    AtaCompiler(Compiler.Context c, Compiler compiler) {
        this.c = c;
        this.compiler = compiler;
    }

    @Override
    public Step pass(PassState p) {
        return new PassStep(p.name(), new AtaFlow(c, null, p.output(), p.assign(), "Assign"), null);
    }

    @Override
    public Step task(TaskState t) {
        if (t.resource() == null) {
            c.problem("Resource", "a Task state needs a Resource");
            return null;
        }
        return new TaskStep(t.name(), Resource.of(t.resource()),
                new AtaFlow(c, t.arguments(), t.output(), t.assign(), "Assign"),
                seconds("TimeoutSeconds", t.timeoutSeconds()), seconds("HeartbeatSeconds", t.heartbeatSeconds()),
                t.credentials() == null ? null : new AtaFlow(c, t.credentials(), null, null, "Assign"),
                compiler.recovery(t.retry(), t.catchers(), true));
    }

    @Override
    public Step succeed(SucceedState p) {
        return new SucceedStep(p.name(), new AtaFlow(c, null, p.output(), null, "Assign"));
    }

    @Override
    public Step fail(FailState f) {
        return new FailStep(f.name(), text("Error", f.error()), text("Cause", f.cause()));
    }

    @Override
    public Step parallel(ParallelState p, List<CompiledMachine> branches) {
        return new ParallelStep(p.name(), branches, new AtaFlow(c, p.arguments(), p.output(), p.assign(), "Assign"),
                compiler.recovery(p.retry(), p.catchers(), true));
    }

    /** A catcher of a JSONata state: its {@code Output} (else the error output) and {@code Assign}. */
    static Recovery.CatchFlow catchFlow(Compiler.Context c, Catcher k) {
        JsonataTemplate output = c.ata("Catch/Output", k.output());
        JsonataAssign assign = c.ataAssign("Catch/Assign", k.assign());
        return new Recovery.CatchFlow() {
            @Override
            public JsonNode output(Scope scope, JsonNode errorOutput) {
                return output == null ? errorOutput : AtaFlow.evaluate(output, scope);
            }

            @Override
            public Map<String, JsonNode> assign(Scope scope, JsonNode errorOutput) {
                if (assign == null) {
                    return null;
                }
                try {
                    return assign.evaluate(scope);
                } catch (QueryEvaluationException e) {
                    throw AtaFlow.failure(scope, e);
                }
            }
        };
    }

    private TaskStep.Seconds seconds(String field, JsonNode value) {
        JsonataTemplate t = c.ata(field, value);
        if (t == null) {
            return null;
        }
        return scope -> {
            JsonNode v = AtaFlow.evaluate(t, scope);
            if (!v.isIntegralNumber() || v.longValue() <= 0 || v.longValue() > Integer.MAX_VALUE) {
                throw AtaFlow.failure(scope, t.unexpectedType("integer", v));
            }
            return v.intValue();
        };
    }

    private FailStep.Text text(String field, JsonNode value) {
        JsonataTemplate t = c.ata(field, value);
        if (t == null) {
            return null;
        }
        return scope -> {
            JsonNode v = AtaFlow.evaluate(t, scope);
            return v.isTextual() ? v.asText() : EngineJson.text(v);
        };
    }

    @Override
    public Step choice(ChoiceState s) {
        List<ChoiceStep.Branch> branches = new ArrayList<>();
        String where = c.where;
        for (int i = 0; i < s.choices().size(); i++) {
            ChoiceState.Choice ch = s.choices().get(i);
            c.where = where + "/Choices/" + i;
            ChoiceStep.Condition condition = condition(ch.rule());
            c.where = where;
            branches.add(new ChoiceStep.Branch(condition, ch.next(), new AtaFlow(c, null,
                    ch.output() != null ? ch.output() : s.output(), ch.assign(), "Choices[" + i + "]/Assign")));
        }
        return new ChoiceStep(s.name(), branches, s.defaultNext(), new AtaFlow(c, null, s.output(), s.assign(), "Assign"));
    }

    private ChoiceStep.Condition condition(ChoiceRule rule) {
        if (!(rule instanceof ChoiceRule.Condition)) {
            c.problem("Condition", "a JSONata Choice rule takes Condition, not JSONPath comparisons");
            return scope -> false;
        }
        JsonataTemplate t = c.ata("Condition", ((ChoiceRule.Condition) rule).condition());
        if (t == null) {
            return scope -> false;
        }
        return scope -> {
            JsonNode v = AtaFlow.evaluate(t, scope);
            if (!v.isBoolean()) {
                throw AtaFlow.failure(scope, t.unexpectedType("boolean", v));
            }
            return v.booleanValue();
        };
    }

    @Override
    public Step pause(WaitState w) {
        AtaFlow flow = new AtaFlow(c, null, w.output(), w.assign(), "Assign");
        WaitStep.Until until;
        if (w.seconds() != null) {
            JsonataTemplate t = c.ata("Seconds", w.seconds());
            until = (scope, entered) -> {
                JsonNode v = AtaFlow.evaluate(t, scope);
                if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                    throw AtaFlow.failure(scope, t.unexpectedType("integer", v));
                }
                return WaitStep.after(entered, v.longValue());
            };
        } else if (w.timestamp() != null) {
            JsonataTemplate t = c.ata("Timestamp", w.timestamp());
            until = (scope, entered) -> {
                JsonNode v = AtaFlow.evaluate(t, scope);
                Instant at = v.isTextual() ? Timestamps.parse(v.asText()) : null;
                if (at == null || WaitStep.tooFar(entered, at)) {
                    QueryEvaluationException e = new QueryEvaluationException("Timestamp", "The Timestamp field cannot be "
                            + "parsed as an ISO-8601 extended offset date-time format string: "
                            + (v.isTextual() ? v.asText() : EngineJson.text(v)));
                    throw AtaFlow.rejected(scope, e);
                }
                return at;
            };
        } else {
            c.problem("Seconds", "a JSONata Wait state needs Seconds or Timestamp");
            return null;
        }
        return new WaitStep(w.name(), flow, until);
    }

    @Override
    public Step map(MapState m) {
        String where = c.where;
        CompiledMachine processor = compiler.machine(m.itemProcessor(), where + "/ItemProcessor");
        c.where = where;
        AtaFlow flow = new AtaFlow(c, null, m.output(), m.assign(), "Assign");
        JsonataTemplate items = c.ata("Items", m.items());
        JsonataTemplate selector = c.ata("ItemSelector", m.itemSelector());
        JsonataTemplate maxConcurrency = c.ata("MaxConcurrency", m.maxConcurrency());
        JsonataTemplate toleratedCount = c.ata("ToleratedFailureCount", m.toleratedFailureCount());
        JsonataTemplate toleratedPercentage = c.ata("ToleratedFailurePercentage", m.toleratedFailurePercentage());
        JsonNode readerNode = m.itemReader();
        ItemReader reader = readerNode == null ? null
                : new ItemReader(readerNode.path("Resource").asText(), readerNode.get("ReaderConfig"));
        JsonataTemplate readerArguments = readerNode == null ? null
                : c.ata("ItemReader/Arguments", readerNode.get("Arguments"));
        JsonataTemplate maxItems = reader == null ? null : c.ata("ItemReader/ReaderConfig/MaxItems", reader.maxItems());
        JsonNode batcher = m.itemBatcher();
        JsonataTemplate perBatchTemplate = batcher == null ? null
                : c.ata("ItemBatcher/MaxItemsPerBatch", batcher.get("MaxItemsPerBatch"));
        JsonataTemplate maxBytesTemplate = batcher == null ? null
                : c.ata("ItemBatcher/MaxInputBytesPerBatch", batcher.get("MaxInputBytesPerBatch"));
        JsonataTemplate batchInput = batcher == null ? null : c.ata("ItemBatcher/BatchInput", batcher.get("BatchInput"));
        JsonataTemplate writer = m.resultWriter() == null ? null
                : c.ata("ResultWriter/Arguments", m.resultWriter().get("Arguments"));
        return new MapStep(m.name(), processor, flow, new MapStep.Setup() {
            @Override
            public Iterator<JsonNode> read(Scope scope, JsonNode effective, int max) {
                JsonNode parameters = readerArguments == null ? EngineJson.object()
                        : AtaFlow.evaluate(readerArguments, scope);
                return reader.read(scope.state.frame.run.options.s3(), parameters, max);
            }

            @Override
            public int maxItems(Scope scope, JsonNode effective) {
                return (int) number(maxItems, scope, 0);
            }

            @Override
            public ArrayNode items(Scope scope, JsonNode effective) {
                JsonNode v = items == null ? effective : AtaFlow.evaluate(items, scope);
                if (!v.isArray()) {
                    if (items == null) {
                        throw AtaFlow.failure(scope, QueryEvaluationException.mapInputNotArray(v));
                    }
                    throw AtaFlow.failure(scope, items.unexpectedType("array", v));
                }
                return (ArrayNode) v;
            }

            @Override
            public JsonNode itemInput(Scope scope, JsonNode effective, JsonNode item, int index) {
                return selector == null ? item : AtaFlow.evaluate(selector, scope);
            }

            @Override
            public int maxConcurrency(Scope scope, JsonNode effective) {
                return (int) number(maxConcurrency, scope, 0);
            }

            @Override
            public int toleratedFailureCount(Scope scope, JsonNode effective) {
                return (int) number(toleratedCount, scope, -1);
            }

            @Override
            public double toleratedFailurePercentage(Scope scope, JsonNode effective) {
                return number(toleratedPercentage, scope, -1);
            }

            @Override
            public Iterator<JsonNode> batches(Scope scope, JsonNode effective, Iterator<JsonNode> all) {
                if (m.itemBatcher() == null) {
                    return null;
                }
                int perBatch = perBatchTemplate == null ? Integer.MAX_VALUE
                        : Math.max(1, (int) number(perBatchTemplate, scope, 1));
                int maxBytes = maxBytesTemplate == null ? Integer.MAX_VALUE
                        : MapLimits.maxInputBytesPerBatch(scope, number(maxBytesTemplate, scope, 0),
                                m.itemBatcher().get("MaxInputBytesPerBatch").isNumber());
                JsonNode shared = batchInput == null ? null : AtaFlow.evaluate(batchInput, scope);
                return MapStep.batch(this, scope, effective, all, perBatch, maxBytes, shared);
            }

            @Override
            public boolean readsItems() {
                return reader != null;
            }

            @Override
            public JsonNode resultWriter(Scope scope, JsonNode effective) {
                return writer == null ? null : AtaFlow.evaluate(writer, scope);
            }
        }, m.distributed(), "EXPRESS".equals(m.executionType()), m.label(), ResultWriting.of(m.resultWriter()),
                compiler.recovery(m.retry(), m.catchers(), true));
    }

    private static double number(JsonataTemplate t, Scope scope, double absent) {
        if (t == null) {
            return absent;
        }
        JsonNode v = AtaFlow.evaluate(t, scope);
        if (!v.isNumber()) {
            throw AtaFlow.failure(scope, t.unexpectedType("number", v));
        }
        return v.doubleValue();
    }
}
