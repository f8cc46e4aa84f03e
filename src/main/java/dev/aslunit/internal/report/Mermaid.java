package dev.aslunit.internal.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A definition as a Mermaid {@code stateDiagram-v2} (GitHub renders it in Markdown): Map and
 * Parallel states are composite states (a Parallel's branches separated by {@code --}), and each
 * state carries its paint's class, so uncovered or failed states stand out.
 */
final class Mermaid {

    private static final String CLASSES = """
            classDef ok fill:#e9f5ea,stroke:#1d8102,stroke-width:2px
            classDef covered fill:#e9f5ea,stroke:#1d8102,stroke-width:2px
            classDef failed fill:#fde7e7,stroke:#d13212,stroke-width:2px
            classDef caught fill:#fff4e0,stroke:#e07b00,stroke-width:2px
            classDef running fill:#e6f2fb,stroke:#0073bb,stroke-width:2px
            classDef unvisited fill:#fafafa,stroke:#aab7b8,stroke-dasharray:4 3,color:#879596
            classDef uncovered fill:#fde7e7,stroke:#d13212,stroke-width:2px,stroke-dasharray:5 3
        """;

    private final WorkflowGraph graph;
    private final Paint paint;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    private Mermaid(WorkflowGraph graph, Paint paint) {
        this.graph = graph;
        this.paint = paint;
        for (String s : graph.states().keySet()) {
            ids.put(s, "s" + ids.size());
        }
    }

    static String render(WorkflowGraph graph, Paint paint) {
        Mermaid m = new Mermaid(graph, paint);
        m.out.append("stateDiagram-v2\n");
        m.machine(graph.top(), "    ");
        m.out.append(CLASSES);
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        for (String s : graph.states().keySet()) {
            byClass.computeIfAbsent(paint.stateClass(s), k -> new ArrayList<>()).add(m.ids.get(s));
        }
        for (Map.Entry<String, List<String>> e : byClass.entrySet()) {
            m.out.append("    class ").append(String.join(",", e.getValue())).append(' ').append(e.getKey()).append('\n');
        }
        return m.out.toString();
    }

    private void machine(WorkflowGraph.Machine machine, String indent) {
        for (String s : machine.states()) {
            String id = ids.get(s);
            String label = s;
            List<String> notes = paint.notes(s);
            if (!notes.isEmpty()) {
                label += "<br/><small>" + String.join("<br/>", notes) + "</small>";
            }
            out.append(indent).append("state \"").append(text(label)).append("\" as ").append(id).append('\n');
            List<WorkflowGraph.Machine> children = graph.children(s);
            if (!children.isEmpty()) {
                out.append(indent).append("state ").append(id).append(" {\n");
                for (int i = 0; i < children.size(); i++) {
                    if (i > 0) {
                        out.append(indent).append("    --\n");
                    }
                    machine(children.get(i), indent + "    ");
                }
                out.append(indent).append("}\n");
            }
        }
        String start = machine.definition().startAt();
        if (ids.containsKey(start)) {
            out.append(indent).append("[*] --> ").append(ids.get(start)).append('\n');
        }
        for (String s : machine.states()) {
            for (WorkflowGraph.Edge e : graph.edgesFrom(s)) {
                if (ids.containsKey(e.to())) {
                    String label = paint.edgeLabel(e);
                    out.append(indent).append(ids.get(s)).append(" --> ").append(ids.get(e.to()))
                            .append(label.isEmpty() ? "" : " : " + text(label)).append('\n');
                }
            }
            String type = graph.state(s).type();
            boolean ends = type.equals("Succeed") || type.equals("Fail")
                    || (graph.state(s).transition() != null && graph.state(s).transition().end());
            if (ends) {
                out.append(indent).append(ids.get(s)).append(" --> [*]\n");
            }
        }
    }

    /** Mermaid has no escape for quotes and colons in labels; its numeric entity codes ({@code #58;}) work. */
    private static String text(String s) {
        return s.replace(";", "#59;").replace("\"", "#34;").replace(":", "#58;").replace("\n", " ");
    }
}
