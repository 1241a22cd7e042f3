package dev.lakeward.catalog.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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

    private final SecureRandom random = new SecureRandom();

    @Inject
    TokenCache cache;

    /** What a valid token stands for: its caller, until it expires ({@code null}: never). */
    record Resolution(Caller caller, Instant expiresAt) {

        boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /** A new token: its secret, shown once, and what is stored of it. */
    public record Issued(String secret, AccessTokenEntity token) {
    }

    /** Issues a token for the principal, inside the caller's transaction. */
    public Issued issue(PrincipalEntity principal, String comment, Instant expiresAt) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        AccessTokenEntity entity = new AccessTokenEntity();
        entity.id = UUID.randomUUID();
        entity.principalId = principal.id;
        entity.tokenHash = hash(token);
        entity.comment = comment;
        entity.createdAt = Instant.now();
        entity.expiresAt = expiresAt;
        entity.persist();
        return new Issued(token, entity);
    }

    /** The caller a token stands for, if it is one of ours, has not expired, and its principal is active. */
    public Optional<Caller> resolve(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String tokenHash = hash(token);
        Optional<Resolution> resolution = cache.get(tokenHash, this::load);
        if (resolution.isPresent() && resolution.get().expiredAt(Instant.now())) {
            cache.forget(tokenHash);
            return Optional.empty();
        }
        return resolution.map(Resolution::caller);
    }

    private Optional<Resolution> load(String tokenHash) {
        return QuarkusTransaction.joiningExisting().call(() -> AccessTokenEntity.<AccessTokenEntity>find(
                        "tokenHash", tokenHash).firstResultOptional()
                .filter(t -> t.expiresAt == null || t.expiresAt.isAfter(Instant.now()))
                .flatMap(t -> PrincipalEntity.<PrincipalEntity>findByIdOptional(t.principalId)
                        .filter(p -> p.active)
                        .map(p -> new Resolution(new Caller(p.id, p.name, p.type), t.expiresAt))));
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
