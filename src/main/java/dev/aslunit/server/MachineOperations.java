package dev.aslunit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.engine.CompiledStateMachine;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The state machine, activity and tag operations, with AWS's request and response members. */
final class MachineOperations {

    private static final String DEFAULT_LOGGING = "{\"level\":\"OFF\",\"includeExecutionData\":false}";
    private static final String DEFAULT_TRACING = "{\"enabled\":false}";

    private final Resources resources;
    private final Definitions definitions;
    private final Arns arns;
    private final Clock clock;
    private final Ids ids;

    MachineOperations(Resources resources, Definitions definitions, Arns arns, Clock clock, Ids ids) {
        this.ids = ids;
        this.resources = resources;
        this.definitions = definitions;
        this.arns = arns;
        this.clock = clock;
    }

    void register(Map<String, Function<Request, ObjectNode>> operations) {
        operations.put("CreateStateMachine", this::createStateMachine);
        operations.put("UpdateStateMachine", this::updateStateMachine);
        operations.put("DeleteStateMachine", this::deleteStateMachine);
        operations.put("DescribeStateMachine", this::describeStateMachine);
        operations.put("ListStateMachines", this::listStateMachines);
        operations.put("ValidateStateMachineDefinition", this::validateStateMachineDefinition);
        operations.put("CreateActivity", this::createActivity);
        operations.put("DeleteActivity", this::deleteActivity);
        operations.put("DescribeActivity", this::describeActivity);
        operations.put("ListActivities", this::listActivities);
        operations.put("TagResource", this::tagResource);
        operations.put("UntagResource", this::untagResource);
        operations.put("ListTagsForResource", this::listTagsForResource);
    }

    /** The machine an ARN names (a {@code #TestCase} suffix is allowed and ignored here). */
    Resources.Machine machine(String stateMachineArn) {
        String name = arns.stateMachineName(stateMachineArn);
        Resources.Machine machine = resources.machine(arns.stateMachine(name));
        if (machine == null) {
            throw ApiException.stateMachineDoesNotExist(stateMachineArn);
        }
        return machine;
    }

    private ObjectNode createStateMachine(Request r) {
        String name = r.required("name", 80);
        String definition = r.required("definition", Request.MAX_DEFINITION);
        String roleArn = r.required("roleArn", Request.MAX_ARN);
        String type = type(r);
        Map<String, String> tags = r.tags("tags");
        Arns.checkName(name);
        CompiledStateMachine compiled = definitions.compile(definition, name, type);
        Resources.Machine created = resources.createMachine(new Resources.Machine(resources.nextSequence(), name,
                arns.stateMachine(name), type, definition, roleArn, clock.instant(), null, null,
                json(r, "loggingConfiguration", DEFAULT_LOGGING), json(r, "tracingConfiguration", DEFAULT_TRACING),
                compiled), tags);
        ObjectNode out = Wire.object().put("stateMachineArn", created.arn());
        return Wire.time(out, "creationDate", created.creationDate());
    }

    private ObjectNode updateStateMachine(Request r) {
        Resources.Machine current = machine(r.required("stateMachineArn", Request.MAX_ARN));
        String definition = r.optional("definition", Request.MAX_DEFINITION);
        String roleArn = r.optional("roleArn", Request.MAX_ARN);
        JsonNode logging = r.node("loggingConfiguration");
        JsonNode tracing = r.node("tracingConfiguration");
        if (definition == null && roleArn == null && logging == null && tracing == null) {
            throw new ApiException("MissingRequiredParameter", "Either the definition, the role ARN, the "
                    + "LoggingConfiguration, or the TracingConfiguration must be specified");
        }
        CompiledStateMachine compiled = definition == null ? current.compiled()
                : definitions.compile(definition, current.name(), current.type());
        Resources.Machine updated = resources.replaceMachine(new Resources.Machine(current.sequence(), current.name(),
                current.arn(), current.type(), definition == null ? current.definition() : definition,
                roleArn == null ? current.roleArn() : roleArn, current.creationDate(), clock.instant(),
                ids.uuid(), json(r, "loggingConfiguration", current.loggingConfiguration()),
                json(r, "tracingConfiguration", current.tracingConfiguration()), compiled));
        ObjectNode out = Wire.time(Wire.object(), "updateDate", updated.updateDate());
        return out.put("revisionId", updated.revisionId());
    }

    private ObjectNode deleteStateMachine(Request r) {
        String arn = r.required("stateMachineArn", Request.MAX_ARN);
        resources.deleteMachine(arns.stateMachine(arns.stateMachineName(arn)));
        return Wire.object();
    }

    private ObjectNode describeStateMachine(Request r) {
        Resources.Machine m = machine(r.required("stateMachineArn", Request.MAX_ARN));
        ObjectNode out = Wire.object()
                .put("stateMachineArn", m.arn())
                .put("name", m.name())
                .put("status", "ACTIVE")
                .put("definition", m.definition())
                .put("roleArn", m.roleArn())
                .put("type", m.type());
        Wire.time(out, "creationDate", m.creationDate());
        describeConfiguration(out, m);
        return out;
    }

