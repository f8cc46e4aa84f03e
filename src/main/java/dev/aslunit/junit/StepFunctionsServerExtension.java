package dev.aslunit.junit;

import dev.aslunit.server.StepFunctionsServer;
import java.net.URI;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts {@code aslunit serve}'s Step Functions API on a free loopback port for a test class (and
 * its {@code @Nested} classes), and stops it after them. Tests take the server or its endpoint as a
 * parameter ({@link StepFunctionsServer} or {@link URI}) and point their AWS SDK client at it.
 *
 * <pre>{@code
 * @ExtendWith(StepFunctionsServerExtension.class)
 * class OrdersApiTest {
 *     @Test
 *     void ships(URI endpoint) { SfnClient sfn = SfnClient.builder().endpointOverride(endpoint)...build(); }
 * }
 *
 * // configured: mocks, a mock config file, a time mode
 * @RegisterExtension
 * static StepFunctionsServerExtension server = new StepFunctionsServerExtension(
 *         b -> b.mockConfig(Path.of("src/test/resources/MockConfigFile.json")));
 * }</pre>
 */
public final class StepFunctionsServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StepFunctionsServerExtension.class);
    private static final String SERVER = "server";

    private final UnaryOperator<StepFunctionsServer.Builder> configuration;
    private StepFunctionsServer started;

    /** A server with the defaults: virtual time, no mocks. */
    public StepFunctionsServerExtension() {
        this(UnaryOperator.identity());
    }

    /** A server configured by {@code configuration}, applied to a builder already set to a free port. */
    public StepFunctionsServerExtension(UnaryOperator<StepFunctionsServer.Builder> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /** The running server's endpoint, for a {@code @RegisterExtension} field's users. */
    public URI endpoint() {
        if (started == null) {
            throw new IllegalStateException("The Step Functions server runs from beforeAll to afterAll of the test "
                    + "class; ask for its endpoint inside a test or a @BeforeAll/@BeforeEach method");
        }
        return started.endpoint();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        // A @Nested class shares its outer class's server: the store lookup finds it there.
        if (store.get(SERVER, StepFunctionsServer.class) == null) {
            started = configuration.apply(StepFunctionsServer.builder().port(0)).start();
            store.put(SERVER, started);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        StepFunctionsServer server = context.getStore(NAMESPACE).remove(SERVER, StepFunctionsServer.class);
        if (server != null) {
            server.close();
            started = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == StepFunctionsServer.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        StepFunctionsServer server = context.getStore(NAMESPACE).get(SERVER, StepFunctionsServer.class);
        return parameter.getParameter().getType() == URI.class ? server.endpoint() : server;
    }
}
