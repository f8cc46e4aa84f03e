package dev.aslunit.server;

import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.integration.http.HttpTasks;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP Tasks called for real, loopback only unless routed ({@code --http-route}); a call the guard
 * refuses fails the execution with {@code States.Runtime} and says how to route it.
 */
final class HttpEndpoints implements TaskHandler {

    private final HttpTasks http = new HttpTasks();

    HttpEndpoints(Map<String, String> routes) {
        routes.forEach(http::route);
    }

    @Override
    public Optional<TaskOutcome> answer(TaskInvocation invocation) {
        try {
            return http.answer(invocation);
        } catch (IllegalStateException refused) {
            String first = refused.getMessage().lines().findFirst().orElse("");
            return Optional.of(TaskOutcome.failed("States.Runtime", first + " Route it to a local server: aslunit "
                    + "serve --http-route ORIGIN=URL (embedded: StepFunctionsServer.builder().httpRoute(ORIGIN, URL))."));
        }
    }
}
