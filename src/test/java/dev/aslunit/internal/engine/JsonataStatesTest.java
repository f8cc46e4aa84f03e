package dev.aslunit.internal.engine;

import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static dev.aslunit.internal.engine.Runs.types;
import static dev.aslunit.internal.engine.Runs.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JSONata states and workflow variables, with AWS's documented results. */
class JsonataStatesTest {

    @Test
    void output_and_assign_see_the_variables_from_before_the_state() {
        ExecutionRun r = run("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{
                 "A":{"Type":"Pass","Assign":{"x":1},"Next":"B"},
                 "B":{"Type":"Pass","Assign":{"x":"{% $x + 1 %}","old":"{% $x %}"},
                      "Output":{"seen":"{% $x %}","in":"{% $states.input.v %}"},"Next":"C"},
                 "C":{"Type":"Pass","Output":"{% [$x, $old] %}","End":true}}}""", "{\"v\":\"i\"}");
        assertThat(r.history().get(4).details().get("output").asText()).isEqualTo("{\"seen\":1,\"in\":\"i\"}");
        assertThat(r.output()).isEqualTo(json("[2,1]"));
    }

    @Test
    void task_arguments_result_and_output() {
        ExecutionRun r = run("""
                {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task",
                 "Resource":"arn:aws:states:::lambda:invoke","Arguments":{"Payload":"{% $states.input.n * 2 %}"},
                 "Output":"{% $states.result.Payload + 1 %}","End":true}}}""",
                with("{\"n\":3}", inv -> Optional.of(TaskOutcome.succeeded(inv.parameters()))).build());
        assertThat(r.output().intValue()).isEqualTo(7);
    }

    @Test
    void choice_conditions_pick_the_branch_and_its_assign() {
        String def = """
                {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"Condition":"{% $states.input.n > 1 %}","Assign":{"big":true},"Next":"Big"}],"Default":"Small"},
                 "Big":{"Type":"Pass","Output":"{% $big %}","End":true},
                 "Small":{"Type":"Pass","Output":"small","End":true}}}""";
        assertThat(run(def, "{\"n\":2}").output()).isEqualTo(json("true"));
        assertThat(run(def, "{\"n\":1}").output()).isEqualTo(json("\"small\""));
    }

    @Test
    void an_undefined_result_fails_with_a_query_evaluation_error_and_evaluation_failed() {
        ExecutionRun r = run("""
                {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass",
                 "Output":"{% $nope %}","End":true}}}""", "{}");
        assertThat(r.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(r.cause()).isEqualTo("An error occurred while executing the state 'P' (entered at the event id #2). "
                + "The JSONata expression '$nope' specified for the field 'Output' returned nothing (undefined).");
        assertThat(types(r)).containsExactly("ExecutionStarted", "PassStateEntered:P", "EvaluationFailed",
                "ExecutionFailed");
    }

    @Test
    void map_items_and_item_selector_with_the_iteration_context() {
        ExecutionRun r = run("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% $states.input.xs %}",
                  "ItemSelector":{"i":"{% $states.context.Map.Item.Index %}","v":"{% $states.context.Map.Item.Value %}"},
                  "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                "{\"xs\":[\"a\",\"b\"]}");
        assertThat(r.output()).isEqualTo(json("[{\"i\":0,\"v\":\"a\"},{\"i\":1,\"v\":\"b\"}]"));
    }

    @Test
    void catch_output_reads_the_error_output() {
        ExecutionRun r = run("""
                {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task",
                 "Resource":"arn:aws:states:::sqs:sendMessage","Catch":[{"ErrorEquals":["States.ALL"],
                 "Output":"{% $states.errorOutput.Error %}","Assign":{"why":"{% $states.errorOutput.Cause %}"},
                 "Next":"H"}],"End":true},"H":{"Type":"Pass","Output":"{% [$states.input, $why] %}","End":true}}}""",
                with("{}", inv -> Optional.of(TaskOutcome.failed("SQS.Nope", "no queue"))).build());
        assertThat(r.output()).isEqualTo(json("[\"SQS.Nope\",\"no queue\"]"));
    }

    @Test
    void wait_seconds_from_an_expression() {
        ExecutionRun r = run("""
                {"QueryLanguage":"JSONata","StartAt":"W","States":{"W":{"Type":"Wait",
                 "Seconds":"{% $states.input.s %}","End":true}}}""", "{\"s\":90}");
        assertThat(r.stopTime()).isEqualTo(Runs.T0.plusSeconds(90));
    }

    @Test
    void branch_variables_stay_in_the_branch() {
        ExecutionRun r = run("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x":1},"Next":"P"},
                 "P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass",
                   "Assign":{"inner.$":"$x"},"Parameters":{"x.$":"$x"},"End":true}}}],"Next":"C"},
                 "C":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% [$x, $exists($inner)] %}","End":true}}}""",
                "{}");
        assertThat(r.output()).isEqualTo(json("[1,false]"));
    }
}
