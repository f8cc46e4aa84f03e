package dev.aslunit.internal.pipeline;

import dev.aslunit.StepFunctionsConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Mutation testing's seam: a suite (a JUnit class, Cucumber scenarios, test-file cases) run
 * {@linkplain #run inside} a scope, on the scope's thread, sees a definition loaded from a file or
 * a resource replaced by a mutant's text, reports every definition it loads, and can be stopped.
 *
 * <p>Every front end loads a definition from a path through {@code PreparedStateMachine.prepare},
 * which asks {@link #loaded} first; so the Cucumber glue and the test-file runner, which have no
 * channel from the run that starts them, get the mutant without knowing about mutation testing. A
 * scope belongs to one thread, so mutants run in parallel on different threads share nothing: the
 * suite must run on the thread that entered the scope (mutation testing turns the JUnit Platform's
 * parallel execution off).
 */
public final class MutantScope {

    private static final ThreadLocal<MutantScope> CURRENT = new ThreadLocal<>();

    /** A definition loaded in a scope: where it was found, and how the suite asked for it. */
    public record Load(String identity, StepFunctionsConfig config, Class<?> anchor) {
    }

    private final String identity;
    private final String replacement;
    private final Consumer<Load> loads;
    private volatile boolean stopped;

    private MutantScope(String identity, String replacement, Consumer<Load> loads) {
        this.identity = identity;
        this.replacement = replacement;
        this.loads = loads;
    }

    /** A scope that replaces nothing and hears of every definition loaded in it (the unmutated run). */
    public static MutantScope recording(Consumer<Load> loads) {
        return new MutantScope(null, null, Objects.requireNonNull(loads, "loads"));
    }

    /**
     * A scope in which the definition {@code identity} ({@link #identity}) reads as {@code mutant};
     * a {@code null} identity replaces nothing (the suite gets the mutant another way).
     */
    public static MutantScope replacing(String identity, String mutant) {
        return new MutantScope(identity, mutant, load -> { });
    }

    /** What a definition is, the same however a suite names it: the file or resource found, and the template's logical id. */
    public static String identity(String found, String logicalId) {
        return logicalId == null ? found : found + "#" + logicalId;
    }

    /** The scope of this thread, if it runs a suite for mutation testing. */
    public static Optional<MutantScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code suite} on this thread inside this scope. */
    public <T> T run(Supplier<T> suite) {
        MutantScope outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return suite.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Hears of a definition loaded from a path; returns the text to load instead, or {@code null} for the file's own. */
    public String loaded(String identity, StepFunctionsConfig config, Class<?> anchor) {
        loads.accept(new Load(identity, config, anchor));
        return identity.equals(this.identity) ? replacement : null;
    }

    /**
     * Ends the suite's work early: every sandbox made in this scope stops at its clock's next action
     * (the mutant's time is up, or a test already killed it).
     */
    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped;
    }
}
