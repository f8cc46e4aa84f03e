package dev.aslunit.internal.definition.load.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resolution of a state machine: a resolver per stack (each with its own pseudo parameters),
 * the exports of the whole app for {@code Fn::ImportValue}, and what could not be resolved.
 */
final class Resolution {

    record Export(Stack stack, String outputName) {
    }

    private final CloudAssembly assembly;
    private final String region;
    private final String accountId;
    private final Map<Stack, Resolver> resolvers = new IdentityHashMap<>();
    private final List<CdkUnresolvedToken> unresolved = new ArrayList<>();
    private final Set<Stack> stacksUsed = new LinkedHashSet<>();
    private Map<String, Export> exports;

    /** @param region the user's choice, or null for the stack's environment or the default */
    Resolution(CloudAssembly assembly, String region, String accountId) {
        this.assembly = assembly;
        this.region = region;
        this.accountId = accountId;
    }

    Resolver resolver(Stack stack) {
        return resolvers.computeIfAbsent(stack, s -> new Resolver(s, new Environment(
                first(region, s.region(), CdkApp.DEFAULT_REGION),
                first(accountId, s.accountId(), CdkApp.DEFAULT_ACCOUNT_ID),
                s.stackName()), this));
    }

    /** The stack (and output) exporting {@code name}, or null. */
    Export export(String name) {
        if (exports == null) {
            exports = new HashMap<>();
            for (Stack s : assembly.stacks()) {
                s.section("Outputs").fields().forEachRemaining(o -> {
                    JsonNode exportName = o.getValue().path("Export").get("Name");
                    if (exportName != null) {
                        String ptr = "/Outputs/" + o.getKey() + "/Export/Name";
                        exports.putIfAbsent(resolver(s).text(exportName, ptr).toString(), new Export(s, o.getKey()));
                    }
                });
            }
        }
        return exports.get(name);
    }

    /** The stack nested in {@code parent} as its resource {@code logicalId}, or null. */
    Stack nestedStack(Stack parent, String logicalId) {
        for (Stack s : assembly.stacks()) {
            if (s.parent() == parent && logicalId.equals(s.parentResource())) {
                return s;
            }
        }
        return null;
    }

    void unresolved(CdkUnresolvedToken token) {
        unresolved.add(token);
    }

    /** The unresolved tokens whose placeholder is in {@code text}, once each. */
    List<CdkUnresolvedToken> unresolvedIn(String text) {
        Map<String, CdkUnresolvedToken> out = new LinkedHashMap<>();
        for (CdkUnresolvedToken t : unresolved) {
            if (text.contains(t.placeholder())) {
                out.putIfAbsent(t.placeholder(), t);
            }
        }
        return List.copyOf(out.values());
    }

    void used(Stack stack) {
        stacksUsed.add(stack);
    }

    /** The state machine's stack and the ones it imports from. */
    Set<Stack> stacksUsed() {
        return stacksUsed;
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
