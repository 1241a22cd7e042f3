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
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.PrincipalType;
import dev.lakeward.catalog.namespace.Securables;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Principal;
import dev.lakeward.scim.ScimError;
import dev.lakeward.scim.ScimFilter;
import dev.lakeward.scim.ScimPatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.hibernate.exception.ConstraintViolationException;

/**
 * SCIM 2.0 Users and Groups over the principal tables that grants use: every write is one
 * transaction, group membership changes reach the grant snapshot as soon as they commit, and a
 * deactivated user keeps its grants but its tokens are refused.
 */
@ApplicationScoped
public class ScimDirectory {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String SERVICE_PRINCIPAL_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final Set<String> USER_FILTERS = Set.of("username", "externalid", "displayname", "emails.value",
            "emails.type", "active", "id", "meta.lastmodified");
    private static final Set<String> GROUP_FILTERS = Set.of("displayname", "externalid", "members.value", "id",
            "meta.lastmodified");
    private static final Set<String> SERVICE_PRINCIPAL_FILTERS = Set.of("applicationid", "displayname", "externalid",
            "active", "id");
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
    Event<GrantsChanged> grantsChanged;

    /** SCIM is for provisioners ({@code lakeward.identity.provisioners-group}) and metastore admins. */
    void requireProvisioner(Caller caller) {
        if (!snapshots.get().identities(caller.name()).contains(Principal.key(config.identity().provisionersGroup()))) {
            access.require(caller, Action.MANAGE, Securables.metastore());
        }
    }

    // ---- users

    @Transactional
    public ObjectNode createUser(Caller caller, JsonNode body, String base) {
        requireProvisioner(caller);
        String userName = text(body, "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimError.invalidValue("userName is required.");
        }
        PrincipalEntity user = PrincipalEntity.create(userName, PrincipalType.USER);
        applyUser(user, body);
        flushUnique("A principal named '" + userName + "' already exists.");
        audit.change(caller.name(), "SCIM_CREATE_USER", null, null, Map.of("principal", userName));
        return userJson(user, base);
    }

    @Transactional
    public ObjectNode getUser(Caller caller, String id, String base) {
        requireProvisioner(caller);
        return userJson(find(id, PrincipalType.USER), base);
    }

    @Transactional
    public ObjectNode replaceUser(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        requireProvisioner(caller);
        PrincipalEntity user = find(id, PrincipalType.USER);
        checkVersion(user, ifMatch);
        user.emails = new ArrayList<>();
        user.active = true;
        overwrite(user, body);
        return userJson(user, base);
    }

    @Transactional
    public ObjectNode patchUser(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        requireProvisioner(caller);
        PrincipalEntity user = find(id, PrincipalType.USER);
        checkVersion(user, ifMatch);
        overwrite(user, ScimPatch.parse(body).applyTo(userJson(user, base)));
        return userJson(user, base);
    }

    @Transactional
    public ObjectNode listUsers(Caller caller, String filter, Integer startIndex, Integer count, String base) {
        requireProvisioner(caller);
        return listResponse(matching(PrincipalType.USER, filter, USER_FILTERS,
                (user, links) -> userJson(user, base, links)), startIndex, count);
    }

    /** The caller itself, as a SCIM User: {@code GET /Me} needs no provisioner role. */
    @Transactional
    public ObjectNode me(Caller caller, String base) {
        PrincipalEntity principal = PrincipalEntity.findById(caller.principalId());
        return principal.type == PrincipalType.SERVICE_PRINCIPAL ? servicePrincipalJson(principal, base)
                : userJson(principal, base);
    }

    // ---- service principals: their unique name is the application id

    @Transactional
    public ObjectNode createServicePrincipal(Caller caller, JsonNode body, String base) {
        requireProvisioner(caller);
        String applicationId = text(body, "applicationId");
        if (applicationId == null || applicationId.isBlank()) {
            applicationId = UUID.randomUUID().toString();
        }
        PrincipalEntity principal = PrincipalEntity.create(applicationId, PrincipalType.SERVICE_PRINCIPAL);
        principal.displayName = text(body, "displayName");
        principal.externalId = text(body, "externalId");
        applyActive(principal, body.get("active"));
        flushUnique("A principal named '" + applicationId + "' already exists.");
        audit.change(caller.name(), "SCIM_CREATE_SERVICE_PRINCIPAL", null, null, Map.of("principal", applicationId));
        return servicePrincipalJson(principal, base);
    }

    @Transactional
    public ObjectNode getServicePrincipal(Caller caller, String id, String base) {
        requireProvisioner(caller);
        return servicePrincipalJson(find(id, PrincipalType.SERVICE_PRINCIPAL), base);
    }

