package dev.lakeward.catalog.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.error.platform.AlreadyExists;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.ColumnInfo;
import com.databricks.sdk.service.catalog.ColumnTypeName;
import com.databricks.sdk.service.catalog.CreateCatalog;
import com.databricks.sdk.service.catalog.CreateFunction;
import com.databricks.sdk.service.catalog.CreateFunctionParameterStyle;
import com.databricks.sdk.service.catalog.CreateFunctionRequest;
import com.databricks.sdk.service.catalog.CreateFunctionRoutineBody;
import com.databricks.sdk.service.catalog.CreateFunctionSecurityType;
import com.databricks.sdk.service.catalog.CreateFunctionSqlDataAccess;
import com.databricks.sdk.service.catalog.CreateRegisteredModelRequest;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.catalog.CreateTableRequest;
import com.databricks.sdk.service.catalog.CreateVolumeRequestContent;
import com.databricks.sdk.service.catalog.DataSourceFormat;
import com.databricks.sdk.service.catalog.DeleteCatalogRequest;
import com.databricks.sdk.service.catalog.FunctionInfo;
import com.databricks.sdk.service.catalog.FunctionInfoRoutineBody;
import com.databricks.sdk.service.catalog.FunctionParameterInfo;
import com.databricks.sdk.service.catalog.FunctionParameterInfos;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.catalog.ListFunctionsRequest;
import com.databricks.sdk.service.catalog.ListModelVersionsRequest;
import com.databricks.sdk.service.catalog.ListRegisteredModelsRequest;
import com.databricks.sdk.service.catalog.ListSummariesRequest;
import com.databricks.sdk.service.catalog.ListTablesRequest;
import com.databricks.sdk.service.catalog.ListVolumesRequest;
import com.databricks.sdk.service.catalog.ModelVersionInfo;
import com.databricks.sdk.service.catalog.ModelVersionInfoStatus;
import com.databricks.sdk.service.catalog.RegisteredModelInfo;
import com.databricks.sdk.service.catalog.SchemaInfo;
import com.databricks.sdk.service.catalog.TableInfo;
import com.databricks.sdk.service.catalog.TableSummary;
import com.databricks.sdk.service.catalog.TableType;
import com.databricks.sdk.service.catalog.UpdateCatalog;
import com.databricks.sdk.service.catalog.UpdateFunction;
import com.databricks.sdk.service.catalog.UpdateModelVersionRequest;
import com.databricks.sdk.service.catalog.UpdateRegisteredModelRequest;
import com.databricks.sdk.service.catalog.UpdateSchema;
import com.databricks.sdk.service.catalog.UpdateVolumeRequestContent;
import com.databricks.sdk.service.catalog.VolumeInfo;
import com.databricks.sdk.service.catalog.VolumeType;
import dev.lakeward.catalog.support.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    @Test
    void functionsThroughTheDatabricksSdk() {
        workspace.catalogs().create(new CreateCatalog().setName("dbx_fn"));
        workspace.schemas().create(new CreateSchema().setName("s").setCatalogName("dbx_fn"));
        for (String name : List.of("tax", "discount")) {
            workspace.functions().create(new CreateFunctionRequest().setFunctionInfo(new CreateFunction()
                    .setName(name).setCatalogName("dbx_fn").setSchemaName("s")
                    .setInputParams(new FunctionParameterInfos().setParameters(List.of(new FunctionParameterInfo()
                            .setName("price").setTypeText("double").setTypeName(ColumnTypeName.DOUBLE)
                            .setPosition(0L))))
                    .setDataType(ColumnTypeName.DOUBLE).setFullDataType("DOUBLE")
                    .setRoutineBody(CreateFunctionRoutineBody.SQL).setRoutineDefinition("price * 0.2")
                    .setParameterStyle(CreateFunctionParameterStyle.S).setIsDeterministic(true)
                    .setSqlDataAccess(CreateFunctionSqlDataAccess.CONTAINS_SQL).setIsNullCall(false)
                    .setSecurityType(CreateFunctionSecurityType.DEFINER).setSpecificName(name)));
        }
        FunctionInfo tax = workspace.functions().get("dbx_fn.s.tax");
        assertThat(tax.getFullName()).isEqualTo("dbx_fn.s.tax");
        assertThat(tax.getRoutineBody()).isEqualTo(FunctionInfoRoutineBody.SQL);
        assertThat(tax.getRoutineDefinition()).isEqualTo("price * 0.2");
        assertThat(tax.getInputParams().getParameters()).extracting(FunctionParameterInfo::getName)
                .containsExactly("price");
        // the SDK follows next_page_token through pages of one
        assertThat(StreamSupport.stream(workspace.functions().list(new ListFunctionsRequest().setCatalogName("dbx_fn")
                .setSchemaName("s").setMaxResults(1L)).spliterator(), false).map(FunctionInfo::getName))
                .containsExactly("discount", "tax");
        assertThat(workspace.functions().update(new UpdateFunction().setName("dbx_fn.s.tax").setOwner("admin"))
                .getOwner()).isEqualTo("admin");
        workspace.functions().delete("dbx_fn.s.tax");
        assertThatThrownBy(() -> workspace.functions().get("dbx_fn.s.tax")).isInstanceOf(NotFound.class);
    }

    @Test
    void volumesRegisteredModelsAndModelVersions() throws Exception {
        workspace.catalogs().create(new CreateCatalog().setName("dbx_ml"));
        workspace.schemas().create(new CreateSchema().setName("s").setCatalogName("dbx_ml"));
        for (String name : List.of("a", "b", "c")) {
            workspace.volumes().create(new CreateVolumeRequestContent().setCatalogName("dbx_ml").setSchemaName("s")
                    .setName(name).setVolumeType(VolumeType.MANAGED));
        }
        assertThatThrownBy(() -> workspace.volumes().create(new CreateVolumeRequestContent().setCatalogName("dbx_ml")
                .setSchemaName("s").setName("a").setVolumeType(VolumeType.MANAGED))).isInstanceOf(AlreadyExists.class);
        // the SDK follows next_page_token through pages of one
        assertThat(StreamSupport.stream(workspace.volumes().list(new ListVolumesRequest().setCatalogName("dbx_ml")
                .setSchemaName("s").setMaxResults(1L)).spliterator(), false).map(VolumeInfo::getName))
                .containsExactly("a", "b", "c");
        assertThat(workspace.volumes().update(new UpdateVolumeRequestContent().setName("dbx_ml.s.c").setNewName("d")
                .setComment("moved")).getFullName()).isEqualTo("dbx_ml.s.d");
        assertThat(workspace.volumes().read("dbx_ml.s.d").getComment()).isEqualTo("moved");
        workspace.volumes().delete("dbx_ml.s.d");
        assertThatThrownBy(() -> workspace.volumes().read("dbx_ml.s.d")).isInstanceOf(NotFound.class);

        for (String name : List.of("churn", "other")) {
            workspace.registeredModels().create(new CreateRegisteredModelRequest().setCatalogName("dbx_ml")
                    .setSchemaName("s").setName(name));
        }
        assertThat(StreamSupport.stream(workspace.registeredModels().list(new ListRegisteredModelsRequest()
                .setCatalogName("dbx_ml").setMaxResults(1L)).spliterator(), false).map(RegisteredModelInfo::getFullName))
                .containsExactly("dbx_ml.s.churn", "dbx_ml.s.other");
        // Databricks registers versions through MLflow, not this SDK: as MLflow does, over REST
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(service.baseUri() + "/api/2.1/unity-catalog/models/versions"))
                    .header("Authorization", "Bearer " + service.adminToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"catalog_name\":\"dbx_ml\",\"schema_name\":\"s\","
                            + "\"model_name\":\"churn\",\"source\":\"runs:/r/model\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
        }
        ModelVersionInfo version = workspace.modelVersions().get("dbx_ml.s.churn", 2);
        assertThat(version.getVersion()).isEqualTo(2L);
        assertThat(version.getStatus()).isEqualTo(ModelVersionInfoStatus.PENDING_REGISTRATION);
        assertThat(workspace.modelVersions().update(new UpdateModelVersionRequest().setFullName("dbx_ml.s.churn")
                .setVersion(2L).setComment("candidate")).getComment()).isEqualTo("candidate");
        assertThat(StreamSupport.stream(workspace.modelVersions().list(new ListModelVersionsRequest()
                .setFullName("dbx_ml.s.churn").setMaxResults(1L)).spliterator(), false).map(ModelVersionInfo::getVersion))
                .containsExactly(1L, 2L);
        workspace.modelVersions().delete("dbx_ml.s.churn", 2);
        assertThatThrownBy(() -> workspace.modelVersions().get("dbx_ml.s.churn", 2)).isInstanceOf(NotFound.class);
        assertThat(workspace.registeredModels().update(new UpdateRegisteredModelRequest().setFullName("dbx_ml.s.other")
                .setNewName("renamed").setComment("c")).getFullName()).isEqualTo("dbx_ml.s.renamed");
        workspace.registeredModels().delete("dbx_ml.s.renamed");
        assertThatThrownBy(() -> workspace.registeredModels().get("dbx_ml.s.renamed")).isInstanceOf(NotFound.class);
    }
}
