package dev.aslunit.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A loopback HTTP server standing in for a Lambda endpoint or an HTTP API in tests. */
final class Stub {

    /** What the stub answers to one request. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    @FunctionalInterface
    interface Responder {
        Answer answer(String path, String body);
    }

    private Stub() {
    }

    static HttpServer start(String context, Responder responder) {
        try {
            HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            stub.createContext(context, exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Answer a = responder.answer(exchange.getRequestURI().getPath(), body);
                a.headers().forEach(exchange.getResponseHeaders()::set);
                byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(a.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            stub.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String url(HttpServer stub) {
        return "http://127.0.0.1:" + stub.getAddress().getPort();
    }
}
