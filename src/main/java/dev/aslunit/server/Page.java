package dev.aslunit.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a listing and the {@code nextToken} for the rest. Items carry a sequence number
 * that never changes, and the token names the last one returned, so paging stays exact while
 * executions are being added. A token belongs to one listing ({@code scope}): a token from
 * another listing, or any other string, is AWS's {@code InvalidToken}.
 */
record Page<T>(List<T> items, String nextToken) {

    /**
     * @param ordered   the whole listing in the order it is returned
     * @param sequence  each item's sequence number, increasing along {@code ordered} unless {@code descending}
     */
    static <T> Page<T> of(List<T> ordered, ToLongFunction<T> sequence, boolean descending, String scope,
            String nextToken, int maxResults) {
        int from = 0;
        if (nextToken != null) {
            long after = decode(scope, nextToken);
            while (from < ordered.size()) {
                long s = sequence.applyAsLong(ordered.get(from));
                if (descending ? s < after : s > after) {
                    break;
                }
                from++;
            }
        }
        int to = Math.min(ordered.size(), from + maxResults);
        List<T> items = new ArrayList<>(ordered.subList(from, to));
        String next = to < ordered.size() && !items.isEmpty()
                ? encode(scope, sequence.applyAsLong(items.get(items.size() - 1))) : null;
        return new Page<>(items, next);
    }

    private static String encode(String scope, long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sequence + "|" + scope).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String scope, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar > 0 && text.substring(bar + 1).equals(scope)) {
                return Long.parseLong(text.substring(0, bar));
            }
        } catch (IllegalArgumentException e) {
            // not one of ours: answered below like any other unknown token
        }
        throw ApiException.invalidToken("Invalid Token: 'Invalid token'");
    }
}
