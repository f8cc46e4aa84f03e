package dev.aslunit.server;

import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.integration.http.HttpExchange;
import dev.aslunit.internal.integration.http.HttpTaskClient;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * HTTP Tasks called for real, loopback only unless routed ({@code --http-route}); a call the guard
 * refuses fails the execution with {@code States.Runtime} and says how to route it.
 */
final class HttpEndpoints implements TaskHandler {

    private final HttpTaskClient http = new HttpTaskClient();

    HttpEndpoints(Map<String, String> routes) {
        routes.forEach(http::route);
    }

    @Override
    public Optional<TaskOutcome> answer(TaskInvocation invocation) {
        return answer(invocation, exchange -> { });
    }

    /** These endpoints, handing each call as sent and answered to {@code observer} (TestState's TRACE). */
    TaskHandler observed(Consumer<HttpExchange> observer) {
        return invocation -> answer(invocation, observer);
    }

    private Optional<TaskOutcome> answer(TaskInvocation invocation, Consumer<HttpExchange> observer) {
        try {
            return http.answer(invocation, observer);
        } catch (IllegalStateException refused) {
            String first = refused.getMessage().lines().findFirst().orElse("");
            return Optional.of(TaskOutcome.failed("States.Runtime", first + " Route it to a local server: aslunit "
                    + "serve --http-route ORIGIN=URL (embedded: StepFunctionsServer.builder().httpRoute(ORIGIN, URL))."));
        }
    }
}
