package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves a bearer token, from REST or gRPC, to the caller: Lakeward's own tokens by their
 * prefix, anything else as an OIDC token when an OIDC provider is configured.
 */
@ApplicationScoped
public class Authenticator {

    @Inject
    AccessTokens tokens;

    @Inject
    OidcSignIn oidc;

    public Caller authenticate(String token) {
        if (AccessTokens.isOurs(token) || !oidc.enabled()) {
            return tokens.resolve(token);
        }
        return oidc.signIn(token);
    }
}
