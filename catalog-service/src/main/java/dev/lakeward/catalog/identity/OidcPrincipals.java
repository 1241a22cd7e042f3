package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.AccessChanged;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.error.Unauthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The principal a verified OIDC token names: a service principal by the client of a
 * client-credentials token, otherwise a user by {@code lakeward.oidc.principal-claim}. Unknown
 * users are created or refused as configured; a deactivated one is refused whatever its token.
 */
@ApplicationScoped
public class OidcPrincipals {

    @Inject
    LakewardConfig config;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<AccessChanged> accessChanged;

    @Transactional
    Caller callerFor(JsonWebToken jwt) {
        PrincipalEntity principal = jwt.containsClaim(config.oidc().servicePrincipalClaim())
                ? servicePrincipal(text(jwt, config.oidc().servicePrincipalClaim()))
                : user(jwt);
        if (!principal.active) {
            throw new Unauthenticated("'" + principal.name + "' is deactivated.");
        }
        if (principal.type == PrincipalType.USER) {
            config.oidc().groupsClaim().ifPresent(claim -> joinClaimedGroups(principal, jwt.getClaim(claim)));
        }
        return new Caller(principal.id, principal.name, principal.type);
    }

    private static PrincipalEntity servicePrincipal(String applicationId) {
        return PrincipalEntity.findByName(applicationId).filter(p -> p.type == PrincipalType.SERVICE_PRINCIPAL)
                .orElseThrow(() -> new Unauthenticated("Client '" + applicationId
                        + "' is not a service principal of Lakeward; create one with that application id."));
    }

    private PrincipalEntity user(JsonWebToken jwt) {
        String claim = config.oidc().principalClaim();
        String name = text(jwt, claim);
        if (name == null || name.isBlank()) {
            throw new Unauthenticated("The OIDC token has no '" + claim + "' claim to name its user.");
        }
        PrincipalEntity user = PrincipalEntity.findByName(name).orElseGet(() -> provision(name, jwt));
        if (user.type != PrincipalType.USER) {
            throw new Unauthenticated("'" + user.name + "' is a " + user.type + ", not a user.");
        }
        return user;
    }

    private PrincipalEntity provision(String name, JsonWebToken jwt) {
        if (!config.oidc().autoProvision()) {
            throw new Unauthenticated("User '" + name + "' is not provisioned in Lakeward.");
        }
        PrincipalEntity user = PrincipalEntity.create(name, PrincipalType.USER);
        user.displayName = text(jwt, "name");
        user.givenName = text(jwt, "given_name");
        user.familyName = text(jwt, "family_name");
        user.setWorkEmail(text(jwt, "email"));
        audit.change(name, AuditAction.OIDC_PROVISION_USER, Map.of("principal", name));
        return user;
    }

    /**
     * Adds the user to each existing Lakeward group its token lists that it is not yet in;
     * memberships are only added, never removed. The usual sign-in, with nothing to add, only reads.
     */
    @SuppressWarnings("unchecked")
    private void joinClaimedGroups(PrincipalEntity user, Object claimed) {
        if (!(claimed instanceof Collection<?> names) || names.isEmpty()) {
            return;
        }
        String[] lowered = names.stream().map(n -> asText(n).toLowerCase(Locale.ROOT)).toArray(String[]::new);
        List<Object[]> missing = em.createNativeQuery("""
                select g.id, g.name from principal g
                where g.type = 'GROUP' and lower(g.name) = any(?2)
                  and not exists (select 1 from group_member gm where gm.group_id = g.id and gm.member_id = ?1)""")
                .setParameter(1, user.id).setParameter(2, lowered).getResultList();
        if (missing.isEmpty()) {
            return;
        }
        for (Object[] group : missing) {
            em.createNativeQuery("insert into group_member (group_id, member_id) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, group[0]).setParameter(2, user.id).executeUpdate();
        }
        audit.change(user.name, AuditAction.OIDC_JOIN_GROUPS, Map.of("principal", user.name,
                "groups", missing.stream().map(g -> (String) g[1]).toList()));
        accessChanged.fire(new AccessChanged());
    }

    private static String text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        return value == null ? null : asText(value);
    }

    /** Claims other than the registered ones come as JSON-P values, whose toString() would keep the quotes. */
    private static String asText(Object value) {
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }
}
