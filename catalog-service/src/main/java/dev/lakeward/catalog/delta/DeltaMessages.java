package dev.lakeward.catalog.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** The Delta REST API's bodies ({@code delta.yaml}), field for field: its names are kebab-case. */
public final class DeltaMessages {

    private DeltaMessages() {
    }

    public enum DeltaTableType {
        MANAGED, EXTERNAL
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record CatalogConfig(List<String> endpoints, String protocolVersion) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record CreateStagingTableRequest(String name) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Protocol(Integer minReaderVersion, Integer minWriterVersion, List<String> readerFeatures,
            List<String> writerFeatures) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record StagingTableResponse(String tableId, DeltaTableType tableType, String location,
            List<StorageCredential> storageCredentials, Protocol requiredProtocol,
            Map<String, String> requiredProperties) {
    }

    /** {@code config} holds the keys of the credential's cloud only; none for local files. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record StorageCredential(String prefix, String operation, Map<String, String> config,
            long expirationTimeMs) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record CredentialsResponse(List<StorageCredential> storageCredentials) {
    }

    /** {@code columns} is a Delta struct type, read by {@link DeltaSchemas}. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record CreateTableRequest(String name, String location, DeltaTableType tableType, String comment,
            JsonNode columns, List<String> partitionColumns, Protocol protocol, Map<String, String> properties,
            Long lastCommitTimestampMs) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record TableMetadata(String etag, DeltaTableType tableType, String tableUuid, String location,
            Long createdTime, Long updatedTime, JsonNode columns, List<String> partitionColumns,
            Map<String, String> properties) {
    }

    /** No {@code commits} nor {@code latest-table-version}: Lakeward does not coordinate commits yet. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record LoadTableResponse(TableMetadata metadata) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record RenameTableRequest(String newName) {
    }

    public record DeltaErrorModel(String message, String type, int code) {
    }

    public record DeltaErrorResponse(DeltaErrorModel error) {
    }
}
