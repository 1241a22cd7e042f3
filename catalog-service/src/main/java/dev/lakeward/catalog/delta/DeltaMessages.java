package dev.lakeward.catalog.delta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
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

    /** Features only: the suggested protocol names no versions. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record SuggestedProtocol(List<String> readerFeatures, List<String> writerFeatures) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record StagingTableResponse(String tableId, DeltaTableType tableType, String location,
            List<StorageCredential> storageCredentials, Protocol requiredProtocol,
            SuggestedProtocol suggestedProtocol, Map<String, String> requiredProperties,
            Map<String, String> suggestedProperties) {
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
            DomainMetadata domainMetadata, Long lastCommitTimestampMs, JsonNode uniform) {
    }

    /** The two domains the API carries: {@code delta.clustering} and {@code delta.rowTracking}. */
    public record DomainMetadata(@JsonProperty("delta.clustering") Clustering clustering,
            @JsonProperty("delta.rowTracking") RowTracking rowTracking) {
    }

    /** Named as Delta's log names it, in camel case. */
    public record Clustering(@JsonProperty("clusteringColumns") List<List<String>> clusteringColumns) {
    }

    public record RowTracking(@JsonProperty("rowIdHighWaterMark") Long rowIdHighWaterMark) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record TableMetadata(String etag, DeltaTableType tableType, String tableUuid, String location,
            Long createdTime, Long updatedTime, JsonNode columns, List<String> partitionColumns,
            Map<String, String> properties, Long lastCommitVersion, Long lastCommitTimestampMs) {
    }

    /** {@code commits} and {@code latest-table-version} for catalog-managed tables only, as the spec has it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record LoadTableResponse(TableMetadata metadata, List<Commit> commits, Long latestTableVersion) {
    }

    /** A staged commit file a writer proposes for a version, and the catalog returns to readers. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Commit(Long version, Long timestamp, String fileName, Long fileSize, Long fileModificationTimestamp) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record UpdateTableRequest(List<Requirement> requirements, List<TableUpdate> updates) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = AssertTableUuid.class, name = "assert-table-uuid"),
            @JsonSubTypes.Type(value = AssertEtag.class, name = "assert-etag")})
    public sealed interface Requirement {
    }

    public record AssertTableUuid(String uuid) implements Requirement {
    }

    public record AssertEtag(String etag) implements Requirement {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
    @JsonSubTypes({@JsonSubTypes.Type(value = SetProperties.class, name = "set-properties"),
            @JsonSubTypes.Type(value = RemoveProperties.class, name = "remove-properties"),
            @JsonSubTypes.Type(value = SetColumns.class, name = "set-columns"),
            @JsonSubTypes.Type(value = SetTableComment.class, name = "set-table-comment"),
            @JsonSubTypes.Type(value = AddCommit.class, name = "add-commit"),
            @JsonSubTypes.Type(value = SetLatestBackfilledVersion.class, name = "set-latest-backfilled-version"),
            @JsonSubTypes.Type(value = SetProtocol.class, name = "set-protocol"),
            @JsonSubTypes.Type(value = SetDomainMetadata.class, name = "set-domain-metadata"),
            @JsonSubTypes.Type(value = RemoveDomainMetadata.class, name = "remove-domain-metadata"),
            @JsonSubTypes.Type(value = SetPartitionColumns.class, name = "set-partition-columns"),
            @JsonSubTypes.Type(value = UpdateSnapshotVersion.class, name = "update-metadata-snapshot-version")})
    public sealed interface TableUpdate {
    }

    public record SetProperties(Map<String, String> updates) implements TableUpdate {
    }

    public record RemoveProperties(List<String> removals) implements TableUpdate {
    }

    public record SetColumns(JsonNode columns) implements TableUpdate {
    }

    public record SetTableComment(String comment) implements TableUpdate {
    }

    /** {@code uniform} is read only to be refused: Lakeward serves no UniForm table. */
    public record AddCommit(Commit commit, JsonNode uniform) implements TableUpdate {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record SetLatestBackfilledVersion(Long latestPublishedVersion) implements TableUpdate {
    }

    public record SetProtocol(Protocol protocol) implements TableUpdate {
    }

    public record SetDomainMetadata(DomainMetadata updates) implements TableUpdate {
    }

    public record RemoveDomainMetadata(List<String> domains) implements TableUpdate {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record SetPartitionColumns(List<String> partitionColumns) implements TableUpdate {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record UpdateSnapshotVersion(Long lastCommitVersion, Long lastCommitTimestampMs) implements TableUpdate {
    }

    /** The report is read for its shape only: Lakeward keeps no table metrics. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record ReportMetricsRequest(String tableId, JsonNode report) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record RenameTableRequest(String newName) {
    }

    public record DeltaErrorModel(String message, String type, int code) {
    }

    public record DeltaErrorResponse(DeltaErrorModel error) {
    }
}
