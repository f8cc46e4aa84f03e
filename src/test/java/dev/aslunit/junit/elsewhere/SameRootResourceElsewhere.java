package dev.aslunit.junit.elsewhere;

import dev.aslunit.internal.pipeline.Models;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.junit.StepFunctionTest;
import dev.aslunit.testkit.TestKitOnly;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A test class outside {@code dev.aslunit.junit} using the same classpath-root definition as
 * {@code ExtensionFixtures.SameRootResource}: both record the definition their sandbox got.
 */
@TestKitOnly
@StepFunctionTest(definition = SameRootResourceElsewhere.DEFINITION, logicalId = "InlineFlow")
public class SameRootResourceElsewhere {

    public static final String DEFINITION = "load/sam-template.yaml";
    public static final Map<String, StateMachineDefinition> DEFINITIONS = new ConcurrentHashMap<>();

    @Test
    void records_its_definition(StateMachineUnderTest sfn) {
        DEFINITIONS.put(getClass().getName(), Models.definition(sfn));
    }
}
