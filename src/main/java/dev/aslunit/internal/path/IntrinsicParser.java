package dev.aslunit.internal.path;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aslunit.internal.json.JsonReading;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an intrinsic function call such as {@code States.Format('{} \{x\}', $.a, States.Array(1))}
 * once, into a tree of {@link Argument}s, checking arities and literal arguments on the way.
 */
final class IntrinsicParser {

    private final String text;
    private int pos;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    static Argument.Call parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text);
        parser.skipSpace();
        Argument.Call call = parser.call();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + text.substring(parser.pos) + "' after the call");
        }
        return call;
    }

    private Argument.Call call() {
        int start = pos;
        if (!text.startsWith("States.", pos)) {
            throw error("expected an intrinsic function name such as States.Format");
        }
        pos += "States.".length();
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        IntrinsicFunction function = IntrinsicFunction.named(name);
        if (function == null) {
            throw error("'" + name + "' is not an intrinsic function; they are " + IntrinsicFunction.names());
        }
        skipSpace();
        expect('(');
        List<Argument> arguments = new ArrayList<>();
        skipSpace();
        if (peek() == ')') {
            pos++;
        } else {
            while (true) {
                skipSpace();
                arguments.add(argument());
                skipSpace();
                char c = peek();
                pos++;
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ')' in the arguments of " + name);
                }
            }
        }
        Argument.Call call = new Argument.Call(function, arguments.toArray(new Argument[0]));
        try {
            function.check(call);
        } catch (PathEvaluationException e) {
            throw new PathSyntaxException("'" + text + "' is not a valid intrinsic function call: " + e.cause());
        }
        return call;
    }

    private Argument argument() {
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (text.startsWith("States.", pos)) {
            return call();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (keyword("true")) {
            return new Argument.Literal(Nodes.FACTORY.booleanNode(true), null);
        }
        if (keyword("false")) {
            return new Argument.Literal(Nodes.FACTORY.booleanNode(false), null);
        }
        if (keyword("null")) {
            return new Argument.Literal(Nodes.FACTORY.nullNode(), null);
        }
        throw error("expected an argument: a 'string', a number, true, false, null, a path or a call");
    }

    private Argument string() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        StringBuilder piece = new StringBuilder();
        List<String> pieces = new ArrayList<>();
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw error("the string literal is not closed by a '");
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                break;
            }
            if (c == '\\') {
                char escaped = pos < text.length() ? text.charAt(pos) : ' ';
                if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\') {
                    pos--;
                    throw error("a backslash must escape ', {, } or \\ (write \\\\ for a backslash)");
                }
                pos++;
                value.append(escaped);
                piece.append(escaped);
            } else if (c == '{' && pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                value.append("{}");
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                value.append(c);
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return new Argument.Literal(Nodes.FACTORY.textNode(value.toString()), List.copyOf(pieces));
    }

    /** A path runs to the next ',' or ')' outside brackets, parentheses and quotes. */
    private Argument path() {
        int end = CompiledPath.end(text, pos, true);
        if (end < 0) {
            throw error("the brackets, parentheses or quotes of the path do not balance");
        }
        String path = text.substring(pos, end).trim();
        pos = end;
        try {
            return new Argument.PathArgument(CompiledPath.compile(path));
        } catch (PathSyntaxException e) {
            throw new PathSyntaxException("'" + text + "' is not a valid intrinsic function call: " + e.getMessage());
        }
    }

    private Argument number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE+-".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String token = text.substring(start, pos);
        try {
            return new Argument.Literal(JsonReading.tree(token), null);
        } catch (JsonProcessingException | RuntimeException e) {
            pos = start;
            throw error("'" + token + "' is not a number");
        }
    }

    private boolean keyword(String word) {
        int end = pos + word.length();
        if (text.startsWith(word, pos) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private PathSyntaxException error(String what) {
        return new PathSyntaxException("'" + text + "' is not a valid intrinsic function call: " + what
                + " (at position " + (pos + 1) + ")");
    }
}
