package dev.aslunit.internal.definition;

/** Where a state goes when it is done: to {@code next}, or the end of its machine. */
public record Transition(String next, boolean end) {

    public static Transition to(String next) {
        return new Transition(next, false);
    }

    public static Transition ending() {
        return new Transition(null, true);
    }
}
