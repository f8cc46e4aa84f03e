package dev.aslunit.internal.passthrough;

import java.net.URI;

/**
 * Where passed-through Tasks go: the endpoint override for every service ({@code null} for AWS's
 * own endpoints), the region ({@code null} for the SDK's default chain) and whether a call's real
 * duration passes on the virtual clock. Credentials always come from the SDK's default chain.
 */
public record AwsSettings(URI endpoint, String region, boolean realLatency) {
}
