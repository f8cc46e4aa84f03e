package dev.aslunit.internal.jsonata;

/**
 * AWS's rules for workflow variable names ("Passing data between states with variables",
 * https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html): a name is a Unicode
 * identifier (the first character a letter or other identifier start, the others identifier
 * characters: letters, digits, connector punctuation such as {@code _}, combining marks), at most
 * {@value #MAX_LENGTH} characters, and not the reserved {@code states}. In a JSONPath state an
 * {@code Assign} key ending in {@code .$} assigns the variable named without that suffix.
 */
public final class VariableNames {

    /** The longest name AWS accepts. */
    public static final int MAX_LENGTH = 80;

    /** The reserved name: {@code $states} is Step Functions' own variable. */
    public static final String RESERVED = "states";

    private VariableNames() {
    }

    /** The variable an {@code Assign} key names: the key itself, or without {@code .$} in JSONPath states. */
    public static String variableName(String assignKey, boolean jsonPath) {
        return jsonPath && assignKey.endsWith(".$") ? assignKey.substring(0, assignKey.length() - 2) : assignKey;
    }

    /** Whether {@code name} is a name AWS accepts for a variable. */
    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    /** Why AWS refuses {@code name} as a variable name, or {@code null} when it accepts it. */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "a variable name cannot be empty";
        }
        if (name.equals(RESERVED)) {
            return "'states' is reserved for Step Functions' own $states variable";
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return "a variable name has at most " + MAX_LENGTH + " characters";
        }
        int first = name.codePointAt(0);
        if (!Character.isUnicodeIdentifierStart(first)) {
            return "a variable name must start with a letter";
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c)) {
                return "'" + new String(Character.toChars(c)) + "' cannot appear in a variable name";
            }
            i += Character.charCount(c);
        }
        return null;
    }
}
