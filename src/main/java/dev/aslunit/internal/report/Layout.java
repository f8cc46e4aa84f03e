package dev.aslunit.internal.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small layered (Sugiyama-style) layout, top to bottom as the Step Functions console draws a
 * workflow: states are ranked by the longest path from {@code StartAt} over the transitions that do
 * not loop back, each rank is ordered by the barycentre of its predecessors, and transitions that
 * loop back run up a lane on the right. Map and Parallel states are containers that hold the layout
 * of their item processor or branches. Deterministic: the same definition gives the same picture.
 */
final class Layout {

    static final double CHAR_WIDTH = 7.0;
    static final double LINE = 14;
    static final double NODE_HEIGHT = 34;
    static final double H_GAP = 28;
    static final double V_GAP = 46;
    static final double PAD = 16;
    static final double LANE = 12;

    /** A state's box, relative to its block's origin. */
    static final class Node {
        final String state;
        final List<String> notes;
        final List<Block> inner = new ArrayList<>();
        double x;
        double y;
        double w;
        double h;
        int rank;

        Node(String state, List<String> notes) {
            this.state = state;
            this.notes = notes;
        }

        double cx() {
            return x + w / 2;
        }

        boolean container() {
            return !inner.isEmpty();
        }

        double header() {
            return NODE_HEIGHT + LINE * notes.size();
        }
    }

    /** A transition's route: {@code back} ones loop up the right-hand lane, as do forward ones that would cross a state. */
    record Route(WorkflowGraph.Edge edge, double[] points, boolean back, double labelX, double labelY) {
    }

    /** One state machine laid out: its nodes and routes, and its size; {@code x}/{@code y} place it in its parent. */
    static final class Block {
        final WorkflowGraph.Machine machine;
        final Map<String, Node> nodes = new LinkedHashMap<>();
        final List<Route> routes = new ArrayList<>();
        double x;
        double y;
        double w;
        double h;
        double startY;

        Block(WorkflowGraph.Machine machine) {
            this.machine = machine;
        }
    }

    private final WorkflowGraph graph;
    private final Paint paint;

    private Layout(WorkflowGraph graph, Paint paint) {
        this.graph = graph;
        this.paint = paint;
    }

    /** Lays out the whole definition; the top block leaves room above for the Start marker. */
    static Block of(WorkflowGraph graph, Paint paint) {
        return new Layout(graph, paint).block(graph.top(), true);
    }

    static double textWidth(String s) {
        return s.length() * CHAR_WIDTH;
    }

    private Block block(WorkflowGraph.Machine machine, boolean top) {
        Block b = new Block(machine);
        for (String s : machine.states()) {
            Node n = new Node(s, paint.notes(s));
            double w = textWidth(s) + 28;
            for (String note : n.notes) {
                w = Math.max(w, textWidth(note) * 0.9 + 20);
            }
            n.w = Math.max(120, w);
            n.h = n.header();
            List<WorkflowGraph.Machine> children = graph.children(s);
            if (!children.isEmpty()) {
                double innerW = 0;
                double innerH = 0;
                for (WorkflowGraph.Machine child : children) {
                    Block c = block(child, false);
                    c.x = PAD + innerW + (n.inner.isEmpty() ? 0 : H_GAP);
                    innerW = c.x + c.w - PAD;
                    innerH = Math.max(innerH, c.h);
                    n.inner.add(c);
                }
                n.w = Math.max(n.w, innerW + 2 * PAD);
                double shift = (n.w - 2 * PAD - innerW) / 2;
                for (Block c : n.inner) {
                    c.x += shift;
                    c.y = n.header();
                }
                n.h = n.header() + innerH + PAD;
            }
            b.nodes.put(s, n);
        }
        rank(b);
        place(b, top ? NODE_HEIGHT : PAD);
        route(b);
        return b;
    }

    /** Ranks by longest path over the transitions that do not close a cycle, found by a depth-first search from StartAt. */
    private void rank(Block b) {
        Set<String> visited = new HashSet<>();
        Set<String> onStack = new HashSet<>();
        List<String> postOrder = new ArrayList<>();
        Set<Long> backEdges = new HashSet<>();
        List<String> roots = new ArrayList<>();
        roots.add(b.machine.definition().startAt());
        roots.addAll(b.machine.states());
        for (String root : roots) {
            if (root != null && b.nodes.containsKey(root) && !visited.contains(root)) {
                dfs(b, root, visited, onStack, postOrder, backEdges);
            }
        }
        for (int i = postOrder.size() - 1; i >= 0; i--) {
            Node n = b.nodes.get(postOrder.get(i));
            for (WorkflowGraph.Edge e : graph.edgesFrom(n.state)) {
                Node to = b.nodes.get(e.to());
                if (to != null && !backEdges.contains(key(e))) {
                    to.rank = Math.max(to.rank, n.rank + 1);
                }
            }
        }
    }

    private void dfs(Block b, String s, Set<String> visited, Set<String> onStack, List<String> postOrder,
            Set<Long> backEdges) {
        visited.add(s);
        onStack.add(s);
        for (WorkflowGraph.Edge e : graph.edgesFrom(s)) {
            if (!b.nodes.containsKey(e.to())) {
                continue;
            }
            if (onStack.contains(e.to())) {
                backEdges.add(key(e));
            } else if (!visited.contains(e.to())) {
                dfs(b, e.to(), visited, onStack, postOrder, backEdges);
            }
        }
        onStack.remove(s);
        postOrder.add(s);
    }

    private static long key(WorkflowGraph.Edge e) {
        return e.id();
    }

