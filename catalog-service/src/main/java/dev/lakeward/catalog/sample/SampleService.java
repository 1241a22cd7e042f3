package dev.lakeward.catalog.sample;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.error.ApiException;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.namespace.Found;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.storage.StorageVending;
import dev.lakeward.catalog.storage.TableCredentials;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Securable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's sample rows for a caller: the data explorer's and {@code GET
 * /api/lakeward/v1/tables/{full_name}/sample}'s one path. A table the caller may not see is the
 * same 404 as a missing one; a visible one without {@code SELECT} a 403. The files are read with
 * the credential an engine would be vended for the table (READ, scoped to its location, through
 * the vending cache and its audit), never with one of the service's own. Every read, and every
 * refusal of one, is an audit event ({@code SAMPLE_TABLE}).
 */
@ApplicationScoped
public class SampleService {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    @Inject
    LakewardConfig config;

    @Inject
    NamedObjects named;

    @Inject
    AccessControl access;

    @Inject
    AuditLog audit;

    @Inject
    TableCredentials credentials;

    @Inject
    StorageVending vending;

    private SampleReader reader;

    @PostConstruct
    void init() {
        reader = new SampleReader(config.explorer().sampleTimeout());
    }

    /** The first {@code limit} rows (null: 50; 1 to 1000) of {@code catalog.schema.table}. */
    public Sample sample(Caller caller, String fullName, Integer limit) {
        if (!config.explorer().sampleReads()) {
            throw new FailedPrecondition("Sample reads are turned off here (lakeward.explorer.sample-reads=false):"
                    + " this deployment keeps the catalog service out of the data. Read the table with an engine"
                    + " through temporary table credentials instead.");
        }
        int rows = limit == null ? DEFAULT_LIMIT : limit;
        if (rows < 1 || rows > MAX_LIMIT) {
            throw new InvalidParameter("limit must be from 1 to " + MAX_LIMIT + ", not " + limit + ".");
        }
        Found<TableInfo> table = named.readTable(caller, Action.READ_METADATA, fullName);
        Securable securable = table.securable();
        Decision select = access.decide(caller, List.of(new Check(Action.SELECT, securable))).getFirst();
        if (!select.allowed()) {
            audit.denial(caller.name(), AuditAction.SAMPLE_TABLE, securable.type(), securable.fullName(), select.reason());
            throw new PermissionDenied(select.reason());
        }
        TableInfo info = table.info();
        try {
            Sample sample = reader.read(info, rows, () -> files(caller, table, select));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("url", info.storageLocation());
            details.put("limit", rows);
            details.put("rows", sample.rows().size());
            if (sample.version() != null) {
                details.put("version", sample.version());
            }
            audit.access(caller.name(), AuditAction.SAMPLE_TABLE, securable.type(), securable.fullName(), details);
            return sample;
        } catch (ApiException refused) {
            audit.denial(caller.name(), AuditAction.SAMPLE_TABLE, securable.type(), securable.fullName(),
                    refused.getMessage());
            throw refused;
        }
    }

    /** The table's files through the credential an engine with the caller's SELECT would be vended. */
    private ReadOnlyFileIO files(Caller caller, Found<TableInfo> table, Decision select) {
        String location = table.info().storageLocation();
        String scheme;
        try {
            scheme = StorageLocation.parse(location).scheme();
        } catch (IllegalArgumentException e) {
            throw new FailedPrecondition("Table '" + table.info().fullName() + "' has a location that cannot be read: "
                    + e.getMessage());
        }
        TableFiles.requireReadable(table.info().fullName(), scheme);
        TemporaryCredential credential = credentials.vend(caller, table, select, AccessLevel.READ);
        return TableFiles.open(location, credential, vending.endpoint(location), config.explorer().sampleTimeout());
    }
}
