package dev.aslunit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;

/**
 * The benchmark workflows of issue 9, the same shapes as ../shared/bench/make_requests.py builds
 * for the side-by-side runs, so JMH figures and CLI figures describe the same work.
 */
final class Workflows {

    private Workflows() {
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} Pass states, each with Parameters reading the input and a ResultPath. */
    static ObjectNode passChain(int n) {
        ObjectNode states = Json.nodes().objectNode();
        for (int i = 0; i < n; i++) {
            ObjectNode s = states.putObject("P" + i);
            s.put("Type", "Pass");
            ObjectNode p = s.putObject("Parameters");
            p.put("step", i);
            p.put("id.$", "$.id");
            p.put("total.$", "$.total");
            p.put("tags.$", "$.tags");
            s.put("ResultPath", "$.last");
            if (i < n - 1) {
                s.put("Next", "P" + (i + 1));
            } else {
                s.put("End", true);
            }
        }
        ObjectNode root = Json.nodes().objectNode();
        root.put("StartAt", "P0");
        root.set("States", states);
        return root;
    }

    static final String CHOICE_LOOP = """
        {"StartAt": "Inc", "States": {
          "Inc": {"Type": "Pass", "Parameters": {"counter.$": "States.MathAdd($.counter, 1)", "limit.$": "$.limit"},
                  "Next": "Check"},
          "Check": {"Type": "Choice",
                    "Choices": [{"Variable": "$.counter", "NumericLessThanPath": "$.limit", "Next": "Inc"}],
                    "Default": "Done"},
          "Done": {"Type": "Succeed"}}}""";

    /** A Map over {@code $.items} whose one Task is answered by the benchmark's handler. */
    static String map(boolean retry, int concurrency, boolean distributed) {
        String retrier = retry ? """
            , "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2,
                         "BackoffRate": 2, "MaxAttempts": 6}]""" : "";
        String config = distributed ? "\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"EXPRESS\"}," : "";
        return """
            {"StartAt": "Items", "States": {"Items": {
              "Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": %d,
              "ItemSelector": {"id.$": "$$.Map.Item.Value.id", "index.$": "$$.Map.Item.Index"},
              "ItemProcessor": {%s "StartAt": "Work", "States": {"Work": {
                "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Work",
                "ResultSelector": {"ok.$": "$.ok"}, "End": true %s}}},
              "ResultSelector": {"processed.$": "States.ArrayLength($)"},
              "ResultPath": "$.summary", "End": true}}}""".formatted(concurrency, config, retrier);
    }

    static ObjectNode items(int n) {
        ObjectNode input = Json.nodes().objectNode();
        ArrayNode items = input.putArray("items");
        for (int i = 0; i < n; i++) {
            items.addObject().put("id", i);
        }
        return input;
    }

    /** A {@code states}-state definition of every common kind, for the load-validate-compile benchmark. */
    static String large(int states) {
        StringBuilder sb = new StringBuilder("{\"Comment\": \"generated\", \"StartAt\": \"S0\", \"States\": {");
        for (int i = 0; i < states; i++) {
            String next = i < states - 1 ? "\"Next\": \"S" + (i + 1) + "\"" : "\"End\": true";
            if (i > 0) {
                sb.append(',');
            }
            sb.append("\n  \"S").append(i).append("\": ");
            switch (i % 4) {
                case 0:
                    sb.append("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\":"
                            + " {\"FunctionName\": \"f").append(i).append("\", \"Payload.$\": \"$\"},"
                            + " \"ResultSelector\": {\"r.$\": \"$.Payload\"}, \"ResultPath\": \"$.r").append(i)
                            .append("\", \"Retry\": [{\"ErrorEquals\": [\"States.TaskFailed\"], \"MaxAttempts\": 2}],"
                            + " \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"ResultPath\": \"$.err\", ")
                            .append(next).append("}], ").append(next).append('}');
                    break;
                case 1:
                    sb.append("{\"Type\": \"Pass\", \"Parameters\": {\"n.$\": \"States.MathAdd($.n, 1)\","
                            + " \"s.$\": \"States.Format('step {}', $.n)\"}, ").append(next).append('}');
                    break;
                case 2:
                    String target = i < states - 1 ? "S" + (i + 1) : null;
                    if (target == null) {
                        sb.append("{\"Type\": \"Succeed\"}");
                    } else {
                        sb.append("{\"Type\": \"Choice\", \"Choices\": [{\"And\": [{\"Variable\": \"$.n\","
                                + " \"NumericGreaterThan\": 3}, {\"Variable\": \"$.s\", \"StringMatches\": \"step*\"}],"
                                + " \"Next\": \"").append(target).append("\"}], \"Default\": \"").append(target)
                                .append("\"}");
                    }
                    break;
                default:
                    sb.append("{\"Type\": \"Wait\", \"SecondsPath\": \"$.n\", ").append(next).append('}');
                    break;
            }
        }
        return sb.append("}}").toString();
    }
}
