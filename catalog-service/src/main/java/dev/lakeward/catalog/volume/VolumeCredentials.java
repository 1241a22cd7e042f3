package dev.lakeward.catalog.volume;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.InSchema;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.storage.StorageVending;
import dev.lakeward.catalog.volume.VolumeRequests.GenerateTemporaryVolumeCredential;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Temporary credentials for a volume's files, scoped to its location: {@code READ_VOLUME} needs
 * READ VOLUME (with the USE path), {@code WRITE_VOLUME} also WRITE VOLUME, decided in one batch.
 * As Unity Catalog OSS asks, and as for model versions, no EXTERNAL USE SCHEMA: a volume is the
 * platform's file interface, reached by engines through these credentials. A denial is audited and
 * mints nothing; a volume the caller may not see is answered as an id that names none.
 */
@ApplicationScoped
public class VolumeCredentials {

    @Inject
    NamedObjects named;

    @Inject
    AccessControl access;

    @Inject
    Metastore metastore;

    @Inject
    StorageVending vending;

    /** The volume, the caller's decision for the operation, and the credential when one was asked for. */
    public record Resolved(VolumeInfo volume, Decision decision, TemporaryCredential credential) {
    }

    /** Reads only, outside a transaction: no connection is held while the cloud mints. */
    public TemporaryCredential vend(Caller caller, GenerateTemporaryVolumeCredential request) {
        InvalidParameter.requireBody(request);
        AccessLevel level = operation(request.operation());
        InSchema<VolumeEntity> volume = named.inSchemaById(caller, Action.READ_METADATA, SecurableType.VOLUME,
                VolumeEntity.class, "volume_id", request.volumeId());
        return vend(caller, volume, decide(caller, volume, level), level);
    }

    /** For an engine, by {@code catalog.schema.volume}: what {@link #vend} answers, and the decision without it. */
    public Resolved resolve(Caller caller, String fullName, AccessLevel level, boolean wantCredential) {
        InSchema<VolumeEntity> volume = named.inSchema(caller, Action.READ_METADATA, SecurableType.VOLUME,
                VolumeEntity.class, fullName);
        Decision decision = decide(caller, volume, level);
        return new Resolved(VolumeService.info(volume), decision,
                wantCredential ? vend(caller, volume, decision, level) : null);
    }

    /** The first privilege the operation lacks, or the last that allows it. */
    private Decision decide(Caller caller, InSchema<VolumeEntity> volume, AccessLevel level) {
        Securable securable = volume.securable(metastore.securable());
        List<Check> checks = level == AccessLevel.READ ? List.of(new Check(Action.READ_VOLUME, securable))
                : List.of(new Check(Action.READ_VOLUME, securable), new Check(Action.WRITE_VOLUME, securable));
        List<Decision> decisions = access.decide(caller, checks);
        return decisions.stream().filter(d -> !d.allowed()).findFirst().orElse(decisions.getLast());
    }

    private TemporaryCredential vend(Caller caller, InSchema<VolumeEntity> volume, Decision decision,
            AccessLevel level) {
        return vending.vend(caller, decision, volume.object().storageLocation, level, SecurableType.VOLUME,
                volume.fullName());
    }

    private static AccessLevel operation(String operation) {
        if ("READ_VOLUME".equals(operation)) {
            return AccessLevel.READ;
        }
        if ("WRITE_VOLUME".equals(operation)) {
            return AccessLevel.READ_WRITE;
        }
        throw new InvalidParameter("operation must be READ_VOLUME or WRITE_VOLUME, not '"
                + Names.printable(String.valueOf(operation)) + "'.");
    }
}
