package dev.lakeward.catalog.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.AlreadyExists;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.ColumnInfo;
import com.databricks.sdk.service.catalog.ColumnTypeName;
import com.databricks.sdk.service.catalog.CreateCatalog;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.catalog.CreateTableRequest;
import com.databricks.sdk.service.catalog.DataSourceFormat;
import com.databricks.sdk.service.catalog.DeleteCatalogRequest;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.catalog.ListSummariesRequest;
import com.databricks.sdk.service.catalog.ListTablesRequest;
import com.databricks.sdk.service.catalog.SchemaInfo;
import com.databricks.sdk.service.catalog.TableInfo;
import com.databricks.sdk.service.catalog.TableSummary;
import com.databricks.sdk.service.catalog.TableType;
import com.databricks.sdk.service.catalog.UpdateCatalog;
import com.databricks.sdk.service.catalog.UpdateSchema;
import dev.lakeward.catalog.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Databricks Java SDK's catalog services, unchanged, against the packaged service. */
class DatabricksSdkIT {

    @TempDir
    static Path work;

    private static ServiceProcess service;
    private static WorkspaceClient workspace;

    @BeforeAll
    static void startService() throws Exception {
        service = ServiceProcess.start(Files.createDirectories(work.resolve("data")));
        workspace = new WorkspaceClient(new DatabricksConfig()
                .setHost(service.baseUri())
                .setToken(service.adminToken())
                .setAuthType("pat"));
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void catalogsSchemasAndTablesThroughTheDatabricksSdk() {
        for (int i = 0; i < 5; i++) {
            workspace.catalogs().create(new CreateCatalog().setName("dbx_" + i).setComment("c" + i));
        }
        assertThatThrownBy(() -> workspace.catalogs().create(new CreateCatalog().setName("dbx_0")))
                .isInstanceOf(AlreadyExists.class);
        // the SDK follows next_page_token through pages of two
        List<String> names = StreamSupport.stream(workspace.catalogs()
                .list(new ListCatalogsRequest().setMaxResults(2L)).spliterator(), false)
                .map(CatalogInfo::getName).toList();
        assertThat(names).containsSubsequence("dbx_0", "dbx_1", "dbx_2", "dbx_3", "dbx_4");

        CatalogInfo updated = workspace.catalogs().update(new UpdateCatalog().setName("dbx_4").setNewName("dbx_four")
                .setComment("renamed"));
        assertThat(updated.getName()).isEqualTo("dbx_four");
        assertThat(workspace.catalogs().get("dbx_four").getComment()).isEqualTo("renamed");

        SchemaInfo schema = workspace.schemas().create(new CreateSchema().setName("raw").setCatalogName("dbx_0"));
        assertThat(schema.getFullName()).isEqualTo("dbx_0.raw");
        workspace.schemas().update(new UpdateSchema().setFullName("dbx_0.raw").setComment("landing"));
        assertThat(workspace.schemas().get("dbx_0.raw").getComment()).isEqualTo("landing");

        for (String table : List.of("orders", "customers", "events")) {
            workspace.tables().create(new CreateTableRequest().setName(table).setCatalogName("dbx_0")
                    .setSchemaName("raw").setTableType(TableType.EXTERNAL)
                    .setDataSourceFormat(DataSourceFormat.DELTA)
                    .setStorageLocation("s3://lake/dbx/" + table)
                    .setColumns(List.of(new ColumnInfo().setName("id").setTypeName(ColumnTypeName.LONG)
                            .setTypeText("bigint").setPosition(0L).setNullable(false))));
        }
        TableInfo orders = workspace.tables().get("dbx_0.raw.orders");
        assertThat(orders.getFullName()).isEqualTo("dbx_0.raw.orders");
        assertThat(orders.getTableType()).isEqualTo(TableType.EXTERNAL);
        assertThat(orders.getColumns()).extracting(ColumnInfo::getName).containsExactly("id");
        assertThat(workspace.tables().exists("dbx_0.raw.orders").getTableExists()).isTrue();
        assertThat(workspace.tables().exists("dbx_0.raw.nope").getTableExists()).isFalse();

        List<String> tables = StreamSupport.stream(workspace.tables().list(new ListTablesRequest()
                .setCatalogName("dbx_0").setSchemaName("raw").setMaxResults(2L)).spliterator(), false)
                .map(TableInfo::getName).toList();
        assertThat(tables).containsExactly("customers", "events", "orders");
        List<String> summaries = StreamSupport.stream(workspace.tables().listSummaries(new ListSummariesRequest()
                .setCatalogName("dbx_0").setTableNamePattern("%er%").setMaxResults(1L)).spliterator(), false)
                .map(TableSummary::getFullName).toList();
        assertThat(summaries).containsExactly("dbx_0.raw.customers", "dbx_0.raw.orders");

        workspace.tables().delete("dbx_0.raw.events");
        assertThatThrownBy(() -> workspace.tables().get("dbx_0.raw.events")).isInstanceOf(NotFound.class);
        workspace.catalogs().delete(new DeleteCatalogRequest().setName("dbx_0").setForce(true));
        assertThatThrownBy(() -> workspace.schemas().get("dbx_0.raw")).isInstanceOf(NotFound.class);
    }
}
