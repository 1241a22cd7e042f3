package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.access.AccessChanged;
import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.error.AlreadyExists;
import dev.lakeward.catalog.error.Conflict;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.identity.OwnedObjects;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.persistence.UniqueNames;
import dev.lakeward.policy.Action;
import dev.lakeward.scim.ScimError;
import dev.lakeward.scim.ScimPatch;
import dev.lakeward.scim.ScimProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Create, get, replace, patch, list and delete for every SCIM resource type, over the principal
 * tables that grants use: each write one transaction, ETags checked, names unique, and all of it
 * for metastore admins and members of {@code lakeward.identity.provisioners-group}.
 */
@ApplicationScoped
class ScimOperations {

    @Inject
    Metastore metastore;

    @Inject
    EntityManager em;

    @Inject
    LakewardConfig config;

    @Inject
    AccessControl access;

    @Inject
    AuditLog audit;

    @Inject
    ScimLinks links;

    @Inject
    ScimListing listing;

    @Inject
    Event<AccessChanged> accessChanged;

    @Inject
    Event<NamespaceChanged> namespaceChanged;

    @Transactional
    public ObjectNode create(Caller caller, ScimType type, JsonNode body, String base) {
        requireProvisioner(caller);
        PrincipalEntity principal = PrincipalEntity.create(type.name(body), type.type());
        write(type, principal, body, true);
        audit.change(caller.name(), AuditAction.scimCreated(type.type()), Map.of("principal", principal.name));
        return type.toJson(principal, base, links.of(List.of(principal.id)));
    }

    @Transactional
    public ObjectNode get(Caller caller, ScimType type, String id, String base) {
        requireProvisioner(caller);
        PrincipalEntity principal = find(type, id);
        return type.toJson(principal, base, links.of(List.of(principal.id)));
    }

    /** PUT: the principal becomes what the body says; what it lacks takes its default. */
    @Transactional
    public ObjectNode replace(Caller caller, ScimType type, String id, JsonNode body, String ifMatch, String base) {
        requireProvisioner(caller);
        PrincipalEntity principal = find(type, id);
        checkVersion(principal, ifMatch);
        write(type, principal, body, true);
        principal.touch();
        return type.toJson(principal, base, links.of(List.of(principal.id)));
    }

    /** PATCH: the operations applied to the resource as it is, then written back whole. */
    @Transactional
    public ObjectNode patch(Caller caller, ScimType type, String id, JsonNode body, String ifMatch, String base) {
        requireProvisioner(caller);
        PrincipalEntity principal = find(type, id);
        checkVersion(principal, ifMatch);
        write(type, principal, ScimPatch.parse(body).applyTo(type.toJson(principal, base, links.of(List.of(principal.id)))), false);
        principal.touch();
        return type.toJson(principal, base, links.of(List.of(principal.id)));
    }

    @Transactional
    public ObjectNode list(Caller caller, ScimType type, String filter, String startIndex, String count,
            ScimProjection projection, String base) {
        requireProvisioner(caller);
        return listing.list(type, filter, startIndex, count, projection, base);
    }

    /** Deletes a principal; the database drops its memberships, tokens and grants, the audit log keeps their history. */
    @Transactional
    public void delete(Caller caller, ScimType type, String id) {
        requireProvisioner(caller);
        PrincipalEntity principal = find(type, id);
        try {
            OwnedObjects.refuseIfAny(em, principal);
        } catch (Conflict owns) {
            throw new ScimError(409, "mutability", owns.getMessage());
        }
        principal.delete();
        audit.change(caller.name(), AuditAction.scimDeleted(type.type()), Map.of("principal", principal.name));
        accessChanged.fire(new AccessChanged());
    }

    /** The caller itself, a User or a ServicePrincipal: {@code GET /Me} needs no provisioner role. */
    @Transactional
    public ObjectNode me(Caller caller, ScimType users, ScimType servicePrincipals, String base) {
        PrincipalEntity principal = PrincipalEntity.findById(caller.principalId());
        ScimType type = principal.type == PrincipalType.SERVICE_PRINCIPAL ? servicePrincipals : users;
        return type.toJson(principal, base, links.of(List.of(principal.id)));
    }

    /** Asked of the engine, as every decision: the provisioners' group is a role it decides. */
    private void requireProvisioner(Caller caller) {
        try {
            access.require(caller, Action.PROVISION_IDENTITIES, metastore.securable());
        } catch (PermissionDenied denied) {
            throw new ScimError(403, null, "SCIM is for metastore admins and members of '"
                    + config.identity().provisionersGroup() + "': " + denied.getMessage());
        }
    }

    /**
     * Writes the body; a rename reaches the grant snapshot, which knows principals by name, on
     * commit, and what reads remember of the objects it owns, whose owner's name the database
     * changes with it.
     */
    private void write(ScimType type, PrincipalEntity principal, JsonNode body, boolean replacing) {
        String previousName = principal.name;
        type.write(principal, body, replacing);
        accessChanged.fire(new AccessChanged());
        if (!principal.name.equals(previousName)) {
            namespaceChanged.fire(new NamespaceChanged());
        }
        try {
            UniqueNames.flush(em, () -> "A principal named '" + principal.name + "' already exists.");
        } catch (AlreadyExists taken) {
            throw new ScimError(409, "uniqueness", taken.getMessage());
        }
        type.writeMembers(principal, body);
    }

    private static PrincipalEntity find(ScimType type, String id) {
        String kind = type.type() == PrincipalType.SERVICE_PRINCIPAL ? "service principal"
                : type.type().name().toLowerCase();
        try {
            PrincipalEntity principal = PrincipalEntity.findById(UUID.fromString(id));
            if (principal != null && principal.type == type.type()) {
                return principal;
            }
        } catch (IllegalArgumentException notAnId) {
            // answered as any unknown id
        }
        throw new ScimError(404, null, "No " + kind + " has the id '" + id + "'.");
    }

    private static void checkVersion(PrincipalEntity principal, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.contains("\"" + principal.version + "\"")) {
            throw new ScimError(412, null, "The resource has changed: its version is " + ScimJson.etag(principal) + ".");
        }
    }
}
