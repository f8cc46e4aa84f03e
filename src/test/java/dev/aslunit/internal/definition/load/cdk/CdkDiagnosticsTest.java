package dev.aslunit.internal.definition.load.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.definition.SourceLocation;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Where things are in the template, and what the user reads when something is wrong. */
class CdkDiagnosticsTest {

    private static final Path EXAMPLE = Path.of("examples/cdk-app/cdk.out");
    private static final String TEMPLATE = EXAMPLE.resolve("OrdersStack.template.json").toString();
    private static final Path BROKEN = Path.of("src/test/resources/cdk/broken");

    @Nested
    class Locations {

        private final CdkStateMachine flow = CdkApp.open(EXAMPLE).stateMachine("OrdersStack/OrderFlow");

        @Test
        void the_definition_starts_at_the_definition_string_of_the_template() {
            assertThat(flow.definitionLocation()).isEqualTo(new SourceLocation(TEMPLATE, "", 258, 25));
        }

        @Test
        void a_member_is_located_at_its_key_inside_the_fn_join_part_that_holds_it() {
            // Line 262 reads  "{\"StartAt\":\"SaveOrder\",\"States\":{\"SaveOrder\":{...
            assertThat(flow.locator().locate("/States/SaveOrder"))
                    .isEqualTo(new SourceLocation(TEMPLATE, "/States/SaveOrder", 262, 48));
            assertThat(flow.locator().locate("/States/ChargeCard"))
                    .isEqualTo(new SourceLocation(TEMPLATE, "/States/ChargeCard", 270, 14));
            assertThat(flow.locator().locate("/States/PaymentFailed").describe())
                    .isEqualTo(TEMPLATE + ":301:40 (/States/PaymentFailed)");
            assertThat(flow.locator().locate("/States/ShipOrder/Parameters/QueueUrl").describe())
                    .isEqualTo(TEMPLATE + ":281:53 (/States/ShipOrder/Parameters/QueueUrl)");
        }

        @Test
        void escaped_characters_count_as_written_in_the_template() {
            // Line 270 ends with ...\"Resource\":\"" : the key's opening quote is the \" at column 515.
            assertThat(flow.locator().locate("/States/ChargeCard/Resource").column()).isEqualTo(515);
        }

        @Test
        void a_pointer_the_definition_does_not_have_is_located_at_its_closest_ancestor() {
            assertThat(flow.locator().locate("/States/Nope/Next"))
                    .isEqualTo(new SourceLocation(TEMPLATE, "/States/Nope/Next", 262, 36));
        }
    }

    @Nested
    class Selectors {

        private final CdkApp app = CdkApp.open(EXAMPLE);

        @Test
        void an_unknown_selector_suggests_the_closest_and_lists_the_state_machines_with_their_paths() {
            assertThatThrownBy(() -> app.stateMachine("OrdersStack/OrderFlw"))
                    .isInstanceOf(CdkLoadException.class)
                    .hasMessage("No state machine \"OrdersStack/OrderFlw\" in " + EXAMPLE + ". Did you mean "
                            + "\"OrdersStack/OrderFlow\"? The state machines there are:\n"
                            + "  OrdersStack/OrderFlow   (logical id OrderFlowA028A46E in " + TEMPLATE + ")\n"
                            + "  OrdersStack/RefundFlow  (logical id RefundFlowFE67B7FA in " + TEMPLATE + ")");
        }

        @Test
        void a_selector_far_from_every_name_gets_no_suggestion() {
            assertThatThrownBy(() -> app.stateMachine("Nothing/Like/It"))
                    .hasMessageStartingWith("No state machine \"Nothing/Like/It\" in " + EXAMPLE
                            + ". The state machines there are:\n  OrdersStack/OrderFlow ");
        }

        @Test
        void no_selector_with_several_state_machines_asks_for_one() {
            assertThatThrownBy(() -> app.stateMachine(null))
                    .hasMessageStartingWith(EXAMPLE + " has 2 state machines; choose one by its construct path "
                            + "(or logical id):\n  OrdersStack/OrderFlow ");
        }

        @Test
        void no_selector_with_one_state_machine_picks_it() {
            assertThat(CdkApp.open(Path.of("src/test/resources/cdk/request-response/RequestResponseTypescript.template.json"))
                    .stateMachine("  ").constructPath()).isEqualTo("RequestResponseTypescript/RequestResponse");
        }

        @Test
        void a_template_without_state_machines_says_so() {
            assertThatThrownBy(() -> CdkApp.open(BROKEN.resolve("NoStateMachine.template.json")).stateMachine(null))
                    .hasMessage(BROKEN.resolve("NoStateMachine.template.json") + " has no state machine (no resource "
                            + "of type AWS::StepFunctions::StateMachine in its templates).");
        }
    }

    @Nested
    class Errors {

        @Test
        void a_missing_path() {
            assertThatThrownBy(() -> CdkApp.open(Path.of("nope/cdk.out")))
                    .isInstanceOf(CdkLoadException.class)
                    .hasMessage("No such file or directory: " + Path.of("nope/cdk.out") + ". Give the cdk.out directory "
                            + "of a synthesized CDK app (run cdk synth first) or one of its *.template.json files.");
        }

        @Test
        void a_directory_that_is_not_a_cloud_assembly() {
            assertThatThrownBy(() -> CdkApp.open(Path.of("src/test/java")))
                    .hasMessage(Path.of("src/test/java") + " has no stack: it holds neither a manifest.json with a "
                            + "stack artifact nor a *.template.json file. Run cdk synth and give its output directory "
                            + "(cdk.out).");
        }

        @Test
        void a_template_that_is_not_json_is_reported_at_its_line_and_column() {
            assertThatThrownBy(() -> CdkApp.open(BROKEN.resolve("NotJson.template.json")).stateMachine(null))
                    .hasMessageStartingWith(BROKEN.resolve("NotJson.template.json") + ":3:39: the template is not JSON: "
                            + "Unexpected character ('}' (code 125))");
        }

        @Test
        void a_definition_that_is_not_json_once_resolved_points_at_the_part_that_broke_it() {
            assertThatThrownBy(() -> CdkApp.open(BROKEN.resolve("BadJson.template.json")).stateMachine(null))
                    .hasMessageStartingWith(BROKEN.resolve("BadJson.template.json") + ":11:8: the definition of "
                            + "Broken/Flow is not valid JSON once its tokens are resolved: Unexpected character ('u'");
        }

        @Test
        void a_get_att_of_a_resource_the_template_does_not_have() {
            assertThatThrownBy(() -> CdkApp.open(BROKEN.resolve("UnknownRef.template.json")).stateMachine(null))
                    .hasMessage(BROKEN.resolve("UnknownRef.template.json") + ":11:8: Fn::GetAtt of \"Missing0A1B2C3D\", "
                            + "which is not a resource of UnknownRef.");
        }

        @Test
        void a_definition_asset_that_is_not_in_cdk_out() {
            assertThatThrownBy(() -> CdkApp.open(BROKEN.resolve("MissingAsset.template.json")).stateMachine(null))
                    .hasMessage(BROKEN.resolve("MissingAsset.template.json") + ":6:29: the definition of Broken/Flow is "
                            + "the S3 asset \"deadbeef.json\", but " + BROKEN.resolve("asset.deadbeef.json")
                            + " is not there; synthesize the app again (cdk synth) and keep the asset.* files of cdk.out.");
        }
    }
}
