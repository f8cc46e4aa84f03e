package dev.aslunit.cucumber;

/** An S3 object named in a step as {@code "bucket/key"}. */
record S3Name(String bucket, String key) {
}
