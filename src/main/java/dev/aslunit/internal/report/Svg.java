package dev.aslunit.internal.report;

import java.util.Locale;

/**
 * Draws a {@link Layout} as inline SVG with its own style, so the picture is the same in a report
 * page, a single execution's page or on its own. Only the page's text is escaped into it.
 */
final class Svg {

    static final String STYLE = """
        .wf text{font:12px -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;fill:#16191f}
        .wf .note{font-size:10.5px;fill:#545b64}
        .wf .st rect{fill:#fff;stroke:#879596;stroke-width:1.2}
        .wf .st.ok rect,.wf .st.covered rect{fill:#e9f5ea;stroke:#1d8102;stroke-width:2}
        .wf .st.failed rect{fill:#fde7e7;stroke:#d13212;stroke-width:2}
        .wf .st.caught rect{fill:#fff4e0;stroke:#e07b00;stroke-width:2}
        .wf .st.running rect{fill:#e6f2fb;stroke:#0073bb;stroke-width:2}
        .wf .st.unvisited rect{fill:#fafafa;stroke:#aab7b8;stroke-dasharray:4 3}
        .wf .st.uncovered rect{fill:#fde7e7;stroke:#d13212;stroke-width:1.5;stroke-dasharray:5 3}
        .wf .st.unvisited text{fill:#879596}
        .wf .lane{fill:none;stroke:#d5dbdb;stroke-dasharray:3 3}
        .wf .ed{fill:none;stroke:#aab7b8;stroke-width:1.2;marker-end:url(#ah)}
        .wf .ed.taken{stroke:#1d8102;stroke-width:2.4;marker-end:url(#aht)}
        .wf .ed.untaken{stroke:#d13212;stroke-dasharray:5 4}
        .wf .ed.unused{stroke:#c4cccc;stroke-dasharray:2 3}
        .wf .lbl{font-size:10.5px;fill:#545b64}
        .wf .lbl.untaken{fill:#d13212}
        .wf .kind{font-size:9.5px;fill:#879596;text-transform:uppercase;letter-spacing:.04em}
        """;

    private final StringBuilder out = new StringBuilder();
    private final Paint paint;
    private final WorkflowGraph graph;

    private Svg(WorkflowGraph graph, Paint paint) {
        this.graph = graph;
        this.paint = paint;
    }

    /** The whole definition as one {@code <svg>} element. */
    static String render(WorkflowGraph graph, Paint paint, String title) {
        Layout.Block top = Layout.of(graph, paint);
        Svg svg = new Svg(graph, paint);
        svg.document(top, title);
        return svg.out.toString();
    }

    private void document(Layout.Block top, String title) {
        out.append("<svg class=\"wf\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(n(top.w))
                .append("\" height=\"").append(n(top.h)).append("\" viewBox=\"0 0 ").append(n(top.w)).append(' ')
                .append(n(top.h)).append("\"><title>").append(Html.escape(title)).append("</title><style>")
                .append(STYLE).append("</style><defs>")
                .append("<marker id=\"ah\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" "
                        + "orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"#aab7b8\"/></marker>")
                .append("<marker id=\"aht\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" "
                        + "orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"#1d8102\"/></marker>")
                .append("</defs>");
        Layout.Node start = top.nodes.get(top.machine.definition().startAt());
        if (start != null) {
            double cx = start.cx();
            out.append("<g class=\"start\"><rect x=\"").append(n(cx - 24)).append("\" y=\"4\" width=\"48\" height=\"18\" rx=\"9\" "
                    + "fill=\"#545b64\"/><text x=\"").append(n(cx)).append("\" y=\"17\" text-anchor=\"middle\" "
                    + "style=\"fill:#fff;font-size:10.5px\">Start</text><path class=\"ed taken\" d=\"M")
                    .append(n(cx)).append(" 22V").append(n(start.y)).append("\"/></g>");
        }
        block(top, 0, 0);
        out.append("</svg>");
    }

    private void block(Layout.Block b, double ox, double oy) {
        for (Layout.Route r : b.routes) {
            double[] p = r.points();
            String cls = paint.edgeClass(r.edge());
            out.append("<path class=\"ed ").append(cls).append("\" data-from=\"").append(Html.escape(r.edge().from()))
                    .append("\" data-to=\"").append(Html.escape(r.edge().to())).append("\" d=\"M");
            for (int i = 0; i < p.length; i += 2) {
                out.append(i == 0 ? "" : "L").append(n(ox + p[i])).append(' ').append(n(oy + p[i + 1]));
            }
            out.append("\"/>");
            String label = paint.edgeLabel(r.edge());
            if (!label.isEmpty()) {
                out.append("<text class=\"lbl ").append(cls).append("\" x=\"").append(n(ox + r.labelX())).append("\" y=\"")
                        .append(n(oy + r.labelY())).append("\">").append(Html.escape(label)).append("</text>");
            }
        }
        for (Layout.Node node : b.nodes.values()) {
            node(node, ox, oy);
        }
    }

    private void node(Layout.Node node, double ox, double oy) {
        double x = ox + node.x;
        double y = oy + node.y;
        String type = graph.state(node.state).type();
        out.append("<g class=\"st ").append(paint.stateClass(node.state)).append(node.container() ? " box" : "")
                .append("\" data-state=\"").append(Html.escape(node.state)).append("\" data-type=\"").append(type)
                .append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(node.w)).append("\" height=\"").append(n(node.h)).append("\" rx=\"")
                .append(node.container() ? "6" : "4").append("\"/>");
        double textX = node.container() ? x + 10 : x + node.w / 2;
        String anchor = node.container() ? "start" : "middle";
        out.append("<text x=\"").append(n(textX)).append("\" y=\"").append(n(y + 21)).append("\" text-anchor=\"")
                .append(anchor).append("\">").append(Html.escape(node.state)).append("</text>");
        if (node.container()) {
            out.append("<text class=\"kind\" x=\"").append(n(x + node.w - 8)).append("\" y=\"").append(n(y + 21))
                    .append("\" text-anchor=\"end\">").append(type).append("</text>");
        }
        double ny = y + 21 + Layout.LINE;
        for (String note : node.notes) {
            out.append("<text class=\"note\" x=\"").append(n(textX)).append("\" y=\"").append(n(ny))
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(Html.escape(note)).append("</text>");
            ny += Layout.LINE;
        }
        for (Layout.Block inner : node.inner) {
            double bx = x + inner.x;
            double by = y + inner.y;
            out.append("<rect class=\"lane\" x=\"").append(n(bx)).append("\" y=\"").append(n(by)).append("\" width=\"")
                    .append(n(inner.w)).append("\" height=\"").append(n(inner.h)).append("\" rx=\"4\"/>");
            block(inner, bx, by);
        }
        out.append("</g>");
    }

    static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
