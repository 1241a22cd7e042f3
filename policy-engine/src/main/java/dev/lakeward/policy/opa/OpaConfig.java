package dev.lakeward.policy.opa;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where OPA is and how long a decision may take.
 *
 * @param url    OPA's base URL, e.g. {@code http://localhost:8181}
 * @param policy the rule the batch is decided by, as a Data API path ({@code lakeward/authz/decisions})
 */
public record OpaConfig(URI url, String policy, Duration timeout) {

    public static final String DEFAULT_POLICY = "lakeward/authz/decisions";

    public OpaConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** {@code POST <url>/v1/data/<policy>}. */
    URI decisionUri() {
        String base = url.toString().endsWith("/") ? url.toString() : url + "/";
        return URI.create(base + "v1/data/" + policy);
    }
}
