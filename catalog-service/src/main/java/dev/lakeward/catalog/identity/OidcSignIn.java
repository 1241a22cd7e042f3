package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.error.Unauthenticated;
import dev.lakeward.catalog.error.Unavailable;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Signs a caller in with an OIDC access token: Quarkus OIDC verifies it (signature against the
 * provider's JWKS, issuer, audience, expiry, and introspection where configured), then
 * {@link OidcPrincipals} finds the principal its claims name.
 */
@ApplicationScoped
public class OidcSignIn {

    /** Bounds a verification that must fetch the provider's keys or introspect. */
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(10);

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    TenantIdentityProvider provider;

    @Inject
    OidcPrincipals principals;

    /** Whether an OIDC provider is configured ({@code quarkus.oidc.tenant-enabled}). */
    boolean enabled() {
        return enabled;
    }

    /** Must run on a worker thread: verification may call the provider, and sign-in reads the store. */
    Caller signIn(String token) {
        SecurityIdentity identity;
        try {
            identity = provider.authenticate(new AccessTokenCredential(token)).await().atMost(VERIFY_TIMEOUT);
        } catch (RuntimeException e) {
            if (providerUnavailable(e)) {
                throw new Unavailable("The OIDC provider is not available to verify the token; try again later.");
            }
            throw new Unauthenticated(reason(e));
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new Unauthenticated("The bearer token is not a JWT; Lakeward reads its claims from a JWT.");
        }
        return principals.callerFor(jwt);
    }

    /** Whether the provider could not be reached (its discovery or keys), which is no fault of the token. */
    private static boolean providerUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OIDCException && cause.getMessage() != null
                    && cause.getMessage().contains("not available")) {
                return true;
            }
        }
        return false;
    }

    /** Why verification failed, in words that name no part of the token. */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().endsWith(" is not active")) {
                // Quarkus OIDC's words when introspection answers active: false
                return "The OIDC token is no longer active: its session ended or it was revoked.";
            }
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "The OIDC token has expired.";
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "The OIDC token is not meant for Lakeward: its audience does not include this service.";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "The OIDC token comes from an issuer Lakeward does not trust.";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return "The OIDC token's signature does not verify.";
                }
            }
        }
        return "The bearer token is not valid: not a token of Lakeward's, nor an OIDC token that verifies.";
    }
}
