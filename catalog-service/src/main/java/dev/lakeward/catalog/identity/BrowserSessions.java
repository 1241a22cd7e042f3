package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.error.Unauthenticated;
import dev.lakeward.catalog.persistence.ServerKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The data explorer's sign-ins. A session is 256 random bits in an HttpOnly cookie; the store keeps
 * their SHA-256, the principal and, for a session begun with a Lakeward token, that token's hash:
 * every page rechecks the token (revoked or expired ends the session) and the principal (deactivated
 * or deleted ends it), so a session never outlives what it was begun with.
 */
@ApplicationScoped
public class BrowserSessions {

    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    AccessTokens tokens;

    @Inject
    OidcPrincipals principals;

    @Inject
    LakewardConfig config;

    @Inject
    ServerKey serverKey;

    @Inject
    Clock clock;

    private SecretKeySpec csrfKey;

    /** A session the cookie named: who it acts as, and the form token its changes must carry. */
    public record Session(String idHash, Caller caller, String csrfToken) {
    }

    /** A session just begun: the cookie's secret (given to the browser only) and when it ends. */
    public record Begun(String secret, Instant expiresAt) {
    }

    @PostConstruct
    void init() {
        csrfKey = new SecretKeySpec(serverKey.derived("explorer-csrf"), "HmacSHA256");
    }

    /** Begins a session with a Lakeward token, refused as an API call with it would be. */
    public Begun beginWithToken(String token) {
        if (!AccessTokens.isOurs(token)) {
            throw new Unauthenticated("That is not a Lakeward token: they begin with '" + AccessTokens.PREFIX + "'.");
        }
        String tokenHash = AccessTokens.hash(token);
        AccessTokens.Resolution resolution = tokens.valid(tokenHash);
        Instant end = clock.instant().plus(config.explorer().sessionLifetime());
        if (resolution.expiresAt() != null && resolution.expiresAt().isBefore(end)) {
            end = resolution.expiresAt();
        }
        return begin(resolution.caller(), tokenHash, end);
    }

    /**
     * Begins a session for the user the OIDC provider signed in (the ID token of its
     * authorization-code flow), found or provisioned as an OIDC bearer token's user is.
     */
    public Begun beginSignedIn(JsonWebToken idToken) {
        return begin(principals.callerFor(idToken), null, clock.instant().plus(config.explorer().sessionLifetime()));
    }

    private Begun begin(Caller caller, String tokenHash, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from browser_session where expires_at <= ?1")
                    .setParameter(1, Timestamp.from(now)).executeUpdate();
            em.createNativeQuery("""
                    insert into browser_session (id_hash, principal_id, token_hash, created_at, expires_at)
                    values (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, AccessTokens.hash(secret)).setParameter(2, caller.principalId())
                    .setParameter(3, tokenHash).setParameter(4, Timestamp.from(now))
                    .setParameter(5, Timestamp.from(expiresAt)).executeUpdate();
        });
        return new Begun(secret, expiresAt);
    }

    /**
     * The session a cookie's secret names, if it has not ended; its token and principal are
     * rechecked, and a refusal says why (a revoked token, a deactivated principal).
     */
    public Optional<Session> resolve(String secret) {
        String idHash = AccessTokens.hash(secret);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("""
                select p.id, p.name, p.type, p.active, s.token_hash from browser_session s
                join principal p on p.id = s.principal_id
                where s.id_hash = ?1 and s.expires_at > ?2""")
                .setParameter(1, idHash).setParameter(2, Timestamp.from(clock.instant())).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.getFirst();
        Caller caller = new Caller((UUID) row[0], (String) row[1], PrincipalType.valueOf((String) row[2]));
        if (row[4] != null) {
            caller = tokens.valid((String) row[4]).caller();
        } else if (!(Boolean) row[3]) {
            throw new Unauthenticated("'" + caller.name() + "' is deactivated.");
        }
        return Optional.of(new Session(idHash, caller, csrfToken(idHash)));
    }

    /** Ends the session the secret names; ending one that already ended is no error. */
    public void end(String secret) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from browser_session where id_hash = ?1")
                .setParameter(1, AccessTokens.hash(secret)).executeUpdate());
    }

    /** Whether a form's token is the session's own, compared in constant time. */
    public static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private String csrfToken(String idHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(csrfKey);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(idHash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
