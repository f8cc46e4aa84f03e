package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How a Map Run names its child executions and their state machine: the one place that makes the
 * names the children's context object ({@code $$.Execution}, {@code $$.StateMachine}) and the
 * ResultWriter's entries both show. AWS's children run the Map Run's state machine
 * {@code <machine>/<Label or state name>} ("Viewing a Distributed Map Run execution").
 */
final class MapRunNames {

    final String mapRunArn;
    /** {@code arn:aws:states:<region>:<account>:} */
    private final String arnPrefix;
    /** {@code <state machine>/<label>}: the Map Run's, and its children's state machine. */
    private final String path;
    /** {@code $$.StateMachine} inside the children: made when a child first asks, then shared. */
    private ObjectNode stateMachineContext;

    MapRunNames(String region, String accountId, String path, String mapRunId) {
        this.arnPrefix = "arn:aws:states:" + region + ":" + accountId + ":";
        this.path = path;
        this.mapRunArn = arnPrefix + "mapRun:" + path + ":" + mapRunId;
    }

    /**
     * AWS names a Map Run's children with name-based (version 3) UUIDs; this one is made from the Map
     * Run's ARN and the item's index, so that a run names its children the same every time without
     * drawing on the seeded randomness the rest of the run uses.
     */
    String childName(int index) {
        return UUID.nameUUIDFromBytes((mapRunArn + "#" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    String childArn(String childName) {
        return arnPrefix + "execution:" + path + ":" + childName;
    }

    String stateMachineArn() {
        return arnPrefix + "stateMachine:" + path;
    }

    ObjectNode stateMachineContext() {
        if (stateMachineContext == null) {
            stateMachineContext = EngineJson.object();
            stateMachineContext.put("Id", stateMachineArn());
            stateMachineContext.put("Name", path);
        }
        return stateMachineContext;
    }
}
