package dev.aslunit.internal.definition;

/** Every data-test operator of ASL's Choice state, as AWS spells it. */
public enum ComparisonOperator {
    STRING_EQUALS("StringEquals"), STRING_EQUALS_PATH("StringEqualsPath"),
    STRING_LESS_THAN("StringLessThan"), STRING_LESS_THAN_PATH("StringLessThanPath"),
    STRING_GREATER_THAN("StringGreaterThan"), STRING_GREATER_THAN_PATH("StringGreaterThanPath"),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals"), STRING_LESS_THAN_EQUALS_PATH("StringLessThanEqualsPath"),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals"), STRING_GREATER_THAN_EQUALS_PATH("StringGreaterThanEqualsPath"),
    STRING_MATCHES("StringMatches"),
    NUMERIC_EQUALS("NumericEquals"), NUMERIC_EQUALS_PATH("NumericEqualsPath"),
    NUMERIC_LESS_THAN("NumericLessThan"), NUMERIC_LESS_THAN_PATH("NumericLessThanPath"),
    NUMERIC_GREATER_THAN("NumericGreaterThan"), NUMERIC_GREATER_THAN_PATH("NumericGreaterThanPath"),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals"), NUMERIC_LESS_THAN_EQUALS_PATH("NumericLessThanEqualsPath"),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals"), NUMERIC_GREATER_THAN_EQUALS_PATH("NumericGreaterThanEqualsPath"),
    BOOLEAN_EQUALS("BooleanEquals"), BOOLEAN_EQUALS_PATH("BooleanEqualsPath"),
    TIMESTAMP_EQUALS("TimestampEquals"), TIMESTAMP_EQUALS_PATH("TimestampEqualsPath"),
    TIMESTAMP_LESS_THAN("TimestampLessThan"), TIMESTAMP_LESS_THAN_PATH("TimestampLessThanPath"),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan"), TIMESTAMP_GREATER_THAN_PATH("TimestampGreaterThanPath"),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals"), TIMESTAMP_LESS_THAN_EQUALS_PATH("TimestampLessThanEqualsPath"),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals"),
    TIMESTAMP_GREATER_THAN_EQUALS_PATH("TimestampGreaterThanEqualsPath"),
    IS_NULL("IsNull"), IS_PRESENT("IsPresent"), IS_NUMERIC("IsNumeric"), IS_STRING("IsString"),
    IS_BOOLEAN("IsBoolean"), IS_TIMESTAMP("IsTimestamp");

    private final String aslName;

    ComparisonOperator(String aslName) {
        this.aslName = aslName;
    }

    public String aslName() {
        return aslName;
    }

    /** {@code true} for the {@code *Path} variants, whose operand is a reference path. */
    public boolean comparesWithPath() {
        return aslName.endsWith("Path");
    }

    /** @return the operator, or {@code null} when {@code name} is not one */
    public static ComparisonOperator fromAsl(String name) {
        for (ComparisonOperator op : values()) {
            if (op.aslName.equals(name)) {
                return op;
            }
        }
        return null;
    }
}
