package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.Unauthenticated;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues Lakeward's own bearer tokens and resolves them to callers. A token is 256 random bits; the
 * store keeps its SHA-256 only, so a leaked database does not leak usable tokens.
 */
@ApplicationScoped
public class AccessTokens {

    /** Marks Lakeward's tokens so they are told apart from OIDC JWTs. */
    static final String PREFIX = "lkw_";

    static final long MAX_LIFETIME_SECONDS = 10L * 365 * 24 * 3600;

    private final SecureRandom random = new SecureRandom();

    @Inject
    TokenCache cache;

    @Inject
    Clock clock;

    /** What a valid token stands for: its caller, until it expires ({@code null}: never), while the principal is active. */
    record Resolution(Caller caller, Instant expiresAt, boolean active) {

        boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /** A new token: its secret, shown once, and what is stored of it. */
    public record Issued(String secret, AccessTokenEntity token) {
    }

    /**
     * Issues a token for the principal, inside the caller's transaction, living {@code lifetimeSeconds}
     * (1 to {@value #MAX_LIFETIME_SECONDS}) or, when {@code null}, until revoked.
     */
    public Issued issue(PrincipalEntity principal, String comment, Long lifetimeSeconds) {
        if (lifetimeSeconds != null && (lifetimeSeconds < 1 || lifetimeSeconds > MAX_LIFETIME_SECONDS)) {
            throw new InvalidParameter("lifetime_seconds must be from 1 to " + MAX_LIFETIME_SECONDS
                    + " (ten years), or absent for a token that does not expire; got " + lifetimeSeconds + ".");
        }
        Instant createdAt = clock.instant();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        AccessTokenEntity entity = new AccessTokenEntity();
        entity.id = UUID.randomUUID();
        entity.principalId = principal.id;
        entity.tokenHash = hash(token);
        entity.comment = comment;
        entity.createdAt = createdAt;
        entity.expiresAt = lifetimeSeconds == null ? null : createdAt.plusSeconds(lifetimeSeconds);
        entity.persist();
        return new Issued(token, entity);
    }

    /**
     * The caller a token stands for, if it is one of ours and has not expired; a deactivated
     * principal's token is refused saying so, since its holder knows whose it is.
     */
    public Caller resolve(String token) {
        if (!isOurs(token)) {
            throw new Unauthenticated("The bearer token is not valid or has expired.");
        }
        return valid(hash(token)).caller();
    }

    /** Whether the text has the shape of one of Lakeward's tokens (not whether it is valid). */
    static boolean isOurs(String token) {
        return token.startsWith(PREFIX);
    }

    /**
     * What the token with this hash stands for, if it is valid now; otherwise refused as
     * {@link #resolve} refuses. A browser session begun with the token rechecks it on every page.
     */
    Resolution valid(String tokenHash) {
        Optional<Resolution> resolution = cache.get(tokenHash, this::load);
        if (resolution.isEmpty() || resolution.get().expiredAt(clock.instant())) {
            cache.forget(tokenHash);
            throw new Unauthenticated("The bearer token is not valid or has expired.");
        }
        if (!resolution.get().active()) {
            throw new Unauthenticated("'" + resolution.get().caller().name() + "' is deactivated.");
        }
        return resolution.get();
    }

    private Optional<Resolution> load(String tokenHash) {
        return QuarkusTransaction.joiningExisting().call(() -> AccessTokenEntity.<AccessTokenEntity>find(
                        "tokenHash", tokenHash).firstResultOptional()
                .filter(t -> t.expiresAt == null || t.expiresAt.isAfter(clock.instant()))
                .flatMap(t -> PrincipalEntity.<PrincipalEntity>findByIdOptional(t.principalId)
                        .map(p -> new Resolution(new Caller(p.id, p.name, p.type), t.expiresAt, p.active))));
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
