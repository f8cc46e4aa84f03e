package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.aslunit.internal.path.PathEvaluationException;
import dev.aslunit.internal.path.PayloadTemplate;
import dev.aslunit.internal.path.ReferencePath;
import dev.aslunit.internal.path.ResultPath;

/**
 * A JSONPath state's data flow, compiled once: {@code InputPath} → {@code Parameters} → (the task)
 * → {@code ResultSelector} → {@code ResultPath} → {@code OutputPath}, and {@code Assign}.
 * Absent fields cost nothing; {@code null} paths discard as AWS defines it.
 */
final class PathFlow implements Flow {

    private final Selector inputPath;
    private final PayloadTemplate parameters;
    private final PayloadTemplate resultSelector;
    private final ResultPath resultPath;
    private final Selector outputPath;
    private final PayloadTemplate assign;

    PathFlow(Compiler.Context c, String inputPath, JsonNode parameters, JsonNode resultSelector, String resultPath,
            String outputPath, JsonNode assign) {
        this.inputPath = Selector.compile(c, "InputPath", inputPath);
        this.parameters = c.template("Parameters", parameters);
        this.resultSelector = c.template("ResultSelector", resultSelector);
        this.resultPath = c.resultPath("ResultPath", resultPath);
        this.outputPath = Selector.compile(c, "OutputPath", outputPath);
        this.assign = c.template("Assign", assign);
    }

    @Override
    public JsonNode input(Scope s, JsonNode raw) {
        try {
            JsonNode in = inputPath.select(s.at(raw));
            return parameters == null ? in : parameters.evaluate(s.at(in));
        } catch (PathEvaluationException e) {
            throw failure(s, e);
        }
    }

    @Override
    public JsonNode output(Scope s, JsonNode raw, JsonNode result) {
        try {
            JsonNode r = resultSelector == null ? result : resultSelector.evaluate(s.at(result));
            JsonNode combined = resultPath == null ? r : resultPath.apply(raw, r);
            return outputPath.select(s.at(combined));
        } catch (PathEvaluationException e) {
            throw failure(s, e);
        }
    }

    /** {@code OutputPath} alone, for the states whose output is their (effective) input. */
    JsonNode outputOf(Scope s, JsonNode value) {
        try {
            return outputPath.select(s.at(value));
        } catch (PathEvaluationException e) {
            throw failure(s, e);
        }
    }

    @Override
    public Map<String, JsonNode> assign(Scope s, JsonNode value) {
        if (assign == null) {
            return null;
        }
        try {
            return fields(assign.evaluate(s.at(value)));
        } catch (PathEvaluationException e) {
            throw failure(s, e);
        }
    }

    @Override
    public boolean assigns() {
        return assign != null;
    }

    /** The members of an evaluated JSONPath {@code Assign}: variable name to value. */
    static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static StateFailure failure(Scope s, PathEvaluationException e) {
        return new StateFailure(e.error(), s.state.causePrefix() + e.cause());
    }

    /** A compiled {@code InputPath}/{@code OutputPath}: {@code $} passes through, {@code null} gives {@code {}}. */
    abstract static class Selector {

        abstract JsonNode select(Scope s);

        static Selector compile(Compiler.Context c, String field, String path) {
            if (path == null) {
                return new Selector() {
                    @Override
                    JsonNode select(Scope s) {
                        return EngineJson.object();
                    }
                };
            }
            if (path.equals("$")) {
                return new Selector() {
                    @Override
                    JsonNode select(Scope s) {
                        return s.input();
                    }
                };
            }
            ReferencePath p = c.path(field, path);
            return new Selector() {
                @Override
                JsonNode select(Scope s) {
                    return p == null ? s.input() : p.read(s);
                }
            };
        }
    }
}
