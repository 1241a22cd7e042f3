package dev.lakeward.catalog.storage;

import static dev.lakeward.catalog.persistence.SecurableEntity.epochMillis;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.catalog.persistence.UniqueNames;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * External locations (Unity Catalog's {@code /external-locations}): a cloud path bound to the
 * storage credential that serves it (or a local {@code file://} path, which needs none), for
 * metastore admins. No two may overlap, so that every path has at most one credential.
 */
@ApplicationScoped
public class ExternalLocations {

    @Inject
    Metastore metastore;

    public record CreateExternalLocation(String name, String url, String credentialName, String comment) {
    }

    public record UpdateExternalLocation(String newName, String url, String credentialName, String comment,
            String owner) {
    }

    public record ExternalLocationInfo(String id, String name, String url, String credentialName, String credentialId,
            String comment, String owner, Long createdAt, String createdBy, Long updatedAt, String updatedBy) {
    }

    public record ListExternalLocationsResponse(List<ExternalLocationInfo> externalLocations, String nextPageToken) {
    }

    @Inject
    EntityManager em;

    @Inject
    PageTokens pageTokens;

    @Inject
    AccessControl access;

    @Inject
    AuditLog audit;

    @Inject
    Event<NamespaceChanged> namespaceChanged;

    @Transactional
    public ExternalLocationInfo create(Caller caller, CreateExternalLocation request) {
        InvalidParameter.requireBody(request);
        access.require(caller, Action.MANAGE, metastore.securable());
        ExternalLocationEntity entity = new ExternalLocationEntity();
        entity.createdBy(caller.name());
        entity.name = Names.identifier("external location name", request.name());
        entity.comment = Names.comment(request.comment());
        bind(entity, request.url(), request.credentialName());
        entity.persist();
        UniqueNames.flush(em, () -> "An external location named '" + entity.name + "' already exists.");
        audit.change(caller.name(), AuditAction.CREATE_EXTERNAL_LOCATION, SecurableType.EXTERNAL_LOCATION, entity.name,
                Map.of("url", entity.url));
        namespaceChanged.fire(new NamespaceChanged());
        return info(entity);
    }

    @Transactional
    public ExternalLocationInfo get(Caller caller, String name) {
        access.require(caller, Action.MANAGE, metastore.securable());
        return info(ExternalLocationEntity.named(name));
    }

    @Transactional
    public Page<ExternalLocationInfo> list(Caller caller, String maxResults, String pageToken) {
        access.require(caller, Action.MANAGE, metastore.securable());
        PageRequest page = pageTokens.request(maxResults, pageToken);
        return Page.fromLookahead(ExternalLocationEntity.<ExternalLocationEntity>find("name > ?1 order by name",
                page.after()).range(0, page.size()).list(), page, l -> l.name).map(this::info);
    }

    @Transactional
    public ExternalLocationInfo update(Caller caller, String name, UpdateExternalLocation request) {
        InvalidParameter.requireBody(request);
        access.require(caller, Action.MANAGE, metastore.securable());
        ExternalLocationEntity entity = ExternalLocationEntity.named(name);
        if (request.url() != null || request.credentialName() != null) {
            bind(entity, request.url() == null ? entity.url : request.url(),
                    request.credentialName() == null && entity.credentialId != null
                            ? StorageCredentialEntity.<StorageCredentialEntity>findById(entity.credentialId).name
                            : request.credentialName());
        }
        new UpdateSecurable(request.newName(), request.comment(), null,
                request.owner()).applyTo(entity, caller);
        UniqueNames.flush(em, () -> "An external location named '" + entity.name + "' already exists.");
        audit.change(caller.name(), AuditAction.UPDATE_EXTERNAL_LOCATION, SecurableType.EXTERNAL_LOCATION, entity.name,
                Map.of("url", entity.url));
        namespaceChanged.fire(new NamespaceChanged());
        return info(entity);
    }

    @Transactional
    public void delete(Caller caller, String name) {
        access.require(caller, Action.MANAGE, metastore.securable());
        ExternalLocationEntity entity = ExternalLocationEntity.named(name);
        entity.delete();
        audit.change(caller.name(), AuditAction.DELETE_EXTERNAL_LOCATION, SecurableType.EXTERNAL_LOCATION, entity.name,
                Map.of("url", entity.url));
        namespaceChanged.fire(new NamespaceChanged());
    }

    /**
     * Binds the entity to its canonical URL and credential. A {@code file://} location needs no
     * credential (local files are read as they are) and takes none; it exists to grant
     * {@code CREATE EXTERNAL TABLE}, {@code READ FILES} and {@code WRITE FILES} on a local path.
     */
    private static void bind(ExternalLocationEntity entity, String url, String credentialName) {
        StorageLocation location;
        try {
            location = StorageLocation.parse(url == null ? "" : url);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("url: " + e.getMessage());
        }
        for (ExternalLocationEntity other : ExternalLocationEntity.<ExternalLocationEntity>listAll()) {
            if (!other.id.equals(entity.id) && location.overlaps(StorageLocation.parse(other.url))) {
                throw new InvalidParameter("'" + location.url() + "' overlaps external location '" + other.name + "' ("
                        + other.url + ").");
            }
        }
        entity.url = location.url();
        if (location.scheme().equals("file")) {
            if (credentialName != null) {
                throw new InvalidParameter("A file:// external location takes no credential_name: local files need none.");
            }
            entity.credentialId = null;
            return;
        }
        StorageCredentialEntity credential = StorageCredentials.existing(credentialName == null ? "" : credentialName);
        if (!StorageCredentials.serves(credential, location.scheme())) {
            throw new InvalidParameter("Credential '" + credential.name + "' (" + credential.kind + ") cannot serve "
                    + location.scheme() + ":// locations.");
        }
        entity.credentialId = credential.id;
    }

    private ExternalLocationInfo info(ExternalLocationEntity entity) {
        StorageCredentialEntity credential = entity.credentialId == null ? null
                : StorageCredentialEntity.findById(entity.credentialId);
        return new ExternalLocationInfo(entity.id.toString(), entity.name, entity.url,
                credential == null ? null : credential.name, credential == null ? null : credential.id.toString(),
                entity.comment, entity.owner, epochMillis(entity.createdAt), entity.createdBy,
                epochMillis(entity.updatedAt), entity.updatedBy);
    }
}
