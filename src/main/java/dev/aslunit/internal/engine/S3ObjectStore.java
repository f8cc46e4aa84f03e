package dev.aslunit.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The S3 objects a Distributed Map reads ({@code ItemReader}) and writes ({@code ResultWriter}),
 * in memory, keyed by bucket and key. One store belongs to one test sandbox or one CLI request.
 */
public final class S3ObjectStore {

    private final Map<String, TreeMap<String, String>> buckets = new TreeMap<>();

    public S3ObjectStore put(String bucket, String key, String content) {
        buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).put(key, content);
        return this;
    }

    /** Adds an object named {@code bucket/key}, the shape of a batch request's {@code s3Objects}. */
    public S3ObjectStore put(String bucketAndKey, String content) {
        int slash = bucketAndKey.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("Expected \"bucket/key\", got \"" + bucketAndKey + "\"");
        }
        return put(bucketAndKey.substring(0, slash), bucketAndKey.substring(slash + 1), content);
    }

    /** @return the object's content, or {@code null} when there is no such object */
    public String get(String bucket, String key) {
        TreeMap<String, String> b = buckets.get(bucket);
        return b == null ? null : b.get(key);
    }

    /** The buckets that have objects, by name. */
    public List<String> buckets() {
        return List.copyOf(buckets.keySet());
    }

    public boolean hasBucket(String bucket) {
        return buckets.containsKey(bucket);
    }

    /** Keys of {@code bucket} starting with {@code prefix}, in S3's (lexicographic) order. */
    public List<String> list(String bucket, String prefix) {
        TreeMap<String, String> b = buckets.get(bucket);
        List<String> out = new ArrayList<>();
        if (b != null) {
            for (String k : b.tailMap(prefix == null ? "" : prefix, true).keySet()) {
                if (prefix != null && !k.startsWith(prefix)) {
                    break;
                }
                out.add(k);
            }
        }
        return out;
    }
}
