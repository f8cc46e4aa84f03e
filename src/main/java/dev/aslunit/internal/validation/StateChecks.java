package dev.aslunit.internal.validation;

import dev.aslunit.internal.definition.Placeholder;
import static dev.aslunit.internal.definition.DefinitionReader.escape;
import static dev.aslunit.internal.validation.DiagnosticCode.INVALID_RESOURCE;
import static dev.aslunit.internal.validation.DiagnosticCode.NO_PATH;
import static dev.aslunit.internal.validation.DiagnosticCode.PASS_RESULT_IS_STATIC;
import static dev.aslunit.internal.validation.DiagnosticCode.SCHEMA_VALIDATION_FAILED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.definition.QueryLanguage;
import dev.aslunit.internal.integration.IntegrationPattern;
import dev.aslunit.internal.integration.ResourceArn;
import dev.aslunit.internal.path.PathSyntaxException;
import dev.aslunit.internal.path.ValueExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of one state by its type (a Task's Resource, timeouts and credentials; a Pass state's
 * static Result; a Wait's one duration; a Fail's error and cause) and of its Retry and Catch.
 * {@link DefinitionChecks} walks the machines and checks what ties the states together (names,
 * transitions, reachability); Choice rules are {@link ChoiceChecks}', Map states {@link MapChecks}'.
 */
final class StateChecks {

    private static final long MAX_DELAY_SECONDS = 31_622_400L;

    /** The intrinsic functions AWS's Fail state guide allows in ErrorPath and CausePath. */
    private static final List<String> STRING_INTRINSICS = List.of("States.Format", "States.JsonToString",
            "States.ArrayGetItem", "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.UUID");

    private static final Pattern INTRINSIC_CALL = Pattern.compile("(States\\.[A-Za-z0-9]+)\\s*\\(");

    private final DefinitionChecks checks;
    private final StateMachineType type;

    StateChecks(DefinitionChecks checks, StateMachineType type) {
        this.checks = checks;
        this.type = type;
    }

    void task(JsonNode s, String p, QueryLanguage ql) {
        checks.required(s, p, "Resource");
        JsonNode resource = s.get("Resource");
        if (resource != null) {
            if (resource.isTextual()) {
                resource(resource.asText(), p + "/Resource");
            } else {
                checks.wrongType(p + "/Resource", "Resource", "an ARN string", resource);
            }
        }
        Long timeout = seconds(s, p, "TimeoutSeconds", ql);
        Long heartbeat = seconds(s, p, "HeartbeatSeconds", ql);
        if (timeout != null && heartbeat != null && heartbeat >= timeout) {
            checks.report(SCHEMA_VALIDATION_FAILED, p + "/HeartbeatSeconds", "HeartbeatSeconds (" + heartbeat
                    + ") must be smaller than TimeoutSeconds (" + timeout + ")");
        }
        checks.exclusive(s, p, "TimeoutSeconds", "TimeoutSecondsPath");
        checks.exclusive(s, p, "HeartbeatSeconds", "HeartbeatSecondsPath");
        checks.pathField(s, p, "TimeoutSecondsPath", ql);
        checks.pathField(s, p, "HeartbeatSecondsPath", ql);
        JsonNode credentials = s.get("Credentials");
        if (credentials != null) {
            TaskCredentials.check(credentials, p + "/Credentials", ql, checks.expressions, checks::reportAt);
        }
    }

    /** @return the value when it is a literal number of seconds in range */
    private Long seconds(JsonNode s, String p, String field, QueryLanguage ql) {
        JsonNode v = s.get(field);
        if (v == null) {
            return null;
        }
        if (ql == QueryLanguage.JSONATA && ExpressionChecks.isJsonata(v)) {
            checks.expressions.jsonataTemplate(v, p + "/" + field);
            return null;
        }
        return checks.integer(v, p + "/" + field, field, 1, DefinitionChecks.MAX_SECONDS);
    }