    /** Orders each rank by its predecessors' mean position, then centres the ranks' rows. */
    private void place(Block b, double top) {
        List<List<Node>> ranks = new ArrayList<>();
        for (Node n : b.nodes.values()) {
            while (ranks.size() <= n.rank) {
                ranks.add(new ArrayList<>());
            }
            ranks.get(n.rank).add(n);
        }
        Map<String, List<String>> predecessors = new HashMap<>();
        for (Node n : b.nodes.values()) {
            for (WorkflowGraph.Edge e : graph.edgesFrom(n.state)) {
                if (b.nodes.containsKey(e.to()) && b.nodes.get(e.to()).rank > n.rank) {
                    predecessors.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(n.state);
                }
            }
        }
        Map<String, Double> position = new HashMap<>();
        for (List<Node> rank : ranks) {
            for (int i = 0; i < rank.size(); i++) {
                position.put(rank.get(i).state, (double) i);
            }
        }
        for (int sweep = 0; sweep < 2; sweep++) {
            for (int r = 1; r < ranks.size(); r++) {
                List<Node> rank = ranks.get(r);
                Map<String, Double> barycentre = new HashMap<>();
                for (Node n : rank) {
                    List<String> preds = predecessors.getOrDefault(n.state, List.of());
                    double sum = 0;
                    for (String p : preds) {
                        sum += position.get(p);
                    }
                    barycentre.put(n.state, preds.isEmpty() ? position.get(n.state) : sum / preds.size());
                }
                rank.sort((x, y) -> Double.compare(barycentre.get(x.state), barycentre.get(y.state)));
                for (int i = 0; i < rank.size(); i++) {
                    position.put(rank.get(i).state, (double) i);
                }
            }
        }
        double width = 0;
        for (List<Node> rank : ranks) {
            double rowWidth = -H_GAP;
            for (Node n : rank) {
                rowWidth += n.w + H_GAP;
            }
            width = Math.max(width, rowWidth);
        }
        b.startY = top;
        double y = top;
        for (List<Node> rank : ranks) {
            double rowWidth = -H_GAP;
            double rowHeight = 0;
            for (Node n : rank) {
                rowWidth += n.w + H_GAP;
                rowHeight = Math.max(rowHeight, n.h);
            }
            double x = PAD + (width - rowWidth) / 2;
            for (Node n : rank) {
                n.x = x;
                n.y = y;
                x += n.w + H_GAP;
            }
            y += rowHeight + V_GAP;
        }
        b.w = width + 2 * PAD;
        b.h = y - V_GAP + PAD;
    }

    /** Whether a vertical line at {@code x} from below {@code from} down to {@code to} misses every state of the ranks between. */
    private static boolean crossesNothing(Block b, Node from, Node to, double x) {
        for (Node n : b.nodes.values()) {
            if (n.rank > from.rank && n.rank < to.rank && x >= n.x - 4 && x <= n.x + n.w + 4) {
                return false;
            }
        }
        return true;
    }

    private void route(Block b) {
        double right = 0;
        for (Node n : b.nodes.values()) {
            right = Math.max(right, n.x + n.w);
        }
        int lanes = 0;
        Map<String, Integer> pairs = new HashMap<>();
        Map<String, Integer> targetLanes = new HashMap<>();
        for (Node from : b.nodes.values()) {
            for (WorkflowGraph.Edge e : graph.edgesFrom(from.state)) {
                Node to = b.nodes.get(e.to());
                if (to == null) {
                    continue;
                }
                int twin = pairs.merge(from.state + "\u0000" + e.to(), 1, Integer::sum) - 1;
                if (to.rank > from.rank && crossesNothing(b, from, to, to.cx() + twin * 10)) {
                    double x1 = from.cx() + twin * 10;
                    double y1 = from.y + from.h;
                    double x2 = to.cx() + twin * 10;
                    double y2 = to.y;
                    double mid = y1 + V_GAP / 2;
                    b.routes.add(new Route(e, new double[] {x1, y1, x1, mid, x2, mid, x2, y2}, false,
                            x2 + 5, mid + 12 + twin * LINE));
                } else if (to.rank > from.rank) {
                    // every long transition into one state shares a lane, as arrows into a Catch's handler do
                    Integer shared = targetLanes.get(e.to());
                    if (shared == null) {
                        shared = ++lanes;
                        targetLanes.put(e.to(), shared);
                    }
                    double lane = right + shared * LANE;
                    double x1 = from.cx() + twin * 10;
                    double y1 = from.y + from.h;
                    double below = y1 + V_GAP / 2 - (shared % 4) * 3;
                    double above = to.y - V_GAP / 2 + (shared % 4) * 3;
                    b.routes.add(new Route(e, new double[] {x1, y1, x1, below, lane, below, lane, above, to.cx(), above,
                        to.cx(), to.y}, false, to.cx() + 5, above + 12));
                } else {
                    lanes++;
                    double lane = right + lanes * LANE;
                    double y1 = from.y + Math.min(from.h, NODE_HEIGHT) / 2 + twin * 6;
                    double y2 = to.y + Math.min(to.h, NODE_HEIGHT) / 2 - 6;
                    b.routes.add(new Route(e, new double[] {from.x + from.w, y1, lane, y1, lane, y2, to.x + to.w, y2},
                            true, lane + 3, (y1 + y2) / 2));
                }
            }
        }
        if (lanes > 0) {
            b.w = Math.max(b.w, right + lanes * LANE + PAD + 60);
        }
        for (Route r : b.routes) {
            b.w = Math.max(b.w, r.labelX() + textWidth(paint.edgeLabel(r.edge())) * 0.9 + PAD);
        }
    }
}
