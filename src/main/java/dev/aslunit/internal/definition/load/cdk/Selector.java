package dev.aslunit.internal.definition.load.cdk;

import dev.aslunit.internal.definition.ClosestName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Picks a state machine of the app by construct path or logical id, and says which there are when none matches. */
final class Selector {

    private Selector() {
    }

    static CdkApp.Entry select(List<CdkApp.Entry> entries, String selector, String app) {
        if (entries.isEmpty()) {
            throw new CdkLoadException(app + " has no state machine (no resource of type "
                    + "AWS::StepFunctions::StateMachine in its templates).");
        }
        if (selector == null || selector.isBlank()) {
            if (entries.size() == 1) {
                return entries.get(0);
            }
            throw new CdkLoadException(app + " has " + entries.size() + " state machines; choose one by its "
                    + "construct path (or logical id):" + listing(entries));
        }
        String wanted = Stack.withoutResourceSuffix(selector.strip().replaceFirst("^/", ""));
        for (CdkApp.Entry e : entries) {
            if (wanted.equals(e.constructPath())) {
                return e;
            }
        }
        List<CdkApp.Entry> byId = entries.stream()
                .filter(e -> wanted.equals(e.logicalId()) || wanted.equals(e.stack().stackName() + "/" + e.logicalId()))
                .toList();
        if (byId.size() == 1) {
            return byId.get(0);
        }
        if (byId.size() > 1) {
            throw new CdkLoadException("\"" + selector + "\" is the logical id of a state machine in "
                    + byId.size() + " stacks of " + app + "; choose one by its construct path:" + listing(byId));
        }
        String near = nearest(wanted, entries);
        throw new CdkLoadException("No state machine \"" + selector + "\" in " + app + "."
                + (near == null ? "" : " Did you mean \"" + near + "\"?")
                + " The state machines there are:" + listing(entries));
    }

    private static String listing(List<CdkApp.Entry> entries) {
        int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        return entries.stream()
                .map(e -> "\n  " + String.format("%-" + width + "s", e.name()) + "  (logical id " + e.logicalId()
                        + " in " + e.stack().file().name() + ")")
                .collect(Collectors.joining());
    }

    private static String nearest(String wanted, List<CdkApp.Entry> entries) {
        Map<String, String> nameByCandidate = new LinkedHashMap<>();
        for (CdkApp.Entry e : entries) {
            nameByCandidate.putIfAbsent(e.name(), e.name());
            nameByCandidate.putIfAbsent(e.logicalId(), e.name());
        }
        ClosestName.Match match = ClosestName.nearest(wanted, nameByCandidate.keySet());
        return match != null && match.distance() <= Math.max(2, wanted.length() / 3)
                ? nameByCandidate.get(match.name()) : null;
    }
}
