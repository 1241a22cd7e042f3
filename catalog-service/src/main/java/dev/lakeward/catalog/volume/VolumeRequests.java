package dev.lakeward.catalog.volume;

import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import java.util.List;

/** The volume API's bodies, as Unity Catalog names their fields. */
public final class VolumeRequests {

    private VolumeRequests() {
    }

    public record CreateVolume(String catalogName, String schemaName, String name, VolumeType volumeType,
            String comment, String storageLocation) {
    }

    /** Unity Catalog's {@code UpdateVolumeRequestContent}, with Databricks' {@code owner}. */
    public record UpdateVolume(String newName, String comment, String owner) {

        UpdateSecurable asSecurableUpdate() {
            return new UpdateSecurable(newName, comment, null, owner);
        }
    }

    /** Unity Catalog's {@code GenerateTemporaryVolumeCredential}. */
    public record GenerateTemporaryVolumeCredential(String volumeId, String operation) {
    }

    public record ListVolumesResponse(List<VolumeInfo> volumes, String nextPageToken) {
    }
}
