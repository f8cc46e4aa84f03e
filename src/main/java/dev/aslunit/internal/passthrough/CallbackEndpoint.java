package dev.aslunit.internal.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A Step Functions endpoint on loopback that takes {@code SendTaskSuccess}, {@code SendTaskFailure}
 * and {@code SendTaskHeartbeat} (AWS JSON 1.0) from the functions a test passed through, for the task
 * tokens they were given: the callback completes the token's future, which the passed-through Task
 * waits on. It never touches an execution, so a callback that arrives while the Invoke that carried
 * its token is still running (a function that calls back before it returns) is taken at once.
 * One per JVM, started when a test first asks for it, on daemon threads.
 */
final class CallbackEndpoint {

    private static CallbackEndpoint shared;

    private final HttpServer http;
    private final URI uri;
    private final Map<String, CompletableFuture<TaskOutcome>> waiting = new ConcurrentHashMap<>();

    private CallbackEndpoint() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a loopback port for the task callbacks: " + e.getMessage(), e);
        }
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aslunit-callbacks");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/", this::handle);
        // the server's dispatcher thread takes the daemon flag of the thread that starts it: it must not keep the JVM alive
        Thread starter = new Thread(http::start, "aslunit-callbacks-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the task callbacks endpoint", e);
        }
        uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    static synchronized CallbackEndpoint shared() {
        if (shared == null) {
            shared = new CallbackEndpoint();
        }
        return shared;
    }

    URI uri() {
        return uri;
    }

    /** The callback of this token, once it arrives; registered before the call that hands the token out. */
    CompletableFuture<TaskOutcome> expect(String token) {
        return waiting.computeIfAbsent(token, t -> new CompletableFuture<>());
    }

    void forget(String token) {
        waiting.remove(token);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            JsonNode body;
            try {
                body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                reply(exchange, 400, error("SerializationException", "The request body is not JSON"));
                return;
            }
            String token = body.path("taskToken").asText("");
            CompletableFuture<TaskOutcome> future = waiting.get(token);
            if (future == null) {
                reply(exchange, 400, error("InvalidToken", "Invalid Token: 'Invalid token'"));
                return;
            }
            TaskOutcome outcome;
            switch (target) {
                case "AWSStepFunctions.SendTaskHeartbeat" -> {
                    reply(exchange, 200, "{}");
                    return;
                }
                case "AWSStepFunctions.SendTaskSuccess" -> {
                    try {
                        outcome = TaskOutcome.succeeded(Json.parse(body.path("output").asText("")));
                    } catch (IOException e) {
                        reply(exchange, 400, error("InvalidOutput", "Invalid Output: the output is not JSON"));
                        return;
                    }
                }
                case "AWSStepFunctions.SendTaskFailure" -> outcome = TaskOutcome.failed(
                        body.hasNonNull("error") ? body.get("error").asText() : null,
                        body.hasNonNull("cause") ? body.get("cause").asText() : null);
                default -> {
                    reply(exchange, 400, error("UnknownOperationException", "ASLUnit's callback endpoint takes"
                            + " SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat, not " + target));
                    return;
                }
            }
            if (!future.complete(outcome)) {
                reply(exchange, 400, error("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'"));
                return;
            }
            reply(exchange, 200, "{}");
        }
    }

    private static String error(String type, String message) {
        return Json.write(Json.nodes().objectNode().put("__type", type).put("message", message));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
