package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.AccessChanged;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.identity.AccessTokens.Issued;
import dev.lakeward.catalog.identity.Principals.CreatedToken;
import dev.lakeward.catalog.identity.Principals.TokenInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A principal's own tokens: only its own are listed or revoked, and only hashes are stored. */
@ApplicationScoped
public class PersonalTokens {

    @Inject
    AccessTokens tokens;

    @Inject
    AuditLog audit;

    @Inject
    Event<AccessChanged> accessChanged;

    @Transactional
    public CreatedToken create(Caller caller, Long lifetimeSeconds, String comment) {
        PrincipalEntity principal = PrincipalEntity.findById(caller.principalId());
        Issued issued = tokens.issue(principal, comment, lifetimeSeconds);
        audit.change(caller.name(), AuditAction.CREATE_TOKEN, Map.of("token_id", issued.token().id.toString()));
        return new CreatedToken(issued.secret(), info(issued.token(), principal, caller.name()));
    }

    @Transactional
    public List<TokenInfo> list(Caller caller) {
        PrincipalEntity principal = PrincipalEntity.findById(caller.principalId());
        return AccessTokenEntity.<AccessTokenEntity>list("principalId = ?1 order by createdAt", caller.principalId())
                .stream().map(t -> info(t, principal, null)).toList();
    }

    @Transactional
    public void revoke(Caller caller, String tokenId) {
        UUID id;
        try {
            id = UUID.fromString(tokenId == null ? "" : tokenId);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("token_id '" + tokenId + "' is not a token id.");
        }
        long deleted = AccessTokenEntity.delete("id = ?1 and principalId = ?2", id, caller.principalId());
        if (deleted == 0) {
            throw new NotFound("You have no token with the id '" + tokenId + "'.");
        }
        audit.change(caller.name(), AuditAction.REVOKE_TOKEN, Map.of("token_id", tokenId));
        accessChanged.fire(new AccessChanged());
    }

    private static TokenInfo info(AccessTokenEntity token, PrincipalEntity owner, String createdBy) {
        return new TokenInfo(token.id.toString(), token.createdAt.toEpochMilli(),
                token.expiresAt == null ? -1 : token.expiresAt.toEpochMilli(), token.comment, owner.id.toString(),
                createdBy, owner.name);
    }
}
