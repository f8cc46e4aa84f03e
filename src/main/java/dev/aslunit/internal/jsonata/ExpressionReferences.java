package dev.aslunit.internal.jsonata;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an expression's text refers to, read token by token outside string literals, backquoted
 * names, comments and regular expressions: every {@code $name}; the workflow variables among them
 * (not {@code $states}, not names the expression binds itself with {@code :=}, as lambda
 * parameters or as {@code #$i} positional and {@code @$o} context variables, not functions it calls
 * or JSONata's and Step Functions' own functions); the fields it reads of {@code $states}; and
 * whether it uses {@code $$}. Works for JSONPath reference paths and
 * intrinsic calls as well ({@code $.a} and {@code $$.Execution} name no variable).
 */
final class ExpressionReferences {

    /** JSONata 2.0's function library and the functions Step Functions adds. */
    private static final Set<String> FUNCTIONS = Set.of("sum", "count", "max", "min", "average", "string",
            "substring", "substringBefore", "substringAfter", "lowercase", "uppercase", "length", "trim", "pad",
            "match", "contains", "replace", "split", "join", "formatNumber", "formatBase", "formatInteger",
            "parseInteger", "number", "floor", "ceil", "round", "abs", "sqrt", "power", "random", "boolean", "not",
            "map", "zip", "filter", "single", "reduce", "sift", "keys", "lookup", "append", "exists", "spread",
            "merge", "reverse", "each", "error", "assert", "type", "sort", "shuffle", "distinct", "base64encode",
            "base64decode", "encodeUrlComponent", "encodeUrl", "decodeUrlComponent", "decodeUrl", "eval", "toMillis",
            "fromMillis", "clone", "now", "millis", "partition", "range", "hash", "uuid", "parse");

    /** Every name written after a {@code $} (bound at evaluation when the scope has a value for it). */
    final Set<String> names = new LinkedHashSet<>();
    /** The workflow variables the expression reads. */
    final Set<String> variables = new LinkedHashSet<>();
    /** The fields read directly off {@code $states}: {@code input}, {@code result}... */
    final Set<String> statesFields = new LinkedHashSet<>();
    /** Whether {@code $$} appears. */
    boolean rootContext;

    private final String text;
    private final Set<String> locals = new LinkedHashSet<>();
    private final Set<String> called = new LinkedHashSet<>();
    private int i;

    private ExpressionReferences(String text) {
        this.text = text;
    }

    static ExpressionReferences of(String text) {
        ExpressionReferences refs = new ExpressionReferences(text);
        refs.scan();
        for (String name : refs.names) {
            if (!name.equals(VariableNames.RESERVED) && !refs.locals.contains(name) && !refs.called.contains(name)
                    && !FUNCTIONS.contains(name)) {
                refs.variables.add(name);
            }
        }
        return refs;
    }

    private void scan() {
        int n = text.length();
        boolean params = false;
        int depth = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipQuoted(c);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '/' && regexMayStart()) {
                i = skipQuoted('/');
            } else if (c == '$') {
                variable(params);
            } else if (startsWord("function") || c == 'λ') {
                i += c == 'λ' ? 1 : "function".length();
                skipSpace();
                if (i < n && text.charAt(i) == '(') {
                    params = true;
                    depth = 0;
                }
            } else {
                if (params && c == '(') {
                    depth++;
                } else if (params && c == ')' && --depth == 0) {
                    params = false;
                }
                i++;
            }
        }
    }

    private void variable(boolean params) {
        int n = text.length();
        // `items#$i` and `items@$o` bind a positional and a context variable, as := does
        boolean binds = bindsAfter(i);
        i++;
        if (i < n && text.charAt(i) == '$') {
            rootContext = true;
            i++;
            return;
        }
        int start = i;
        while (i < n && Character.isUnicodeIdentifierPart(text.charAt(i))) {
            i++;
        }
        if (i == start) {
            return;
        }
        String name = text.substring(start, i);
        names.add(name);
        int after = i;
        skipSpace();
        if (params || binds) {
            locals.add(name);
        } else if (text.startsWith(":=", i)) {
            locals.add(name);
        } else if (i < n && text.charAt(i) == '(') {
            called.add(name);
        } else if (name.equals(VariableNames.RESERVED) && i < n && text.charAt(i) == '.') {
            i++;
            skipSpace();
            int field = i;
            if (i < n && text.charAt(i) == '`') {
                int end = text.indexOf('`', i + 1);
                statesFields.add(text.substring(i + 1, end < 0 ? n : end));
                i = end < 0 ? n : end + 1;
            } else {
                while (i < n && Character.isUnicodeIdentifierPart(text.charAt(i))) {
                    i++;
                }
                statesFields.add(text.substring(field, i));
            }
            return;
        }
        i = after;
    }

    private boolean bindsAfter(int dollar) {
        int k = dollar - 1;
        while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
            k--;
        }
        return k >= 0 && (text.charAt(k) == '#' || text.charAt(k) == '@');
    }

    private boolean startsWord(String word) {
        return text.startsWith(word, i) && (i == 0 || !Character.isUnicodeIdentifierPart(text.charAt(i - 1)))
                && (i + word.length() >= text.length()
                        || !Character.isUnicodeIdentifierPart(text.charAt(i + word.length())));
    }

    /** A slash starts a regex where an operand is expected: at the start or after an operator. */
    private boolean regexMayStart() {
        for (int j = i - 1; j >= 0; j--) {
            char p = text.charAt(j);
            if (!Character.isWhitespace(p)) {
                return "([{,:;?=!<>&|+-*%~".indexOf(p) >= 0;
            }
        }
        return true;
    }

    private void skipSpace() {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
    }

    private int skipQuoted(char quote) {
        int j = i + 1;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == '\\' && quote != '`') {
                j += 2;
            } else if (c == quote) {
                return j + 1;
            } else {
                j++;
            }
        }
        return j;
    }
}
