package dev.aslunit;

import dev.aslunit.internal.facts.ExecutionRecord;
import dev.aslunit.internal.facts.VisitRecord;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result API's objects over one {@link ExecutionRecord}: one {@link StateVisit} per visit, made once. */
final class ExecutionView {

    final ExecutionRecord record;
    private final Map<VisitRecord, StateVisit> visits;
    final List<StateVisit> inOrder;
    final Map<String, List<StateVisit>> byState;
    final List<String> entered;

    ExecutionView(ExecutionRecord record) {
        this.record = record;
        // sized for the visits: a view is made for each Distributed Map child the coverage counts,
        // most of them a visit or two, where the default tables are 32 and 16 entries
        this.visits = new IdentityHashMap<>(record.visits().size());
        this.byState = new LinkedHashMap<>(Math.max(4, record.visits().size() * 2));
        List<StateVisit> all = new ArrayList<>(record.visits().size());
        List<String> names = new ArrayList<>(record.visits().size());
        for (VisitRecord v : record.visits()) {
            StateVisit visit = new StateVisit(this, v);
            visits.put(v, visit);
            all.add(visit);
            names.add(v.state());
            byState.computeIfAbsent(v.state(), k -> new ArrayList<>()).add(visit);
        }
        this.inOrder = List.copyOf(all);
        this.entered = List.copyOf(names);
    }

    List<StateVisit> visits(List<VisitRecord> records) {
        List<StateVisit> out = new ArrayList<>(records.size());
        for (VisitRecord r : records) {
            out.add(visits.get(r));
        }
        return List.copyOf(out);
    }
}
