package dev.lakeward.catalog.access;

import dev.lakeward.policy.Principal;
import java.util.UUID;

/** The authenticated principal a request acts as. */
public record Caller(UUID principalId, String name, PrincipalType type) {

    /** The caller as the policy engine knows principals. */
    public Principal asPrincipal() {
        return new Principal(name, switch (type) {
            case USER -> Principal.Kind.USER;
            case SERVICE_PRINCIPAL -> Principal.Kind.SERVICE_PRINCIPAL;
            case GROUP -> Principal.Kind.GROUP;
        });
    }
}
