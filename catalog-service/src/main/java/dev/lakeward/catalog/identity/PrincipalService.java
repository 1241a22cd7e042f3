package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.AccessChanged;
import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.edge.ClientText;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.identity.AccessTokens.Issued;
import dev.lakeward.catalog.identity.Principals.CreatePrincipal;
import dev.lakeward.catalog.identity.Principals.CreatedToken;
import dev.lakeward.catalog.identity.Principals.PrincipalInfo;
import dev.lakeward.catalog.identity.Principals.PrincipalName;
import dev.lakeward.catalog.identity.Principals.TokenInfo;
import dev.lakeward.catalog.identity.Principals.UpdateMembers;
import dev.lakeward.catalog.persistence.LikePatterns;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.catalog.persistence.UniqueNames;
import dev.lakeward.policy.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Users, groups and service principals, and tokens for them. Changes are the metastore admin's
 * (MANAGE on the metastore); every principal may read the directory. SCIM writes the same tables.
 */
@ApplicationScoped
public class PrincipalService {

    @Inject
    Metastore metastore;

    private static final int MAX_NAME_LENGTH = 255;

    @Inject
    EntityManager em;

    @Inject
    PageTokens pageTokens;

    @Inject
    AccessControl access;

    @Inject
    AccessTokens tokens;

    @Inject
    AuditLog audit;

    @Inject
    GroupMembers groupMembers;

    @Inject
    Event<AccessChanged> accessChanged;

    @Inject
    Event<NamespaceChanged> namespaceChanged;

    @Transactional
    public PrincipalInfo create(Caller caller, CreatePrincipal request) {
        InvalidParameter.requireBody(request);
        access.require(caller, Action.MANAGE, metastore.securable());
        if (request.type() == null) {
            throw new InvalidParameter("type is required: one of USER, GROUP, SERVICE_PRINCIPAL.");
        }
        String name = name(request.name());
        List<String> members = request.members() == null ? List.of() : request.members();
        if (!members.isEmpty() && request.type() != PrincipalType.GROUP) {
            throw new InvalidParameter("Only a GROUP has members.");
        }
        List<PrincipalEntity> memberEntities = members.stream().map(PrincipalService::existing).toList();
        PrincipalEntity principal = PrincipalEntity.create(name, request.type());
        UniqueNames.flush(em, () -> "A principal named '" + name + "' already exists.");
        memberEntities.forEach(member -> addMember(principal, member));
        audit.change(caller.name(), AuditAction.CREATE_PRINCIPAL,
                Map.of("principal", name, "type", request.type().name(), "members", members));
        if (!memberEntities.isEmpty()) {
            accessChanged.fire(new AccessChanged());
        }
        return info(principal);
    }

    @Transactional
    public PrincipalInfo get(String name) {
        return info(existing(name));
    }

    @Transactional
    public Page<PrincipalInfo> list(String maxResults, String pageToken) {
        PageRequest page = pageTokens.request(maxResults, pageToken);
        // range() is inclusive: size + 1 rows, the last only telling whether another page exists
        return Page.fromLookahead(PrincipalEntity.<PrincipalEntity>find("lower(name) > ?1 order by lower(name)",
                        page.after()).range(0, page.size()).list(),
                page, p -> p.name.toLowerCase(Locale.ROOT)).map(this::info);
    }

    /**
     * Up to {@code limit} principals whose name or display name contains the text, any case, in
     * name order: the explorer's principal picker. Names of principals are no secret from a
     * signed-in caller, as in Databricks, where every user may look up the workspace's users.
     */
    @Transactional
    public List<PrincipalName> named(String text, int limit) {
        String pattern = "%" + LikePatterns.literal(text) + "%";
        return PrincipalEntity.<PrincipalEntity>find(
                        "lower(name) like ?1 escape '\\' or lower(displayName) like ?1 escape '\\' order by lower(name)",
                        pattern).range(0, limit - 1).list().stream().map(p -> new PrincipalName(p.name, p.type)).toList();
    }

    /** Adds and removes a group's direct members; a change that would make a group contain itself is refused. */
    @Transactional
    public PrincipalInfo updateMembers(Caller caller, String groupName, UpdateMembers request) {
        InvalidParameter.requireBody(request);
        access.require(caller, Action.MANAGE, metastore.securable());
        PrincipalEntity group = existing(groupName);
        if (group.type != PrincipalType.GROUP) {
            throw new InvalidParameter("'" + group.name + "' is a " + group.type + ", not a GROUP.");
        }
        List<PrincipalEntity> added = (request.addMembers() == null ? List.<String>of() : request.addMembers())
                .stream().map(PrincipalService::existing).toList();
        List<PrincipalEntity> removed = (request.removeMembers() == null ? List.<String>of() : request.removeMembers())
                .stream().map(PrincipalService::existing).toList();
        for (PrincipalEntity member : added) {
            if (member.type == PrincipalType.GROUP && groupMembers.contains(member.id, group.id)) {
                throw new InvalidParameter("Adding group '" + member.name + "' to '" + group.name
                        + "' would make a group contain itself.");
            }
            addMember(group, member);
        }
        for (PrincipalEntity member : removed) {
            em.createNativeQuery("delete from group_member where group_id = ?1 and member_id = ?2")
                    .setParameter(1, group.id).setParameter(2, member.id).executeUpdate();
        }
        audit.change(caller.name(), AuditAction.UPDATE_MEMBERS, Map.of("group", group.name,
                "add", added.stream().map(p -> p.name).toList(), "remove", removed.stream().map(p -> p.name).toList()));
        accessChanged.fire(new AccessChanged());
        return info(group);
    }