    @Transactional
    public ObjectNode patchServicePrincipal(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        requireProvisioner(caller);
        PrincipalEntity principal = find(id, PrincipalType.SERVICE_PRINCIPAL);
        checkVersion(principal, ifMatch);
        ObjectNode patched = ScimPatch.parse(body).applyTo(servicePrincipalJson(principal, base));
        if (!principal.name.equals(text(patched, "applicationId"))) {
            throw new ScimError(400, "mutability", "applicationId cannot be changed.");
        }
        principal.displayName = text(patched, "displayName");
        principal.externalId = text(patched, "externalId");
        applyActive(principal, patched.get("active"));
        principal.touch();
        return servicePrincipalJson(principal, base);
    }

    @Transactional
    public ObjectNode listServicePrincipals(Caller caller, String filter, Integer startIndex, Integer count,
            String base) {
        requireProvisioner(caller);
        return listResponse(matching(PrincipalType.SERVICE_PRINCIPAL, filter, SERVICE_PRINCIPAL_FILTERS,
                (principal, links) -> servicePrincipalJson(principal, base, links)), startIndex, count);
    }

    // ---- groups

    @Transactional
    public ObjectNode createGroup(Caller caller, JsonNode body, String base) {
        requireProvisioner(caller);
        String name = text(body, "displayName");
        if (name == null || name.isBlank()) {
            throw ScimError.invalidValue("displayName is required.");
        }
        PrincipalEntity group = PrincipalEntity.create(name, PrincipalType.GROUP);
        group.externalId = text(body, "externalId");
        flushUnique("A principal named '" + name + "' already exists.");
        setMembers(group, memberIds(body.path("members")));
        audit.change(caller.name(), "SCIM_CREATE_GROUP", null, null, Map.of("principal", name));
        return groupJson(group, base);
    }

    @Transactional
    public ObjectNode getGroup(Caller caller, String id, String base) {
        requireProvisioner(caller);
        return groupJson(find(id, PrincipalType.GROUP), base);
    }

    @Transactional
    public ObjectNode patchGroup(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        requireProvisioner(caller);
        PrincipalEntity group = find(id, PrincipalType.GROUP);
        checkVersion(group, ifMatch);
        ObjectNode patched = ScimPatch.parse(body).applyTo(groupJson(group, base));
        String name = text(patched, "displayName");
        if (name == null || name.isBlank()) {
            throw ScimError.invalidValue("displayName cannot be removed.");
        }
        group.name = name;
        group.externalId = text(patched, "externalId");
        group.touch();
        flushUnique("A principal named '" + name + "' already exists.");
        setMembers(group, memberIds(patched.path("members")));
        return groupJson(group, base);
    }

    @Transactional
    public ObjectNode replaceGroup(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        requireProvisioner(caller);
        PrincipalEntity group = find(id, PrincipalType.GROUP);
        checkVersion(group, ifMatch);
        String name = text(body, "displayName");
        if (name == null || name.isBlank()) {
            throw ScimError.invalidValue("displayName is required.");
        }
        group.name = name;
        group.externalId = text(body, "externalId");
        group.touch();
        flushUnique("A principal named '" + name + "' already exists.");
        setMembers(group, memberIds(body.path("members")));
        return groupJson(group, base);
    }

    @Transactional
    public ObjectNode listGroups(Caller caller, String filter, Integer startIndex, Integer count, String excluded,
            String base) {
        requireProvisioner(caller);
        boolean withoutMembers = excluded != null && excluded.toLowerCase().contains("members");
        List<ObjectNode> groups = matching(PrincipalType.GROUP, filter, GROUP_FILTERS,
                (group, links) -> groupJson(group, base, links));
        if (withoutMembers) {
            groups.forEach(group -> group.remove("members"));
        }
        return listResponse(groups, startIndex, count);
    }

    /**
     * Every principal of the type whose SCIM form matches the filter, in a stable order. The
     * directory's memberships are read once for the whole listing, not once per principal.
     */
    private List<ObjectNode> matching(PrincipalType type, String filter, Set<String> attributes,
            BiFunction<PrincipalEntity, Links, ObjectNode> toJson) {
        ScimFilter parsed = filter == null || filter.isBlank() ? null : ScimFilter.parse(filter, attributes);
        Links links = allLinks();
        List<ObjectNode> matching = new ArrayList<>();
        for (PrincipalEntity principal : PrincipalEntity.<PrincipalEntity>list("type = ?1 order by lower(name), id",
                type)) {
            ObjectNode json = toJson.apply(principal, links);
            if (parsed == null || parsed.matches(json)) {
                matching.add(json);
            }
        }
        return matching;
    }

