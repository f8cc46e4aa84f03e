package dev.aslunit.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.InvalidDefinitionException;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.DefinitionException;
import dev.aslunit.internal.json.JsonReading;
import dev.aslunit.internal.validation.Diagnostic;
import dev.aslunit.internal.validation.DiagnosticCode;
import org.junit.jupiter.api.Test;

class DefinitionPipelineTest {

    @Test
    void a_valid_definition_compiles_under_its_name() {
        Compilation c = DefinitionPipeline.compile(DefinitionLoader.fromString("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"""), "Orders");

        assertThat(c.isValid()).isTrue();
        assertThat(c.require().name()).isEqualTo("Orders");
        assertThat(c.errors()).isEmpty();
    }

    @Test
    void an_invalid_definition_has_diagnostics_and_no_machine() {
        Compilation c = DefinitionPipeline.compile(DefinitionLoader.fromString("""
                {"StartAt":"P",
                 "States":{"P":{"Type":"Pass","Next":"Gone"}}}""").named("orders.asl.json"), "Orders");

        assertThat(c.isValid()).isFalse();
        assertThat(c.machine()).isNull();
        assertThat(c.errors()).extracting(Diagnostic::code).contains(DiagnosticCode.MISSING_TRANSITION_TARGET);
        assertThatThrownBy(c::require).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageStartingWith("orders.asl.json is not a valid state machine")
                .hasMessageContaining("orders.asl.json:2:")
                .hasMessageContaining("/States/P/Next");
    }

    @Test
    void what_only_the_compiler_finds_is_a_diagnostic_placed_in_the_source() throws Exception {
        String text = """
                {"StartAt":"P",
                 "States":{"P":{"Type":"Pass","Next":"Gone"}}}""";
        // the validator would stop this first; compiled directly, the engine's own problems show
        DefinitionException e = org.junit.jupiter.api.Assertions.assertThrows(DefinitionException.class,
                () -> CompiledStateMachine.compile(DefinitionReader.read(JsonReading.tree(text)), "x"));
        var locator = DefinitionLoader.fromString(text).named("m.json").load().locator();

        assertThat(DefinitionPipeline.diagnostics(e, locator)).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_VALIDATION_FAILED);
            assertThat(d.pointer()).isEqualTo("/States/P/Next");
            assertThat(d.location().file()).isEqualTo("m.json");
            assertThat(d.location().line()).isEqualTo(2);
            assertThat(d.message()).contains("no state named \"Gone\"");
        });
    }

    @Test
    void a_definition_sent_over_an_api_keeps_placeholders_as_text() {
        String text = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"${FunctionArn}","End":true}}}""";

        assertThat(DefinitionPipeline.compile(DefinitionPipeline.fromApi(text), "m").isValid()).isTrue();
        assertThat(DefinitionPipeline.compile(DefinitionLoader.fromString(text), "m").errors())
                .extracting(Diagnostic::code).containsExactly(DiagnosticCode.UNRESOLVED_PLACEHOLDER);
    }
}
