package dev.aslunit.internal.definition;

/** The two query languages of ASL; JSONPath is AWS's default. */
public enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    private final String aslName;

    QueryLanguage(String aslName) {
        this.aslName = aslName;
    }

    /** The spelling used in ASL's {@code QueryLanguage} field. */
    public String aslName() {
        return aslName;
    }

    /** @return the language, or {@code null} for a spelling AWS does not accept */
    public static QueryLanguage fromAsl(String name) {
        for (QueryLanguage q : values()) {
            if (q.aslName.equals(name)) {
                return q;
            }
        }
        return null;
    }
}
