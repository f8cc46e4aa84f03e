package dev.aslunit.cucumber;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs one feature file of the test classpath with the step library, on the Cucumber engine. */
final class FeatureRuns {

    private FeatureRuns() {
    }

    /** Each scenario's result, by its name. */
    static Map<String, TestExecutionResult> run(String classpathResource) {
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        EngineTestKit.engine("cucumber")
                .selectors(selectClasspathResource(classpathResource))
                .configurationParameter("cucumber.glue", "dev.aslunit.cucumber")
                .configurationParameter("cucumber.plugin", "summary")
                .execute()
                .testEvents()
                .finished()
                .stream()
                .forEach(e -> results.put(e.getTestDescriptor().getDisplayName(),
                        e.getRequiredPayload(TestExecutionResult.class)));
        return results;
    }
}