    /** Deletes a user or group; the database drops its memberships, tokens and grants. */
    @Transactional
    public void delete(Caller caller, String id, PrincipalType type) {
        requireProvisioner(caller);
        PrincipalEntity principal = find(id, type);
        if (principal.name.equalsIgnoreCase(Securables.metastore().owner())) {
            throw new ScimError(409, "mutability", "'" + principal.name + "' owns the metastore; transfer it first.");
        }
        principal.delete();
        audit.change(caller.name(), "SCIM_DELETE_" + type.name(), null, null, Map.of("principal", principal.name));
        grantsChanged.fire(new GrantsChanged());
    }

    // ---- mapping

    /** Makes the user what the (complete) SCIM body says; attributes the body lacks are cleared. */
    private void overwrite(PrincipalEntity user, JsonNode body) {
        String userName = text(body, "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimError.invalidValue("userName is required and cannot be removed.");
        }
        user.name = userName;
        applyUser(user, body);
        user.touch();
        flushUnique("A principal named '" + userName + "' already exists.");
    }

    private static void applyUser(PrincipalEntity user, JsonNode body) {
        user.externalId = text(body, "externalId");
        user.displayName = text(body, "displayName");
        user.givenName = text(body.path("name"), "givenName");
        user.familyName = text(body.path("name"), "familyName");
        if (body.has("emails")) {
            if (!body.get("emails").isArray()) {
                throw ScimError.invalidValue("emails must be an array.");
            }
            List<Map<String, Object>> emails = new ArrayList<>();
            body.get("emails").forEach(e -> emails.add(JSON.convertValue(e, Map.class)));
            user.emails = emails;
        }
        applyActive(user, body.get("active"));
    }

    /** {@code active} as a boolean, or as Entra's {@code "True"}/{@code "False"}; absent leaves it. */
    private static void applyActive(PrincipalEntity principal, JsonNode active) {
        if (active == null || active.isNull()) {
            return;
        }
        if (active.isBoolean()) {
            principal.active = active.asBoolean();
        } else if (active.isTextual() && List.of("true", "false").contains(active.asText().toLowerCase())) {
            principal.active = Boolean.parseBoolean(active.asText());
        } else {
            throw ScimError.invalidValue("active must be a boolean.");
        }
    }

    private ObjectNode servicePrincipalJson(PrincipalEntity principal, String base) {
        return servicePrincipalJson(principal, base, liveLinks());
    }

    private static ObjectNode servicePrincipalJson(PrincipalEntity principal, String base, Links links) {
        ObjectNode json = JSON.createObjectNode();
        json.putArray("schemas").add(SERVICE_PRINCIPAL_SCHEMA);
        json.put("id", principal.id.toString());
        json.put("applicationId", principal.name);
        if (principal.displayName != null) {
            json.put("displayName", principal.displayName);
        }
        if (principal.externalId != null) {
            json.put("externalId", principal.externalId);
        }
        json.put("active", principal.active);
        ArrayNode groups = json.putArray("groups");
        links.groupsOf(principal.id).forEach(g -> groups.addObject().put("value", g.id.toString()).put("display", g.name));
        meta(json, principal, "ServicePrincipal", base + "/ServicePrincipals/" + principal.id);
        return json;
    }

    private ObjectNode userJson(PrincipalEntity user, String base) {
        return userJson(user, base, liveLinks());
    }

    private static ObjectNode userJson(PrincipalEntity user, String base, Links links) {
        ObjectNode json = JSON.createObjectNode();
        json.putArray("schemas").add(USER_SCHEMA);
        json.put("id", user.id.toString());
        if (user.externalId != null) {
            json.put("externalId", user.externalId);
        }
        json.put("userName", user.name);
        if (user.displayName != null) {
            json.put("displayName", user.displayName);
        }
        if (user.givenName != null || user.familyName != null) {
            ObjectNode name = json.putObject("name");
            if (user.givenName != null) {
                name.put("givenName", user.givenName);
            }
            if (user.familyName != null) {
                name.put("familyName", user.familyName);
            }
        }
        json.set("emails", JSON.valueToTree(user.emails));
        json.put("active", user.active);
        ArrayNode groups = json.putArray("groups");
        links.groupsOf(user.id).forEach(g -> groups.addObject().put("value", g.id.toString()).put("display", g.name));
        meta(json, user, "User", base + "/Users/" + user.id);
        return json;
    }

    private ObjectNode groupJson(PrincipalEntity group, String base) {
        return groupJson(group, base, liveLinks());
    }

    private static ObjectNode groupJson(PrincipalEntity group, String base, Links links) {
        ObjectNode json = JSON.createObjectNode();
        json.putArray("schemas").add(GROUP_SCHEMA);
        json.put("id", group.id.toString());
        if (group.externalId != null) {
            json.put("externalId", group.externalId);
        }
        json.put("displayName", group.name);
        ArrayNode members = json.putArray("members");
        links.membersOf(group.id).forEach(m -> members.addObject().put("value", m.id.toString()).put("display", m.name)
                .put("type", m.type == PrincipalType.GROUP ? "Group" : "User"));
        meta(json, group, "Group", base + "/Groups/" + group.id);
        return json;
    }

