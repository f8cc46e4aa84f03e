package dev.aslunit.internal.pipeline;

import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.sfnlocal.MockConfigFile;

/** The test case of a Step Functions Local mock file that a test selected, checked against its definition. */
public record MockFileCase(MockConfigFile file, String stateMachine, String testCase) {

    /**
     * Reads the mock file found at {@code source} and selects {@code testCase} ({@code Machine#Case},
     * or a bare case of {@code definitionName}).
     *
     * @throws IllegalArgumentException when the file was not found
     * @throws dev.aslunit.internal.sfnlocal.MockConfigException naming every problem of the file and the test case
     */
    public static MockFileCase read(Source source, String testCase, String definitionName,
            StateMachineDefinition definition) {
        source.require();
        return select(source.resource() != null ? MockConfigFile.fromClasspath(source.resource())
                : MockConfigFile.parse(source.file()), testCase, definitionName, definition);
    }

    /** Selects {@code testCase} of {@code file} and checks it against {@code definition}. */
    public static MockFileCase select(MockConfigFile file, String testCase, String definitionName,
            StateMachineDefinition definition) {
        MockConfigFile.TestCaseName name = file.testCase(testCase, definitionName);
        MockFileCase selected = new MockFileCase(file, name.stateMachine(), name.testCase());
        selected.answers(definition);
        return selected;
    }

    /** Fresh mock scripts of the test case, for one sandbox: its link in the chain of Task answers. */
    public TaskHandler answers(StateMachineDefinition definition) {
        return file.handlerFor(stateMachine, testCase, definition);
    }
}
