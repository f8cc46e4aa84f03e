package dev.aslunit.cucumber;

import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StepFunctionsConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The prepared state machines of the scenarios, shared by every scenario of the JVM: Cucumber has
 * no store that outlives a scenario (JUnit's root store is what the extension uses), so this is the
 * one static state of the glue. A prepared machine is immutable; each scenario still gets its own
 * sandbox from it.
 *
 * <p>Each key is prepared once even when scenarios run in parallel: the first scenario prepares it
 * and the others wait for its result. A failure is not kept: the scenario that prepared throws its
 * exception, and every scenario that waited prepares again, so each step fails with its own
 * exception and the same message as without the cache. The least recently used machines are
 * forgotten beyond {@code capacity}, so a long-running JVM does not keep every definition it ever saw.
 */
final class PreparedMachines {

    /** Enough for every workflow of a large suite; a forgotten one is only prepared again. */
    static final PreparedMachines SHARED = new PreparedMachines(64);

    private final Map<Object, CompletableFuture<PreparedStateMachine>> machines;

    PreparedMachines(int capacity) {
        this.machines = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, CompletableFuture<PreparedStateMachine>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The configured definition, prepared for the scenarios (found as the JUnit extension finds it). */
    PreparedStateMachine prepare(StepFunctionsConfig config) {
        return PreparedStateMachine.prepare(config, null, this::get);
    }

    PreparedStateMachine get(Object key, Supplier<PreparedStateMachine> prepare) {
        CompletableFuture<PreparedStateMachine> mine = new CompletableFuture<>();
        CompletableFuture<PreparedStateMachine> first;
        synchronized (machines) {
            first = machines.putIfAbsent(key, mine);
        }
        if (first != null) {
            try {
                return first.join();
            } catch (CompletionException failed) {
                return prepare.get();
            }
        }
        try {
            PreparedStateMachine prepared = prepare.get();
            mine.complete(prepared);
            return prepared;
        } catch (RuntimeException | Error e) {
            synchronized (machines) {
                machines.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