    private static void meta(ObjectNode json, PrincipalEntity principal, String type, String location) {
        ObjectNode meta = json.putObject("meta");
        meta.put("resourceType", type);
        meta.put("created", principal.createdAt.toString());
        meta.put("lastModified", principal.updatedAt.toString());
        meta.put("version", etag(principal));
        meta.put("location", location);
    }

    static String etag(PrincipalEntity principal) {
        return "W/\"" + principal.version + "\"";
    }

    private static ObjectNode listResponse(List<ObjectNode> all, Integer startIndex, Integer count) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? 100 : Math.max(0, Math.min(count, MAX_COUNT));
        ObjectNode list = JSON.createObjectNode();
        list.putArray("schemas").add(LIST_SCHEMA);
        list.put("totalResults", all.size());
        list.put("startIndex", start);
        List<ObjectNode> page = all.subList(Math.min(start - 1, all.size()), Math.min(start - 1 + size, all.size()));
        list.put("itemsPerPage", page.size());
        ArrayNode resources = list.putArray("Resources");
        page.forEach(resources::add);
        return list;
    }

    // ---- persistence helpers

    private static PrincipalEntity find(String id, PrincipalType type) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ScimError(404, null, "No " + type.name().toLowerCase() + " has the id '" + id + "'.");
        }
        PrincipalEntity principal = PrincipalEntity.findById(uuid);
        if (principal == null || principal.type != type) {
            throw new ScimError(404, null, "No " + type.name().toLowerCase() + " has the id '" + id + "'.");
        }
        return principal;
    }

    private static void checkVersion(PrincipalEntity principal, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.contains("\"" + principal.version + "\"")) {
            throw new ScimError(412, null, "The resource has changed: its version is " + etag(principal) + ".");
        }
    }

    private void flushUnique(String message) {
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new ScimError(409, "uniqueness", message);
            }
            throw e;
        }
    }

    private static Set<UUID> memberIds(JsonNode members) {
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

    /** Makes the group's direct members exactly these; unknown ids are refused. */
    @SuppressWarnings("unchecked")
    private void setMembers(PrincipalEntity group, Set<UUID> wanted) {
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

    /** Who is in which group: read per principal for one resource, or all at once for a listing. */
    private interface Links {
        List<PrincipalEntity> groupsOf(UUID member);

        List<PrincipalEntity> membersOf(UUID group);
    }

    private Links liveLinks() {
        return new Links() {
            @Override
            public List<PrincipalEntity> groupsOf(UUID member) {
                return directGroups(member);
            }

            @Override
            public List<PrincipalEntity> membersOf(UUID group) {
                return members(group);
            }
        };
    }

    /** Every membership of the directory, in two queries. */
    @SuppressWarnings("unchecked")
    private Links allLinks() {
        Map<UUID, PrincipalEntity> byId = new HashMap<>();
        PrincipalEntity.<PrincipalEntity>listAll().forEach(p -> byId.put(p.id, p));
        Map<UUID, List<PrincipalEntity>> groupsOf = new HashMap<>();
        Map<UUID, List<PrincipalEntity>> membersOf = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select group_id, member_id from group_member")
                .getResultList()) {
            PrincipalEntity group = byId.get((UUID) row[0]);
            PrincipalEntity member = byId.get((UUID) row[1]);
            groupsOf.computeIfAbsent(member.id, id -> new ArrayList<>()).add(group);
            membersOf.computeIfAbsent(group.id, id -> new ArrayList<>()).add(member);
        }
        Comparator<PrincipalEntity> byName = Comparator.comparing(p -> p.name.toLowerCase());
        groupsOf.values().forEach(list -> list.sort(byName));
        membersOf.values().forEach(list -> list.sort(byName));
        return new Links() {
            @Override
            public List<PrincipalEntity> groupsOf(UUID member) {
                return groupsOf.getOrDefault(member, List.of());
            }

            @Override
            public List<PrincipalEntity> membersOf(UUID group) {
                return membersOf.getOrDefault(group, List.of());
            }
        };
    }

    @SuppressWarnings("unchecked")
    private List<PrincipalEntity> members(UUID groupId) {
        return em.createNativeQuery("""
                select p.* from principal p join group_member gm on gm.member_id = p.id
                where gm.group_id = ?1 order by lower(p.name)""", PrincipalEntity.class)
                .setParameter(1, groupId).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<PrincipalEntity> directGroups(UUID memberId) {
        return em.createNativeQuery("""
                select p.* from principal p join group_member gm on gm.group_id = p.id
                where gm.member_id = ?1 order by lower(p.name)""", PrincipalEntity.class)
                .setParameter(1, memberId).getResultList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
