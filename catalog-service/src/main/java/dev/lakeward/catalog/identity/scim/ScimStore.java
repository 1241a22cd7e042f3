package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.LakewardConfig;
import dev.lakeward.catalog.audit.AuditLog;
import dev.lakeward.catalog.authz.AccessControl;
import dev.lakeward.catalog.authz.GrantSnapshots;
import dev.lakeward.catalog.authz.GrantsChanged;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.PrincipalType;
import dev.lakeward.catalog.identity.scim.ScimLinks.Links;
import dev.lakeward.catalog.namespace.Securables;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Principal;
import dev.lakeward.scim.ScimError;
import dev.lakeward.scim.ScimFilter;
import dev.lakeward.scim.ScimProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.hibernate.exception.ConstraintViolationException;

/**
 * What every SCIM resource type shares over the principal tables: who may provision, finding a
 * resource by id, ETags, uniqueness, memberships, deletion, and listings with filters, paging and
 * attribute projection.
 */
@ApplicationScoped
class ScimStore {

    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final int DEFAULT_COUNT = 100;
    private static final int MAX_COUNT = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    AccessControl access;

    @Inject
    LakewardConfig config;

    @Inject
    GrantSnapshots snapshots;

    @Inject
    AuditLog audit;

    @Inject
    ScimLinks links;

    @Inject
    Event<GrantsChanged> grantsChanged;

    /** SCIM is for provisioners ({@code lakeward.identity.provisioners-group}) and metastore admins. */
    void requireProvisioner(Caller caller) {
        if (!snapshots.get().identities(caller.name()).contains(Principal.key(config.identity().provisionersGroup()))) {
            try {
                access.require(caller, Action.MANAGE, Securables.metastore());
            } catch (PermissionDenied denied) {
                throw new ScimError(403, null, "SCIM is for metastore admins and members of '"
                        + config.identity().provisionersGroup() + "': " + denied.getMessage());
            }
        }
    }

    /** A listing's query: the filter, which attributes it may use, and how a lookup can be narrowed first. */
    record Query(PrincipalType type, Set<String> filterable, Map<String, String> indexedEqualities) {
    }

    /**
     * The ListResponse for a filter, in a stable order (name, then id). A filter that requires one
     * indexed attribute's value (identity providers' {@code userName eq "…"}) is looked up by it
     * first; otherwise the type is read whole, with its memberships in two queries.
     */
    ObjectNode list(Query query, String filter, Integer startIndex, Integer count, ScimProjection projection,
            BiFunction<PrincipalEntity, Links, ObjectNode> toJson) {
        ScimFilter parsed = filter == null || filter.isBlank() ? null : ScimFilter.parse(filter, query.filterable());
        List<PrincipalEntity> candidates = null;
        Links links = null;
        if (parsed != null) {
            for (Map.Entry<String, String> indexed : query.indexedEqualities().entrySet()) {
                Optional<String> value = parsed.requiredEquality(indexed.getKey());
                if (value.isPresent()) {
                    candidates = lookup(query.type(), indexed.getValue(), value.get());
                    links = this.links.live();
                    break;
                }
            }
        }
        if (candidates == null) {
            candidates = PrincipalEntity.list("type = ?1 order by lower(name), id", query.type());
            links = this.links.all();
        }
        List<ObjectNode> matching = new ArrayList<>();
        for (PrincipalEntity principal : candidates) {
            ObjectNode json = toJson.apply(principal, links);
            if (parsed == null || parsed.matches(json)) {
                matching.add(json);
            }
        }
        return listResponse(matching, startIndex, count, projection);
    }

    private static List<PrincipalEntity> lookup(PrincipalType type, String column, String value) {
        if (column.equals("id")) {
            try {
                return PrincipalEntity.list("type = ?1 and id = ?2", type, UUID.fromString(value));
            } catch (IllegalArgumentException notAnId) {
                return List.of();
            }
        }
        return PrincipalEntity.list("type = ?1 and " + column + " order by lower(name), id", type, value);
    }

