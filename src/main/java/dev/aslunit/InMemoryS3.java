package dev.aslunit;

import dev.aslunit.internal.engine.S3ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The S3 of one test: the objects a Distributed Map's {@code ItemReader} reads and its
 * {@code ResultWriter} writes, in memory. Every execution the test starts sees the same objects, as
 * on a real bucket; the next test starts with an empty S3. Objects are text (UTF-8), as the
 * {@code ItemReader} reads them: JSON, JSON Lines, CSV or an S3 inventory manifest.
 *
 * <pre>{@code
 * sfn.s3().putObject("invoices", "2026-01/b-7.csv", """
 *     id,customer,amount
 *     inv-1,c-1,120.00
 *     """);
 * Execution execution = sfn.run("{\"bucket\": \"invoices\", \"key\": \"2026-01/b-7.csv\"}");
 * List<String> written = sfn.s3().listKeys("accounting", "charges/");
 * }</pre>
 */
public final class InMemoryS3 {

    private static final int KEYS_SHOWN = 20;

    private final S3ObjectStore store;

    InMemoryS3(S3ObjectStore store) {
        this.store = store;
    }

    /** What the engine reads and writes; package-private so tests see only this view. */
    S3ObjectStore store() {
        return store;
    }

    /** Puts an object (replacing one with the same key), as {@code s3:PutObject} does. */
    public InMemoryS3 putObject(String bucket, String key, String content) {
        store.put(requireName(bucket, "bucket"), requireName(key, "key"), Objects.requireNonNull(content, "content"));
        return this;
    }

    /** Puts an object whose content is this file's text (UTF-8). */
    public InMemoryS3 putObject(String bucket, String key, Path file) {
        Objects.requireNonNull(file, "file");
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("putObject(\"" + bucket + "\", \"" + key + "\", " + file
                    + "): cannot read " + file.toAbsolutePath() + " (" + e + ")", e);
        }
        return putObject(bucket, key, content);
    }

    /**
     * The content of an object. A {@code *} in the key stands for any characters but {@code /}, for
     * the parts of a key a test cannot know, such as the Map Run id under which a {@code ResultWriter}
     * writes (<code>"charges/&#42;/SUCCEEDED_0.json"</code>); exactly one object must match.
     *
     * @throws AssertionError when there is no such object (or several match), naming the bucket's keys
     */
    public String getObject(String bucket, String key) {
        return store.get(bucket, findKey(bucket, key));
    }

    /** The key of the one object that {@code key} names ({@code *} as in {@link #getObject}). */
    private String findKey(String bucket, String key) {
        requireName(bucket, "bucket");
        requireName(key, "key");
        if (store.get(bucket, key) != null) {
            return key;
        }
        String where = "s3://" + bucket + "/" + key;
        if (!store.hasBucket(bucket)) {
            throw new AssertionError("No S3 object " + where + ": there is no bucket \"" + bucket + "\" in this test's"
                    + " S3" + bucketsThere());
        }
        List<String> keys = store.list(bucket, "");
        List<String> matching = new ArrayList<>();
        if (key.indexOf('*') >= 0) {
            Pattern pattern = glob(key);
            for (String k : keys) {
                if (pattern.matcher(k).matches()) {
                    matching.add(k);
                }
            }
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        throw new AssertionError((matching.isEmpty() ? "No S3 object " + where + "."
                : "Several S3 objects match " + where + ": " + shown(matching) + "; name one.")
                + " Keys in \"" + bucket + "\": " + shown(keys));
    }

    /** Every key of a bucket, in S3's (lexicographic) order. */
    public List<String> listKeys(String bucket) {
        return listKeys(bucket, "");
    }

    /**
     * The keys of a bucket that start with {@code prefix}, in S3's (lexicographic) order.
     *
     * @throws AssertionError when there is no such bucket, naming those there are
     */
    public List<String> listKeys(String bucket, String prefix) {
        requireName(bucket, "bucket");
        if (!store.hasBucket(bucket)) {
            throw new AssertionError("No S3 bucket \"" + bucket + "\" in this test's S3" + bucketsThere());
        }
        return store.list(bucket, prefix == null ? "" : prefix);
    }

    /** The buckets that have objects, by name. */
    public List<String> buckets() {
        return store.buckets();
    }

    @Override
    public String toString() {
        return "the test's S3 (buckets " + store.buckets() + ")";
    }

    private String bucketsThere() {
        return store.buckets().isEmpty() ? ", which is empty: no object was put and no ResultWriter wrote."
                : ". Buckets: " + Execution.quoted(store.buckets()) + ".";
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("An S3 " + what + " name cannot be " + (name == null ? "null" : "empty"));
        }
        return name;
    }

    private static Pattern glob(String key) {
        String[] parts = key.split("\\*", -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            regex.append("[^/]*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private static String shown(List<String> keys) {
        if (keys.isEmpty()) {
            return "none";
        }
        List<String> shown = keys.size() <= KEYS_SHOWN ? keys : keys.subList(0, KEYS_SHOWN);
        return Execution.quoted(shown) + (keys.size() > KEYS_SHOWN ? " … " + (keys.size() - KEYS_SHOWN) + " more" : "");
    }
}
