package dev.aslunit.internal.integration.http;

import java.util.List;
import java.util.Map;

/**
 * One call an HTTP Task made, as sent and as answered: what TestState shows at inspection level
 * TRACE ({@code inspectionData.request} and {@code response}).
 */
public record HttpExchange(String protocol, String method, String url, Map<String, String> requestHeaders,
        String requestBody, int statusCode, String statusMessage, Map<String, List<String>> responseHeaders,
        String responseBody) {
}
