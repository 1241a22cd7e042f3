package dev.lakeward.credentials;

import java.time.Instant;

/**
 * A short-lived credential for one location, in the cloud's own form, and when it expires.
 * {@code url} is the normalized location it was vended for.
 */
public record TemporaryCredential(String url, Instant expiration, Secret secret) {

    /** What an engine presents to the store. */
    public sealed interface Secret permits AwsSession, AzureSas, GcpToken, None {
    }

    /** STS session credentials. */
    public record AwsSession(String accessKeyId, String secretAccessKey, String sessionToken) implements Secret {
        @Override
        public String toString() {
            return "AwsSession[accessKeyId=" + accessKeyId + ", …]";
        }
    }

    /** A SAS token (the query string, without {@code ?}). */
    public record AzureSas(String sasToken) implements Secret {
        @Override
        public String toString() {
            return "AzureSas[…]";
        }
    }

    /** A downscoped OAuth 2.0 access token. */
    public record GcpToken(String oauthToken) implements Secret {
        @Override
        public String toString() {
            return "GcpToken[…]";
        }
    }

    /** Local files need none. */
    public record None() implements Secret {
    }
}
