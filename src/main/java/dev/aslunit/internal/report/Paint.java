package dev.aslunit.internal.report;

import java.util.List;

/** What a drawing of a definition shows on top of its shape: per state a style and notes, per transition a style and label. */
interface Paint {

    /** A CSS class of the state's box: {@code ok}, {@code failed}, {@code caught}, {@code running}, {@code unvisited}, {@code covered}, {@code uncovered}. */
    String stateClass(String state);

    /** Short lines under the state's name (visits, attempts, virtual times, errors). */
    List<String> notes(String state);

    /** {@code taken} or {@code untaken}. */
    String edgeClass(WorkflowGraph.Edge edge);

    /** The text on the arrow; empty for a plain Next that was taken once. */
    String edgeLabel(WorkflowGraph.Edge edge);
}
