package dev.aslunit.testkit;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs {@link TestKitOnly} fixture classes on the Jupiter engine of the JUnit Platform Test Kit. */
public final class TestKit {

    private TestKit() {
    }

    public static EngineExecutionResults run(Class<?>... classes) {
        DiscoverySelector[] selectors = new DiscoverySelector[classes.length];
        for (int i = 0; i < classes.length; i++) {
            selectors[i] = DiscoverySelectors.selectClass(classes[i]);
        }
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TestKitOnly.PARAMETER, "true")
                .selectors(selectors)
                .execute();
    }
}