    private static ObjectNode listResponse(List<ObjectNode> all, Integer startIndex, Integer count,
            ScimProjection projection) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        ObjectNode list = JSON.createObjectNode();
        list.putArray("schemas").add(LIST_SCHEMA);
        list.put("totalResults", all.size());
        list.put("startIndex", start);
        List<ObjectNode> page = all.subList(Math.min(start - 1, all.size()), Math.min(start - 1 + size, all.size()));
        list.put("itemsPerPage", page.size());
        ArrayNode resources = list.putArray("Resources");
        page.forEach(resource -> resources.add(projection.apply(resource)));
        return list;
    }

    PrincipalEntity find(String id, PrincipalType type) {
        String kind = type == PrincipalType.SERVICE_PRINCIPAL ? "service principal" : type.name().toLowerCase();
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ScimError(404, null, "No " + kind + " has the id '" + id + "'.");
        }
        PrincipalEntity principal = PrincipalEntity.findById(uuid);
        if (principal == null || principal.type != type) {
            throw new ScimError(404, null, "No " + kind + " has the id '" + id + "'.");
        }
        return principal;
    }

    static void checkVersion(PrincipalEntity principal, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.contains("\"" + principal.version + "\"")) {
            throw new ScimError(412, null, "The resource has changed: its version is " + ScimJson.etag(principal) + ".");
        }
    }

    void flushUnique(String name) {
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new ScimError(409, "uniqueness", "A principal named '" + name + "' already exists.");
            }
            throw e;
        }
    }

    /** Deletes a principal; the database drops its memberships, tokens and grants. */
    void delete(Caller caller, String id, PrincipalType type) {
        requireProvisioner(caller);
        PrincipalEntity principal = find(id, type);
        if (principal.name.equalsIgnoreCase(Securables.metastore().owner())) {
            throw new ScimError(409, "mutability", "'" + principal.name + "' owns the metastore; transfer it first.");
        }
        principal.delete();
        audit.change(caller.name(), "SCIM_DELETE_" + type.name(), null, null, Map.of("principal", principal.name));
        grantsChanged.fire(new GrantsChanged());
    }

    static Set<UUID> memberIds(JsonNode members) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (members.isArray()) {
            for (JsonNode member : members) {
                try {
                    ids.add(UUID.fromString(member.path("value").asText()));
                } catch (IllegalArgumentException e) {
                    throw ScimError.invalidValue("Member '" + member.path("value").asText() + "' is not a SCIM id.");
                }
            }
        }
        return ids;
    }

    /** Makes the group's direct members exactly these; unknown ids, and the group itself, are refused. */
    @SuppressWarnings("unchecked")
    void setMembers(PrincipalEntity group, Set<UUID> wanted) {
        for (UUID id : wanted) {
            if (id.equals(group.id) || PrincipalEntity.findById(id) == null) {
                throw ScimError.invalidValue("Member '" + id + "' is not a principal that can join this group.");
            }
        }
        Set<UUID> current = new HashSet<>((List<UUID>) em.createNativeQuery(
                "select member_id from group_member where group_id = ?1", UUID.class)
                .setParameter(1, group.id).getResultList());
        boolean changed = false;
        for (UUID id : current) {
            if (!wanted.contains(id)) {
                em.createNativeQuery("delete from group_member where group_id = ?1 and member_id = ?2")
                        .setParameter(1, group.id).setParameter(2, id).executeUpdate();
                changed = true;
            }
        }
        for (UUID id : wanted) {
            if (!current.contains(id)) {
                em.createNativeQuery("insert into group_member (group_id, member_id) values (?1, ?2)")
                        .setParameter(1, group.id).setParameter(2, id).executeUpdate();
                changed = true;
            }
        }
        if (changed) {
            grantsChanged.fire(new GrantsChanged());
        }
    }

    Links liveLinks() {
        return links.live();
    }
}
