package dev.aslunit.internal.path;

import com.fasterxml.jackson.databind.JsonNode;

/** What a {@code .$} field or a "path or intrinsic" field holds: a path or an intrinsic call. */
abstract class Expression {

    static Expression compile(String text) {
        if (text.startsWith("$")) {
            return new PathExpression(CompiledPath.compile(text));
        }
        if (text.startsWith("States.")) {
            return new IntrinsicExpression(IntrinsicParser.parse(text));
        }
        throw new PathSyntaxException("'" + text + "' is neither a JSONPath (starting with '$') "
                + "nor an intrinsic function call (such as States.Format('{}', $.x))");
    }

    static Expression compileField(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw new PathSyntaxException("The value of the field '" + field
                    + "' must be a string holding a JSONPath or an intrinsic function call, not " + value);
        }
        try {
            return compile(value.textValue());
        } catch (PathSyntaxException e) {
            throw new PathSyntaxException("The field '" + field + "': " + e.getMessage());
        }
    }

    /** The value; a path that selects nothing fails with {@code Invalid path '...' : ...}. */
    abstract JsonNode evaluate(PathScope scope);

    /**
     * The value of the field {@code field}; a path that selects nothing fails with
     * {@code The JSONPath '...' specified for the field '...' could not be found in the input '...'}.
     */
    abstract JsonNode evaluateField(String field, PathScope scope);

    static final class PathExpression extends Expression {
        private final CompiledPath path;

        PathExpression(CompiledPath path) {
            this.path = path;
        }

        @Override
        JsonNode evaluate(PathScope scope) {
            return path.read(scope);
        }

        @Override
        JsonNode evaluateField(String field, PathScope scope) {
            return path.readField(field, scope);
        }
    }

    static final class IntrinsicExpression extends Expression {
        private final Argument.Call call;

        IntrinsicExpression(Argument.Call call) {
            this.call = call;
        }

        @Override
        JsonNode evaluate(PathScope scope) {
            return call.evaluate(scope, null);
        }

        @Override
        JsonNode evaluateField(String field, PathScope scope) {
            return call.evaluate(scope, field);
        }
    }
}