    private void resource(String arn, String p) {
        if (arn.contains("${")) {
            return; // an opaque substitution placeholder; the loader reports it unless allowed
        }
        ResourceArn.Written written = ResourceArn.written(arn);
        String hint = "; a Task's Resource is a service integration such as "
                + "\"arn:aws:states:::lambda:invoke\", a Lambda function ARN or an activity ARN";
        if (written.form() == ResourceArn.Form.NOT_AN_ARN) {
            // AWS's CreateStateMachine answers a Resource without ARN syntax ("${StockCheckerFunctionArn}" left
            // unsubstituted) with SCHEMA_VALIDATION_FAILED "Value is not a valid resource ARN", quoted in
            // aws/aws-sam-cli-app-templates#342; INVALID_RESOURCE is for an ARN that names no task resource.
            checks.report(SCHEMA_VALIDATION_FAILED, p, "Value is not a valid resource ARN: \"" + arn + "\"" + hint);
            return;
        }
        String rest = written.resourcePart();
        boolean ok;
        if (written.service().equals("states")) {
            ok = written.form() == ResourceArn.Form.STATES;
            String unknown = ok ? OptimizedIntegrations.unknownAction(rest) : null;
            if (unknown != null) {
                checks.report(INVALID_RESOURCE, p, "Invalid Resource \"" + arn + "\": " + unknown);
                return;
            }
            if (ok && type == StateMachineType.EXPRESS) {
                ResourceArn.tryParse(arn).filter(r -> !r.allowedInExpress()).ifPresent(r -> checks.report(
                        SCHEMA_VALIDATION_FAILED, p, r.kind() == ResourceArn.Kind.ACTIVITY
                                ? "Express state machines do not support activities (\"" + arn + "\")"
                                : "Express state machines do not support the "
                                        + (r.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN ? ".waitForTaskToken" : ".sync")
                                        + " integration pattern (\"" + arn + "\"); use a STANDARD state machine or the "
                                        + "request-response pattern"));
            }
        } else if (written.service().equals("lambda")) {
            ok = written.form() == ResourceArn.Form.LAMBDA_FUNCTION;
        } else {
            ok = false;
        }
        if (!ok) {
            checks.report(INVALID_RESOURCE, p, "Invalid Resource \"" + arn + "\"" + hint);
        }
    }

    void pass(JsonNode s, String p, QueryLanguage ql) {
        JsonNode result = s.get("Result");
        if (result != null && ql == QueryLanguage.JSONPATH) {
            staticResult(result, p + "/Result");
        }
    }

