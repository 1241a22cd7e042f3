package dev.lakeward.catalog.namespace;

import dev.lakeward.policy.Securable;
import java.util.UUID;

/**
 * A namespace object as a read answers it, with its securable as the policy engine sees it:
 * values, safe to share and to remember.
 */
public record Found<I>(I info, Securable securable) {

    public UUID id() {
        return UUID.fromString(securable.id());
    }
}
