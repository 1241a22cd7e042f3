package dev.lakeward.catalog.volume;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.InSchema;
import dev.lakeward.catalog.namespace.InSchemaCreations;
import dev.lakeward.catalog.namespace.InSchemaCreations.NewObject;
import dev.lakeward.catalog.namespace.InSchemaUpdates;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.SchemaPath;
import dev.lakeward.catalog.namespace.StorageClaims;
import dev.lakeward.catalog.namespace.StorageLocations;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.catalog.persistence.SecurableEntity;
import dev.lakeward.catalog.volume.VolumeRequests.CreateVolume;
import dev.lakeward.catalog.volume.VolumeRequests.UpdateVolume;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Volumes, addressed as {@code catalog.schema.volume}. A MANAGED volume is stored where the
 * service assigns it, under the nearest managed storage; an EXTERNAL one at its canonical
 * {@code storage_location}, admitted as external tables are ({@link StorageClaims}); deleting it
 * leaves its files. Each write is one transaction, audited.
 */
@ApplicationScoped
public class VolumeService {

    @Inject
    NamedObjects named;

    @Inject
    PageTokens pageTokens;

    @Inject
    StorageClaims storageClaims;

    @Inject
    InSchemaUpdates updates;

    @Inject
    AuditLog audit;

    @Inject
    InSchemaCreations creations;

    @Transactional
    public VolumeInfo create(Caller caller, CreateVolume request) {
        InvalidParameter.requireBody(request);
        return info(creations.create(caller, SecurableType.VOLUME, Action.CREATE_VOLUME,
                new NewObject(request.catalogName(), request.schemaName(), request.name(), request.comment()),
                new VolumeEntity(), (schema, volume) -> {
                    if (request.volumeType() == null) {
                        throw new InvalidParameter("volume_type is required: MANAGED or EXTERNAL.");
                    }
                    volume.volumeType = request.volumeType();
                    volume.storageLocation = location(caller, schema, volume, request).url();
                    return Map.of("volume_type", volume.volumeType.name(), "storage_location", volume.storageLocation);
                }));
    }

    /** An EXTERNAL volume's location, admitted as external tables' are; a MANAGED one's, assigned. */
    private StorageLocation location(Caller caller, SchemaPath schema, VolumeEntity volume, CreateVolume request) {
        if (request.volumeType() == VolumeType.EXTERNAL) {
            if (request.storageLocation() == null) {
                throw new InvalidParameter("storage_location is required for an EXTERNAL volume.");
            }
            StorageLocation location = StorageLocations.parse("storage_location", request.storageLocation());
            storageClaims.admitExternalVolume(caller, location);
            return location;
        }
        if (request.storageLocation() != null) {
            throw new InvalidParameter("A MANAGED volume has no storage_location: the service assigns it one.");
        }
        StorageLocation location = StorageLocations.managedLocation(schema.managedStorageRoot(), "volumes", volume.id);
        storageClaims.admitAssignedLocation(caller, location);
        return location;
    }

    @Transactional
    public VolumeInfo get(Caller caller, String fullName) {
        return info(find(caller, Action.READ_METADATA, fullName));
    }

    /** The volumes of a schema the caller may see, a full page at a time. */
    @Transactional
    public Page<VolumeInfo> list(Caller caller, String catalogName, String schemaName, String maxResults,
            String pageToken) {
        return named.list(caller, SecurableType.VOLUME, VolumeEntity.class, catalogName, schemaName,
                pageTokens.request(maxResults, pageToken)).map(VolumeService::info);
    }

    /** A new name, comment or owner, for those who manage the volume. */
    @Transactional
    public VolumeInfo update(Caller caller, String fullName, UpdateVolume request) {
        InvalidParameter.requireBody(request);
        InSchema<VolumeEntity> volume = find(caller, Action.MANAGE, fullName);
        updates.apply(caller, volume, request.asSecurableUpdate());
        return info(volume);
    }

    @Transactional
    public void delete(Caller caller, String fullName) {
        InSchema<VolumeEntity> volume = find(caller, Action.MANAGE, fullName);
        // the database drops the volume's grants with it
        volume.object().delete();
        audit.change(caller.name(), AuditAction.DELETE_VOLUME, SecurableType.VOLUME, volume.fullName(),
                Map.of("storage_location", volume.object().storageLocation));
    }

    private InSchema<VolumeEntity> find(Caller caller, Action action, String fullName) {
        return named.inSchema(caller, action, SecurableType.VOLUME, VolumeEntity.class, fullName);
    }

    static VolumeInfo info(InSchema<VolumeEntity> found) {
        VolumeEntity v = found.object();
        return new VolumeInfo(found.catalogName(), found.schemaName(), v.name, found.fullName(), v.volumeType,
                v.storageLocation, v.comment, v.owner, SecurableEntity.epochMillis(v.createdAt), v.createdBy,
                SecurableEntity.epochMillis(v.updatedAt), v.updatedBy, v.id.toString());
    }
}