    /** The members DescribeStateMachine and DescribeStateMachineForExecution share. */
    static void describeConfiguration(ObjectNode out, Resources.Machine m) {
        out.set("loggingConfiguration", Definitions.parse(m.loggingConfiguration()));
        out.set("tracingConfiguration", Definitions.parse(m.tracingConfiguration()));
        if (m.revisionId() != null) {
            out.put("revisionId", m.revisionId());
        }
    }

    private ObjectNode listStateMachines(Request r) {
        Page<Resources.Machine> page = Page.of(resources.machines(), Resources.Machine::sequence, false,
                "ListStateMachines", r.optional("nextToken", 1024), r.maxResults());
        ObjectNode out = Wire.object();
        ArrayNode list = out.putArray("stateMachines");
        for (Resources.Machine m : page.items()) {
            ObjectNode item = list.addObject().put("stateMachineArn", m.arn()).put("name", m.name()).put("type", m.type());
            Wire.time(item, "creationDate", m.creationDate());
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private ObjectNode validateStateMachineDefinition(Request r) {
        String definition = r.required("definition", Request.MAX_DEFINITION);
        String type = type(r);
        String severity = r.optional("severity", 16);
        if (severity != null && !severity.equals("ERROR") && !severity.equals("WARNING")) {
            throw ApiException.constraint("severity", severity, "Member must satisfy enum value set: [ERROR, WARNING]");
        }
        int maxResults = r.maxResults();
        List<Definitions.Problem> problems = definitions.validate(definition, type);
        ObjectNode out = Wire.object();
        out.put("result", problems.stream().anyMatch(p -> p.severity().equals("ERROR")) ? "FAIL" : "OK");
        ArrayNode list = out.putArray("diagnostics");
        int shown = 0;
        for (Definitions.Problem p : problems) {
            if ("ERROR".equals(severity) && !p.severity().equals("ERROR")) {
                continue;
            }
            if (shown++ == maxResults) {
                break;
            }
            ObjectNode diagnostic = list.addObject().put("severity", p.severity()).put("code", p.code())
                    .put("message", p.message());
            if (p.location() != null) {
                diagnostic.put("location", p.location());
            }
        }
        out.put("truncated", shown > maxResults);
        return out;
    }

    private ObjectNode createActivity(Request r) {
        String name = r.required("name", 80);
        Map<String, String> tags = r.tags("tags");
        Arns.checkName(name);
        Resources.Activity a = resources.createActivity(
                new Resources.Activity(resources.nextSequence(), name, arns.activity(name), clock.instant()), tags);
        return Wire.time(Wire.object().put("activityArn", a.arn()), "creationDate", a.creationDate());
    }

    private ObjectNode deleteActivity(Request r) {
        String arn = r.required("activityArn", Request.MAX_ARN);
        arns.activityName(arn);
        resources.deleteActivity(arn);
        return Wire.object();
    }

    private ObjectNode describeActivity(Request r) {
        Resources.Activity a = activity(r.required("activityArn", Request.MAX_ARN));
        return Wire.time(Wire.object().put("activityArn", a.arn()).put("name", a.name()), "creationDate",
                a.creationDate());
    }

    Resources.Activity activity(String arn) {
        arns.activityName(arn);
        Resources.Activity a = resources.activity(arn);
        if (a == null) {
            throw ApiException.activityDoesNotExist(arn);
        }
        return a;
    }

    private ObjectNode listActivities(Request r) {
        Page<Resources.Activity> page = Page.of(resources.activities(), Resources.Activity::sequence, false,
                "ListActivities", r.optional("nextToken", 1024), r.maxResults());
        ObjectNode out = Wire.object();
        ArrayNode list = out.putArray("activities");
        for (Resources.Activity a : page.items()) {
            Wire.time(list.addObject().put("activityArn", a.arn()).put("name", a.name()), "creationDate",
                    a.creationDate());
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private ObjectNode tagResource(Request r) {
        resources.tag(r.required("resourceArn", Request.MAX_ARN), r.tags("tags"));
        return Wire.object();
    }

    private ObjectNode untagResource(Request r) {
        resources.untag(r.required("resourceArn", Request.MAX_ARN), r.strings("tagKeys"));
        return Wire.object();
    }

    private ObjectNode listTagsForResource(Request r) {
        Map<String, String> tags = new LinkedHashMap<>(resources.tags(r.required("resourceArn", Request.MAX_ARN)));
        ObjectNode out = Wire.object();
        out.set("tags", Wire.tags(tags));
        return out;
    }

    private static String type(Request r) {
        String type = r.optional("type", 16);
        if (type == null) {
            return "STANDARD";
        }
        if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
            throw ApiException.constraint("type", type, "Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }
        return type;
    }

    /** A configuration object kept as compact JSON text, or {@code fallback} when the request has none. */
    private static String json(Request r, String member, String fallback) {
        JsonNode v = r.node(member);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isObject()) {
            throw ApiException.validation("Member '" + member + "' must be an object");
        }
        return v.toString();
    }
}
