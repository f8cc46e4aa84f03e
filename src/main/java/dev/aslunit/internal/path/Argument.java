package dev.aslunit.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One argument of an intrinsic function call, parsed once: a literal, a path or a nested call. */
interface Argument {

    /**
     * @param field the payload template field being evaluated, for AWS's path failure text
     */
    JsonNode evaluate(PathScope scope, String field);

    /** A literal as written; a string keeps the pieces around its unescaped {@code {}}s for States.Format. */
    final class Literal implements Argument {
        final JsonNode value;
        final List<String> formatPieces;

        Literal(JsonNode value, List<String> formatPieces) {
            this.value = value;
            this.formatPieces = formatPieces;
        }

        @Override
        public JsonNode evaluate(PathScope scope, String field) {
            return value;
        }
    }

    final class PathArgument implements Argument {
        final CompiledPath path;

        PathArgument(CompiledPath path) {
            this.path = path;
        }

        @Override
        public JsonNode evaluate(PathScope scope, String field) {
            return field == null ? path.read(scope) : path.readField(field, scope);
        }
    }

    final class Call implements Argument {
        final IntrinsicFunction function;
        final Argument[] arguments;

        Call(IntrinsicFunction function, Argument[] arguments) {
            this.function = function;
            this.arguments = arguments;
        }

        @Override
        public JsonNode evaluate(PathScope scope, String field) {
            JsonNode[] values = new JsonNode[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                values[i] = arguments[i].evaluate(scope, field);
            }
            return function.apply(this, values, scope);
        }
    }
}