    private void staticResult(JsonNode node, String p) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String fp = p + "/" + escape(e.getKey());
                if (e.getKey().endsWith(".$")) {
                    checks.report(PASS_RESULT_IS_STATIC, fp, "\"Result\" is static: \"" + e.getKey()
                            + "\" is not evaluated in a Pass state's Result; use \"Parameters\" to build the "
                            + "result from the input");
                }
                staticResult(e.getValue(), fp);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                staticResult(node.get(i), p + "/" + i);
            }
        }
    }

    void waitState(JsonNode s, String p, QueryLanguage ql) {
        List<String> present = new ArrayList<>();
        for (String f : new String[] {"Seconds", "SecondsPath", "Timestamp", "TimestampPath"}) {
            if (s.has(f)) {
                present.add(f);
            }
        }
        if (present.size() != 1) {
            checks.report(SCHEMA_VALIDATION_FAILED, p, "A Wait state needs exactly one of Seconds, SecondsPath, Timestamp "
                    + "and TimestampPath" + (present.isEmpty() ? "" : ", not " + present));
        }
        JsonNode seconds = s.get("Seconds");
        if (seconds != null) {
            if (ql == QueryLanguage.JSONATA && ExpressionChecks.isJsonata(seconds)) {
                checks.expressions.jsonataTemplate(seconds, p + "/Seconds");
            } else {
                checks.integer(seconds, p + "/Seconds", "Seconds", 0, DefinitionChecks.MAX_SECONDS);
            }
        }
        JsonNode timestamp = s.get("Timestamp");
        if (timestamp != null) {
            if (ql == QueryLanguage.JSONATA && ExpressionChecks.isJsonata(timestamp)) {
                checks.expressions.jsonataTemplate(timestamp, p + "/Timestamp");
            } else if (!Placeholder.is(timestamp)
                    && (!timestamp.isTextual() || !DefinitionChecks.isTimestamp(timestamp.asText()))) {
                checks.report(SCHEMA_VALIDATION_FAILED, p + "/Timestamp", "Timestamp needs an RFC 3339 timestamp such as "
                        + "\"2026-01-05T09:00:00Z\", not " + timestamp
                        + (timestamp.isTextual() && ExpressionChecks.looksLikePath(timestamp.asText())
                                ? "; to read it from the input use TimestampPath" : ""));
            }
        }
        checks.pathField(s, p, "SecondsPath", ql);
        checks.pathField(s, p, "TimestampPath", ql);
    }

    void fail(JsonNode s, String p, QueryLanguage ql) {
        checks.exclusive(s, p, "Error", "ErrorPath");
        checks.exclusive(s, p, "Cause", "CausePath");
        for (String field : new String[] {"Error", "Cause"}) {
            JsonNode v = s.get(field);
            if (v == null) {
                continue;
            }
            if (!v.isTextual()) {
                checks.wrongType(p + "/" + field, field, "a string", v);
            } else if (ql == QueryLanguage.JSONATA) {
                checks.expressions.jsonataTemplate(v, p + "/" + field);
            } else if (ExpressionChecks.looksLikePath(v.asText()) || ExpressionChecks.looksLikeIntrinsic(v.asText())) {
                checks.report(NO_PATH, p + "/" + field, "\"" + v.asText() + "\" looks like a path but is used as a "
                        + "literal " + field + ", because the field name does not end with 'Path'; did you mean \""
                        + field + "Path\"?");
            }
        }
        for (String field : new String[] {"ErrorPath", "CausePath"}) {
            JsonNode v = s.get(field);
            if (v != null && ql == QueryLanguage.JSONPATH) {
                checks.expressions.pathOrIntrinsic(v, p + "/" + field, field);
                stringIntrinsic(v, p + "/" + field, field);
            }
        }
    }

    /**
     * AWS's Fail state guide: ErrorPath and CausePath take "an intrinsic function that returns a string.
     * These intrinsics are: States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode,
     * States.Base64Decode, States.Hash, and States.UUID."
     */
    private void stringIntrinsic(JsonNode v, String p, String field) {
        if (!v.isTextual()) {
            return;
        }
        Matcher call = INTRINSIC_CALL.matcher(v.asText());
        if (!call.lookingAt() || STRING_INTRINSICS.contains(call.group(1))) {
            return;
        }
        try {
            ValueExpression.compile(v.asText());
        } catch (PathSyntaxException e) {
            return; // an unknown function or a bad call: pathOrIntrinsic has said so
        }
        checks.report(SCHEMA_VALIDATION_FAILED, p, field + " may only call an intrinsic function that returns a "
                + "string (" + String.join(", ", STRING_INTRINSICS) + "), not " + call.group(1));
    }

    void retry(JsonNode retry, String p) {
        if (retry == null) {
            return;
        }
        if (!retry.isArray()) {
            checks.wrongType(p, "Retry", "an array of retriers", retry);
            return;
        }
        for (int i = 0; i < retry.size(); i++) {
            JsonNode r = retry.get(i);
            String rp = p + "/" + i;
            if (!r.isObject()) {
                checks.wrongType(rp, "A retrier", "an object", r);
                continue;
            }
            checks.unknownFields(r, rp, StateFields.RETRIER_FIELDS, "a retrier");
            boolean all = errorEquals(r, rp);
            if (all && i < retry.size() - 1) {
                checks.report(SCHEMA_VALIDATION_FAILED, rp + "/ErrorEquals", "A retrier with \"States.ALL\" must be the "
                        + "last one; the retriers after it could never apply");
            }
            checks.optionalInteger(r, rp, "IntervalSeconds", 1, DefinitionChecks.MAX_SECONDS);
            checks.optionalInteger(r, rp, "MaxAttempts", 0, DefinitionChecks.MAX_SECONDS);
            checks.optionalInteger(r, rp, "MaxDelaySeconds", 1, MAX_DELAY_SECONDS);
            JsonNode rate = r.get("BackoffRate");
            if (rate != null && !Placeholder.is(rate) && (!rate.isNumber() || rate.asDouble() < 1.0)) {
                checks.report(SCHEMA_VALIDATION_FAILED, rp + "/BackoffRate", "BackoffRate must be a number of at least "
                        + "1.0, not " + rate);
            }
            JsonNode jitter = r.get("JitterStrategy");
            if (jitter != null && !(jitter.isTextual() && Set.of("FULL", "NONE").contains(jitter.asText()))) {
                checks.wrongType(rp + "/JitterStrategy", "JitterStrategy", "\"FULL\" or \"NONE\"", jitter);
            }
        }
    }

    void catchers(JsonNode catchers, String p, QueryLanguage ql, DefinitionChecks.Scope scope) {
        if (catchers == null) {
            return;
        }
        if (!catchers.isArray()) {
            checks.wrongType(p, "Catch", "an array of catchers", catchers);
            return;
        }
        for (int i = 0; i < catchers.size(); i++) {
            JsonNode c = catchers.get(i);
            String cp = p + "/" + i;
            if (!c.isObject()) {
                checks.wrongType(cp, "A catcher", "an object", c);
                continue;
            }
            checks.unknownFields(c, cp, StateFields.CATCHER_FIELDS, "a catcher");
            boolean all = errorEquals(c, cp);
            if (all && i < catchers.size() - 1) {
                checks.report(SCHEMA_VALIDATION_FAILED, cp + "/ErrorEquals", "A catcher with \"States.ALL\" must be the "
                        + "last one; the catchers after it could never apply");
            }
            checks.required(c, cp, "Next");
            checks.transitionTarget(c.get("Next"), cp + "/Next", "Next", scope);
            JsonNode resultPath = c.get("ResultPath");
            if (resultPath != null) {
                if (ql == QueryLanguage.JSONATA) {
                    checks.report(SCHEMA_VALIDATION_FAILED, cp + "/ResultPath", "The field \"ResultPath\" is not supported "
                            + "in a JSONata state; use Output or Assign instead");
                } else if (!resultPath.isNull()) {
                    checks.expressions.path(resultPath, cp + "/ResultPath", "ResultPath", true);
                }
            }
            JsonNode output = c.get("Output");
            if (output != null) {
                if (ql == QueryLanguage.JSONPATH) {
                    checks.report(SCHEMA_VALIDATION_FAILED, cp + "/Output", "The field \"Output\" is only supported in "
                            + "JSONata states; use ResultPath, or set \"QueryLanguage\": \"JSONata\"");
                } else {
                    checks.expressions.jsonataTemplate(output, cp + "/Output");
                }
            }
            checks.assign(c.get("Assign"), cp + "/Assign", ql);
        }
    }

    /** @return whether ErrorEquals holds {@code States.ALL} */
    private boolean errorEquals(JsonNode owner, String p) {
        JsonNode errors = owner.get("ErrorEquals");
        if (errors == null) {
            checks.report(SCHEMA_VALIDATION_FAILED, p, "These fields are required: [ErrorEquals]");
            return false;
        }
        if (!errors.isArray() || errors.isEmpty()) {
            checks.wrongType(p + "/ErrorEquals", "ErrorEquals", "a non-empty array of error names", errors);
            return false;
        }
        boolean all = false;
        for (int i = 0; i < errors.size(); i++) {
            JsonNode e = errors.get(i);
            if (!e.isTextual()) {
                checks.wrongType(p + "/ErrorEquals/" + i, "An error name", "a string", e);
            } else if (e.asText().equals("States.ALL")) {
                all = true;
            }
        }
        if (all && errors.size() > 1) {
            checks.report(SCHEMA_VALIDATION_FAILED, p + "/ErrorEquals", "\"States.ALL\" must appear alone in ErrorEquals; "
                    + "it already matches every error");
        }
        return all;
    }
}