    /**
     * Deletes a principal; what it owns goes to {@code newOwner} in the same transaction, and without
     * one a principal that owns anything is refused (409 naming what it owns).
     */
    @Transactional
    public void delete(Caller caller, String name, String newOwner) {
        access.require(caller, Action.MANAGE, metastore.securable());
        PrincipalEntity principal = existing(name);
        Map<String, Object> details = new HashMap<>(Map.of("principal", principal.name));
        if (newOwner != null) {
            PrincipalEntity heir = PrincipalEntity.findByName(newOwner).orElseThrow(() ->
                    new InvalidParameter("new_owner '" + Names.printable(newOwner) + "' is not a known principal."));
            if (heir.id.equals(principal.id)) {
                throw new InvalidParameter("new_owner must be another principal than the one deleted.");
            }
            details.put("new_owner", heir.name);
            details.put("objects_transferred", OwnedObjects.transfer(em, principal, heir));
            namespaceChanged.fire(new NamespaceChanged());
        }
        OwnedObjects.refuseIfAny(em, principal);
        // the database drops its tokens, grants and memberships with it
        principal.delete();
        audit.change(caller.name(), AuditAction.DELETE_PRINCIPAL, details);
        accessChanged.fire(new AccessChanged());
    }

    /** A token for any principal (Lakeward's API) or, with {@code servicePrincipalOnly}, Databricks' on-behalf-of. */
    @Transactional
    public CreatedToken issueToken(Caller caller, String principalName, Long lifetimeSeconds, String comment,
            boolean servicePrincipalOnly) {
        access.require(caller, Action.MANAGE, metastore.securable());
        if (principalName == null || principalName.isEmpty()) {
            throw new InvalidParameter("application_id is required: the service principal's application id.");
        }
        PrincipalEntity principal = PrincipalEntity.findByName(principalName).orElseThrow(() ->
                new InvalidParameter("'" + principalName + "' is not a known principal."));
        if (servicePrincipalOnly && principal.type != PrincipalType.SERVICE_PRINCIPAL) {
            throw new InvalidParameter("'" + principal.name + "' is a " + principal.type + ", not a SERVICE_PRINCIPAL.");
        }
        if (principal.type == PrincipalType.GROUP) {
            throw new InvalidParameter("A group cannot hold a token; issue one to a user or service principal.");
        }
        Issued issued = tokens.issue(principal, comment, lifetimeSeconds);
        Instant expiresAt = issued.token().expiresAt;
        audit.change(caller.name(), AuditAction.ISSUE_TOKEN,
                Map.of("principal", principal.name, "token_id", issued.token().id.toString()));
        AccessTokenEntity token = issued.token();
        return new CreatedToken(issued.secret(), new TokenInfo(token.id.toString(), token.createdAt.toEpochMilli(),
                expiresAt == null ? -1 : expiresAt.toEpochMilli(), comment, principal.id.toString(), caller.name(),
                principal.name));
    }

    private static String name(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidParameter("name must be 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        return ClientText.requireName("name", name);
    }

    private static PrincipalEntity existing(String name) {
        if (name == null) {
            throw new InvalidParameter("A principal name is required.");
        }
        return PrincipalEntity.findByName(name).orElseThrow(() ->
                new NotFound("Principal '" + name + "' does not exist."));
    }

    private void addMember(PrincipalEntity group, PrincipalEntity member) {
        em.createNativeQuery("insert into group_member (group_id, member_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, group.id).setParameter(2, member.id).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private PrincipalInfo info(PrincipalEntity principal) {
        List<String> members = em.createNativeQuery("""
                select p.name from group_member gm join principal p on p.id = gm.member_id
                where gm.group_id = ?1 order by lower(p.name)""").setParameter(1, principal.id).getResultList();
        List<String> groups = em.createNativeQuery("""
                select p.name from group_member gm join principal p on p.id = gm.group_id
                where gm.member_id = ?1 order by lower(p.name)""").setParameter(1, principal.id).getResultList();
        return new PrincipalInfo(principal.id.toString(), principal.name, principal.type,
                principal.createdAt.toEpochMilli(), principal.type == PrincipalType.GROUP ? members : null, groups);
    }

}
