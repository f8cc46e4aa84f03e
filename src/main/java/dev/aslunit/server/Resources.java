package dev.aslunit.server;

import dev.aslunit.internal.engine.CompiledStateMachine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's state machines, activities and their tags. Every method is synchronized: they
 * are short, and a single monitor keeps create-if-absent, update and delete atomic.
 */
final class Resources {

    /** One state machine revision as Describe* shows it; replaced whole on update. */
    record Machine(long sequence, String name, String arn, String type, String definition, String roleArn,
            Instant creationDate, Instant updateDate, String revisionId, String loggingConfiguration,
            String tracingConfiguration, CompiledStateMachine compiled) {
    }

    record Activity(long sequence, String name, String arn, Instant creationDate) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Machine> machines = new LinkedHashMap<>();
    private final Map<String, Activity> activities = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    synchronized Machine machine(String arn) {
        return machines.get(arn);
    }

    /**
     * Adds {@code candidate} unless a machine of that ARN exists: the same definition, role and
     * type make the call idempotent (AWS answers with the existing machine), anything else is
     * {@code StateMachineAlreadyExists}.
     */
    synchronized Machine createMachine(Machine candidate, Map<String, String> newTags) {
        Machine existing = machines.get(candidate.arn());
        if (existing != null) {
            if (existing.definition().equals(candidate.definition()) && existing.roleArn().equals(candidate.roleArn())
                    && existing.type().equals(candidate.type())) {
                return existing;
            }
            throw new ApiException("StateMachineAlreadyExists",
                    "State Machine Already Exists: '" + candidate.arn() + "'");
        }
        machines.put(candidate.arn(), candidate);
        tags.put(candidate.arn(), new LinkedHashMap<>(newTags));
        return candidate;
    }

    synchronized Machine replaceMachine(Machine updated) {
        if (!machines.containsKey(updated.arn())) {
            throw ApiException.stateMachineDoesNotExist(updated.arn());
        }
        machines.put(updated.arn(), updated);
        return updated;
    }

    synchronized void deleteMachine(String arn) {
        machines.remove(arn);
        tags.remove(arn);
    }

    synchronized List<Machine> machines() {
        List<Machine> list = new ArrayList<>(machines.values());
        list.sort(Comparator.comparingLong(Machine::sequence));
        return list;
    }

    synchronized Activity activity(String arn) {
        return activities.get(arn);
    }

    synchronized Activity createActivity(Activity candidate, Map<String, String> newTags) {
        Activity existing = activities.get(candidate.arn());
        if (existing != null) {
            if (!newTags.isEmpty() && !Objects.equals(tags.get(existing.arn()), newTags)) {
                throw new ApiException("ActivityAlreadyExists",
                        "Activity already exists with different tags: '" + existing.arn() + "'");
            }
            return existing;
        }
        activities.put(candidate.arn(), candidate);
        tags.put(candidate.arn(), new LinkedHashMap<>(newTags));
        return candidate;
    }

    synchronized void deleteActivity(String arn) {
        activities.remove(arn);
        tags.remove(arn);
    }

    synchronized List<Activity> activities() {
        List<Activity> list = new ArrayList<>(activities.values());
        list.sort(Comparator.comparingLong(Activity::sequence));
        return list;
    }

    synchronized Map<String, String> tags(String resourceArn) {
        return new LinkedHashMap<>(existingTags(resourceArn));
    }

    synchronized void tag(String resourceArn, Map<String, String> added) {
        Map<String, String> current = existingTags(resourceArn);
        Map<String, String> merged = new LinkedHashMap<>(current);
        merged.putAll(added);
        if (merged.size() > 50) {
            throw new ApiException("TooManyTags", 400, "Too many tags: a resource can have at most 50",
                    Map.of("resourceName", resourceArn));
        }
        current.putAll(added);
    }

    synchronized void untag(String resourceArn, List<String> keys) {
        existingTags(resourceArn).keySet().removeAll(keys);
    }

    private Map<String, String> existingTags(String resourceArn) {
        Map<String, String> current = tags.get(resourceArn);
        if (current == null) {
            throw ApiException.resourceNotFound(resourceArn);
        }
        return current;
    }
}
