package dev.aslunit.internal.integration.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.JsonReading;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP Task's ({@code arn:aws:states:::http:invoke}) answer to a response, as AWS shapes it:
 * {@code Headers} (name to list of values), {@code ResponseBody} (parsed when the response is
 * JSON, else the text), {@code StatusCode}, {@code StatusText}. A status outside 2xx fails the task
 * with {@code States.Http.StatusCode.NNN} and that same object, as JSON text, as the cause.
 */
public final class HttpTaskResults {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HttpTaskResults() {
    }

    /**
     * What the task makes of a response.
     *
     * @param result the result object (also the failure's cause, as JSON)
     * @param error  {@code null} for 2xx, else {@code States.Http.StatusCode.NNN}
     * @param cause  {@code null} for 2xx, else the result as JSON text
     */
    public record Outcome(ObjectNode result, String error, String cause) {
    }

    /** From a status, a body and single-valued headers (a mock's answer). */
    public static Outcome of(int statusCode, String body, Map<String, String> headers) {
        java.util.Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return fromResponse(statusCode, body, multi);
    }

    /** From a response as received: headers with all their values, in the order received. */
    public static Outcome fromResponse(int statusCode, String body, Map<String, List<String>> headers) {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("HTTP status " + statusCode + " is not a status code (100-599).");
        }
        ObjectNode out = JSON.objectNode();
        ObjectNode headerNode = out.putObject("Headers");
        String contentType = null;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            headerNode.set(e.getKey(), JSON.arrayNode().addAll(e.getValue().stream().map(JSON::textNode).toList()));
            if (e.getKey().equalsIgnoreCase("content-type") && !e.getValue().isEmpty()) {
                contentType = e.getValue().get(0);
            }
        }
        out.set("ResponseBody", body(body, contentType));
        out.put("StatusCode", statusCode);
        out.put("StatusText", statusText(statusCode));
        if (statusCode >= 200 && statusCode < 300) {
            return new Outcome(out, null, null);
        }
        return new Outcome(out, "States.Http.StatusCode." + statusCode, out.toString());
    }

    private static JsonNode body(String body, String contentType) {
        if (body == null || body.isEmpty()) {
            return JSON.textNode("");
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                return JsonReading.tree(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return JSON.textNode(body);
            }
        }
        return JSON.textNode(body);
    }

    /** The reason phrase for a status code (RFC 9110), as AWS's {@code StatusText} has it. */
    public static String statusText(int statusCode) {
        return switch (statusCode) {
            case 100 -> "Continue";
            case 101 -> "Switching Protocols";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 203 -> "Non-Authoritative Information";
            case 204 -> "No Content";
            case 205 -> "Reset Content";
            case 206 -> "Partial Content";
            case 300 -> "Multiple Choices";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 425 -> "Too Early";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
