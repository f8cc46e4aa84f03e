package dev.aslunit.internal.verify;

import java.net.URI;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The account of the run's credentials (SDK default chain), from STS's GetCallerIdentity. */
final class StsAccount {

    private StsAccount() {
    }

    /** @param endpoint STS's endpoint, or {@code null} for the region's own */
    static String callerAccount(String region, URI endpoint) {
        var builder = StsClient.builder().region(Region.of(region));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        try (StsClient sts = builder.build()) {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            throw new IllegalStateException("Verify mode could not tell which AWS account the run's credentials belong"
                    + " to (STS GetCallerIdentity: " + e.getMessage() + "); it calls no endpoint of AWS without knowing."
                    + " Check the credentials of the SDK's default chain (AWS_PROFILE, ~/.aws/credentials, ...).", e);
        }
    }
}
