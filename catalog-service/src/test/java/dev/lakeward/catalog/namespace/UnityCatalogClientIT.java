package dev.lakeward.catalog.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakeward.catalog.support.ServiceProcess;
import io.unitycatalog.client.ApiClient;
import io.unitycatalog.client.ApiException;
import io.unitycatalog.client.api.CatalogsApi;
import io.unitycatalog.client.api.ExternalLocationsApi;
import io.unitycatalog.client.api.FunctionsApi;
import io.unitycatalog.client.api.ModelVersionsApi;
import io.unitycatalog.client.api.RegisteredModelsApi;
import io.unitycatalog.client.api.SchemasApi;
import io.unitycatalog.client.api.TablesApi;
import io.unitycatalog.client.api.TemporaryCredentialsApi;
import io.unitycatalog.client.api.VolumesApi;
import io.unitycatalog.client.delta.DeltaApiException;
import io.unitycatalog.client.delta.api.DeltaConfigurationApi;
import io.unitycatalog.client.delta.api.DeltaTablesApi;
import io.unitycatalog.client.delta.api.DeltaTemporaryCredentialsApi;
import io.unitycatalog.client.delta.model.DeltaAddCommitUpdate;
import io.unitycatalog.client.delta.model.DeltaArrayType;
import io.unitycatalog.client.delta.model.DeltaAssertTableUUID;
import io.unitycatalog.client.delta.model.DeltaCatalogConfig;
import io.unitycatalog.client.delta.model.DeltaCommit;
import io.unitycatalog.client.delta.model.DeltaCreateStagingTableRequest;
import io.unitycatalog.client.delta.model.DeltaCreateTableRequest;
import io.unitycatalog.client.delta.model.DeltaCredentialOperation;
import io.unitycatalog.client.delta.model.DeltaErrorType;
import io.unitycatalog.client.delta.model.DeltaLoadTableResponse;
import io.unitycatalog.client.delta.model.DeltaPrimitiveType;
import io.unitycatalog.client.delta.model.DeltaProtocol;
import io.unitycatalog.client.delta.model.DeltaRenameTableRequest;
import io.unitycatalog.client.delta.model.DeltaReportMetricsRequest;
import io.unitycatalog.client.delta.model.DeltaSetLatestBackfilledVersionUpdate;
import io.unitycatalog.client.delta.model.DeltaStagingTableResponse;
import io.unitycatalog.client.delta.model.DeltaStagingTableResponseRequiredProtocol;
import io.unitycatalog.client.delta.model.DeltaStructField;
import io.unitycatalog.client.delta.model.DeltaStructFieldMetadata;
import io.unitycatalog.client.delta.model.DeltaStructType;
import io.unitycatalog.client.delta.model.DeltaTableMetadata;
import io.unitycatalog.client.delta.model.DeltaTableType;
import io.unitycatalog.client.delta.model.DeltaUpdateTableRequest;
import io.unitycatalog.client.delta.serde.DeltaDataTypeModule;
import io.unitycatalog.client.model.CatalogInfo;
import io.unitycatalog.client.model.ColumnInfo;
import io.unitycatalog.client.model.ColumnTypeName;
import io.unitycatalog.client.model.CreateCatalog;
import io.unitycatalog.client.model.CreateExternalLocation;
import io.unitycatalog.client.model.CreateFunction;
import io.unitycatalog.client.model.CreateFunctionRequest;
import io.unitycatalog.client.model.CreateModelVersion;
import io.unitycatalog.client.model.CreateRegisteredModel;
import io.unitycatalog.client.model.CreateSchema;
import io.unitycatalog.client.model.CreateStagingTable;
import io.unitycatalog.client.model.CreateTable;
import io.unitycatalog.client.model.CreateVolumeRequestContent;
import io.unitycatalog.client.model.DataSourceFormat;
import io.unitycatalog.client.model.FinalizeModelVersion;
import io.unitycatalog.client.model.FunctionInfo;
import io.unitycatalog.client.model.FunctionParameterInfo;
import io.unitycatalog.client.model.FunctionParameterInfos;
import io.unitycatalog.client.model.FunctionParameterMode;
import io.unitycatalog.client.model.FunctionParameterType;
import io.unitycatalog.client.model.GenerateTemporaryModelVersionCredential;
import io.unitycatalog.client.model.GenerateTemporaryTableCredential;
import io.unitycatalog.client.model.GenerateTemporaryVolumeCredential;
import io.unitycatalog.client.model.ListCatalogsResponse;
import io.unitycatalog.client.model.ListFunctionsResponse;
import io.unitycatalog.client.model.ListRegisteredModelsResponse;
import io.unitycatalog.client.model.ListSchemasResponse;
import io.unitycatalog.client.model.ListTablesResponse;
import io.unitycatalog.client.model.ListVolumesResponseContent;
import io.unitycatalog.client.model.ModelVersionInfo;
import io.unitycatalog.client.model.ModelVersionOperation;
import io.unitycatalog.client.model.ModelVersionStatus;
import io.unitycatalog.client.model.RegisteredModelInfo;
import io.unitycatalog.client.model.SchemaInfo;
import io.unitycatalog.client.model.StagingTableInfo;
import io.unitycatalog.client.model.TableInfo;
import io.unitycatalog.client.model.TableOperation;
import io.unitycatalog.client.model.TableType;
import io.unitycatalog.client.model.TemporaryCredentials;
import io.unitycatalog.client.model.UpdateCatalog;
import io.unitycatalog.client.model.UpdateModelVersion;
import io.unitycatalog.client.model.UpdateRegisteredModel;
import io.unitycatalog.client.model.UpdateSchema;
import io.unitycatalog.client.model.UpdateVolumeRequestContent;
import io.unitycatalog.client.model.VolumeInfo;
import io.unitycatalog.client.model.VolumeOperation;
import io.unitycatalog.client.model.VolumeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Unity Catalog OSS Java SDK, unchanged, against the packaged service: its Unity Catalog and Delta REST APIs. */
class UnityCatalogClientIT {

    @TempDir
    static Path work;

    private static ServiceProcess service;
    private static ApiClient client;

    @BeforeAll
    static void startService() throws Exception {
        service = ServiceProcess.start(Files.createDirectories(work.resolve("data")));
        String token = service.adminToken();
        client = new ApiClient()
                .setScheme("http")
                .setHost("localhost")
                .setPort(service.port())
                .setBasePath("/api/2.1/unity-catalog")
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void catalogsCreateGetListPagedUpdateDelete() throws Exception {
        CatalogsApi catalogs = new CatalogsApi(client);
        for (int i = 0; i < 5; i++) {
            catalogs.createCatalog(new CreateCatalog().name("sdk_cat_" + i).comment("n" + i)
                    .properties(Map.of("i", String.valueOf(i))));
        }
        CatalogInfo got = catalogs.getCatalog("SDK_CAT_3");
        assertThat(got.getName()).isEqualTo("sdk_cat_3");
        assertThat(got.getProperties()).containsEntry("i", "3");
        assertThat(got.getOwner()).isEqualTo("admin");
        assertThat(got.getCreatedAt()).isPositive();

        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListCatalogsResponse page = catalogs.listCatalogs(token, 2);
            assertThat(page.getCatalogs()).hasSizeLessThanOrEqualTo(2);
            page.getCatalogs().forEach(c -> names.add(c.getName()));
            token = page.getNextPageToken();
            pages++;
        } while (token != null);
        assertThat(names).filteredOn(n -> n.startsWith("sdk_cat_"))
                .containsExactly("sdk_cat_0", "sdk_cat_1", "sdk_cat_2", "sdk_cat_3", "sdk_cat_4");
        assertThat(pages).isGreaterThanOrEqualTo(3);

        CatalogInfo updated = catalogs.updateCatalog("sdk_cat_4",
                new UpdateCatalog().newName("sdk_cat_renamed").comment("renamed").properties(Map.of("k", "v")));
        assertThat(updated.getName()).isEqualTo("sdk_cat_renamed");
        assertThat(updated.getComment()).isEqualTo("renamed");
        assertThat(updated.getId()).isEqualTo(catalogs.getCatalog("sdk_cat_renamed").getId());

        catalogs.deleteCatalog("sdk_cat_renamed", false);
        assertThatThrownBy(() -> catalogs.getCatalog("sdk_cat_renamed"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("\"error_code\":\"NOT_FOUND\"");
                });
    }

    @Test
    void schemasAndTablesCreateGetListPagedUpdateDelete() throws Exception {
        new CatalogsApi(client).createCatalog(new CreateCatalog().name("sdk_ns"));
        SchemasApi schemas = new SchemasApi(client);
        for (String name : List.of("a", "b", "c")) {
            schemas.createSchema(new CreateSchema().name(name).catalogName("sdk_ns").comment("schema " + name));
        }
        SchemaInfo schema = schemas.getSchema("sdk_ns.b");
        assertThat(schema.getFullName()).isEqualTo("sdk_ns.b");
        assertThat(schema.getSchemaId()).isNotBlank();
        ListSchemasResponse firstPage = schemas.listSchemas("sdk_ns", 2, null);
        assertThat(firstPage.getSchemas()).extracting(SchemaInfo::getName).containsExactly("a", "b");
        ListSchemasResponse secondPage = schemas.listSchemas("sdk_ns", 2, firstPage.getNextPageToken());
        assertThat(secondPage.getSchemas()).extracting(SchemaInfo::getName).containsExactly("c");
        assertThat(secondPage.getNextPageToken()).isNull();
        assertThat(schemas.updateSchema("sdk_ns.c", new UpdateSchema().newName("d").comment("moved")).getFullName())
                .isEqualTo("sdk_ns.d");

        TablesApi tables = new TablesApi(client);
        for (int i = 0; i < 3; i++) {
            tables.createTable(new CreateTable().name("t" + i).catalogName("sdk_ns").schemaName("a")
                    .tableType(TableType.EXTERNAL).dataSourceFormat(DataSourceFormat.DELTA)
                    .storageLocation("s3://bucket/sdk/t" + i)
                    .columns(List.of(
                            new ColumnInfo().name("id").typeName(ColumnTypeName.LONG).typeText("bigint")
                                    .typeJson("{\"name\":\"id\",\"type\":\"long\",\"nullable\":false,\"metadata\":{}}")
                                    .position(0).nullable(false),
                            new ColumnInfo().name("price").typeName(ColumnTypeName.DECIMAL).typeText("decimal(10,2)")
                                    .typePrecision(10).typeScale(2).position(1).nullable(true))));
        }
        TableInfo table = tables.getTable("sdk_ns.a.t1", null, null);
        assertThat(table.getTableType()).isEqualTo(TableType.EXTERNAL);
        assertThat(table.getDataSourceFormat()).isEqualTo(DataSourceFormat.DELTA);
        assertThat(table.getStorageLocation()).isEqualTo("s3://bucket/sdk/t1");
        assertThat(table.getColumns()).extracting(ColumnInfo::getName).containsExactly("id", "price");
        assertThat(table.getColumns().get(1).getTypePrecision()).isEqualTo(10);
        assertThat(table.getColumns().get(0).getNullable()).isFalse();

        ListTablesResponse page = tables.listTables("sdk_ns", "a", 2, null);
        assertThat(page.getTables()).extracting(TableInfo::getName).containsExactly("t0", "t1");
        page = tables.listTables("sdk_ns", "a", 2, page.getNextPageToken());
        assertThat(page.getTables()).extracting(TableInfo::getName).containsExactly("t2");

        tables.deleteTable("sdk_ns.a.t0");
        assertThat(tables.listTables("sdk_ns", "a", 0, null).getTables()).extracting(TableInfo::getName)
                .containsExactly("t1", "t2");
        assertThatThrownBy(() -> schemas.deleteSchema("sdk_ns.a", false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
        schemas.deleteSchema("sdk_ns.a", true);
        assertThatThrownBy(() -> tables.getTable("sdk_ns.a.t1", null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void volumesCreateGetListPagedRenameDelete() throws Exception {
        new CatalogsApi(client).createCatalog(new CreateCatalog().name("sdk_vol"));
        new SchemasApi(client).createSchema(new CreateSchema().name("s").catalogName("sdk_vol"));
        VolumesApi volumes = new VolumesApi(client);
        for (String name : List.of("a", "b", "c")) {
            volumes.createVolume(new CreateVolumeRequestContent().catalogName("sdk_vol").schemaName("s").name(name)
                    .volumeType(VolumeType.MANAGED).comment("volume " + name));
        }
        assertThatThrownBy(() -> volumes.createVolume(new CreateVolumeRequestContent().catalogName("sdk_vol")
                .schemaName("s").name("a").volumeType(VolumeType.MANAGED)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        VolumeInfo volume = volumes.getVolume("sdk_vol.s.b");
        assertThat(volume.getVolumeType()).isEqualTo(VolumeType.MANAGED);
        assertThat(volume.getStorageLocation()).endsWith("/__unitystorage/volumes/" + volume.getVolumeId());
        TemporaryCredentialsApi credentials = new TemporaryCredentialsApi(client);
        assertThat(credentials.generateTemporaryVolumeCredentials(new GenerateTemporaryVolumeCredential()
                .volumeId(volume.getVolumeId()).operation(VolumeOperation.WRITE_VOLUME)).getUrl())
                .isEqualTo(volume.getStorageLocation());
        ListVolumesResponseContent page = volumes.listVolumes("sdk_vol", "s", 2, null);
        assertThat(page.getVolumes()).extracting(VolumeInfo::getName).containsExactly("a", "b");
        page = volumes.listVolumes("sdk_vol", "s", 2, page.getNextPageToken());
        assertThat(page.getVolumes()).extracting(VolumeInfo::getName).containsExactly("c");
        assertThat(page.getNextPageToken()).isNull();
        VolumeInfo renamed = volumes.updateVolume("sdk_vol.s.c", new UpdateVolumeRequestContent().newName("d")
                .comment("moved"));
        assertThat(renamed.getFullName()).isEqualTo("sdk_vol.s.d");
        assertThat(renamed.getVolumeId()).isEqualTo(volumes.getVolume("sdk_vol.s.d").getVolumeId());
        volumes.deleteVolume("sdk_vol.s.d");
        assertThatThrownBy(() -> volumes.getVolume("sdk_vol.s.d"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        assertThatThrownBy(() -> credentials.generateTemporaryVolumeCredentials(new GenerateTemporaryVolumeCredential()
                .volumeId(renamed.getVolumeId()).operation(VolumeOperation.READ_VOLUME)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    /** As Unity Catalog's AI toolkit registers Python functions: EXTERNAL, with typed parameters. */
    @Test
    void functionsCreateGetListPagedDelete() throws Exception {
        new CatalogsApi(client).createCatalog(new CreateCatalog().name("sdk_fn"));
        new SchemasApi(client).createSchema(new CreateSchema().name("s").catalogName("sdk_fn"));
        FunctionsApi functions = new FunctionsApi(client);
        for (String name : List.of("add", "greet", "shout")) {
            functions.createFunction(new CreateFunctionRequest().functionInfo(pythonFunction(name)));
        }
        assertThatThrownBy(() -> functions.createFunction(new CreateFunctionRequest().functionInfo(pythonFunction("add"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseBody()).contains("\"error_code\":\"ALREADY_EXISTS\"");
                });
        FunctionInfo add = functions.getFunction("sdk_fn.s.add");
        assertThat(add.getFullName()).isEqualTo("sdk_fn.s.add");
        assertThat(add.getRoutineBody()).isEqualTo(FunctionInfo.RoutineBodyEnum.EXTERNAL);
        assertThat(add.getExternalLanguage()).isEqualTo("PYTHON");
        assertThat(add.getDataType()).isEqualTo(ColumnTypeName.LONG);
        assertThat(add.getInputParams().getParameters()).extracting(FunctionParameterInfo::getName)
                .containsExactly("a", "b");
        assertThat(add.getProperties()).isEqualTo("{\"source\":\"toolkit\"}");
        assertThat(add.getFunctionId()).isNotBlank();

        ListFunctionsResponse first = functions.listFunctions("sdk_fn", "s", 2, null);
        assertThat(first.getFunctions()).extracting(FunctionInfo::getName).containsExactly("add", "greet");
        ListFunctionsResponse second = functions.listFunctions("sdk_fn", "s", 2, first.getNextPageToken());
        assertThat(second.getFunctions()).extracting(FunctionInfo::getName).containsExactly("shout");
        assertThat(second.getNextPageToken()).isNull();

        functions.deleteFunction("sdk_fn.s.add");
        assertThatThrownBy(() -> functions.getFunction("sdk_fn.s.add"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("\"error_code\":\"NOT_FOUND\"");
                });
    }

    private static CreateFunction pythonFunction(String name) {
        return new CreateFunction().name(name).catalogName("sdk_fn").schemaName("s")
                .inputParams(new FunctionParameterInfos().parameters(List.of(parameter("a", 0), parameter("b", 1))))
                .dataType(ColumnTypeName.LONG).fullDataType("BIGINT")
                .routineBody(CreateFunction.RoutineBodyEnum.EXTERNAL).externalLanguage("PYTHON")
                .routineDefinition("return a + b").parameterStyle(CreateFunction.ParameterStyleEnum.S)
                .isDeterministic(true).sqlDataAccess(CreateFunction.SqlDataAccessEnum.NO_SQL).isNullCall(false)
                .securityType(CreateFunction.SecurityTypeEnum.DEFINER).specificName(name).comment("adds")
                .properties("{\"source\": \"toolkit\"}");
    }

    private static FunctionParameterInfo parameter(String name, int position) {
        return new FunctionParameterInfo().name(name).typeText("bigint").typeName(ColumnTypeName.LONG)
                .typeJson("{\"name\":\"" + name + "\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}")
                .position(position).parameterMode(FunctionParameterMode.IN).parameterType(FunctionParameterType.PARAM);
    }

    /** The calls MLflow's Unity Catalog registry makes, in its order. */
    @Test
    void aModelIsRegisteredVersionedFinalizedAndDeleted() throws Exception {
        new CatalogsApi(client).createCatalog(new CreateCatalog().name("sdk_ml"));
        new SchemasApi(client).createSchema(new CreateSchema().name("s").catalogName("sdk_ml"));
        RegisteredModelsApi models = new RegisteredModelsApi(client);
        ModelVersionsApi versions = new ModelVersionsApi(client);
        RegisteredModelInfo model = models.createRegisteredModel(new CreateRegisteredModel().catalogName("sdk_ml")
                .schemaName("s").name("churn").comment("churn model"));
        assertThat(model.getFullName()).isEqualTo("sdk_ml.s.churn");
        assertThatThrownBy(() -> models.createRegisteredModel(new CreateRegisteredModel().catalogName("sdk_ml")
                .schemaName("s").name("churn")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        models.createRegisteredModel(new CreateRegisteredModel().catalogName("sdk_ml").schemaName("s").name("other"));
        ListRegisteredModelsResponse first = models.listRegisteredModels("sdk_ml", "s", 1, null);
        assertThat(first.getRegisteredModels()).extracting(RegisteredModelInfo::getName).containsExactly("churn");
        assertThat(models.listRegisteredModels("sdk_ml", "s", 1, first.getNextPageToken()).getRegisteredModels())
                .extracting(RegisteredModelInfo::getName).containsExactly("other");

        ModelVersionInfo v1 = versions.createModelVersion(new CreateModelVersion().catalogName("sdk_ml")
                .schemaName("s").modelName("churn").source("runs:/abc/model").runId("abc"));
        assertThat(v1.getVersion()).isEqualTo(1L);
        assertThat(v1.getStatus()).isEqualTo(ModelVersionStatus.PENDING_REGISTRATION);
        TemporaryCredentialsApi credentials = new TemporaryCredentialsApi(client);
        TemporaryCredentials upload = credentials.generateTemporaryModelVersionCredentials(
                new GenerateTemporaryModelVersionCredential().catalogName("sdk_ml").schemaName("s").modelName("churn")
                        .version(1L).operation(ModelVersionOperation.READ_WRITE_MODEL_VERSION));
        assertThat(upload.getUrl()).isEqualTo(v1.getStorageLocation());
        ModelVersionInfo ready = versions.finalizeModelVersion("sdk_ml.s.churn", 1L,
                new FinalizeModelVersion().fullName("sdk_ml.s.churn").version(1L));
        assertThat(ready.getStatus()).isEqualTo(ModelVersionStatus.READY);
        assertThatThrownBy(() -> credentials.generateTemporaryModelVersionCredentials(
                new GenerateTemporaryModelVersionCredential().catalogName("sdk_ml").schemaName("s").modelName("churn")
                        .version(1L).operation(ModelVersionOperation.READ_WRITE_MODEL_VERSION)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
        versions.createModelVersion(new CreateModelVersion().catalogName("sdk_ml").schemaName("s").modelName("churn")
                .source("runs:/def/model"));
        assertThat(versions.listModelVersions("sdk_ml.s.churn", 0, null).getModelVersions())
                .extracting(ModelVersionInfo::getVersion).containsExactly(1L, 2L);
        assertThat(versions.updateModelVersion("sdk_ml.s.churn", 2L, new UpdateModelVersion().comment("candidate"))
                .getComment()).isEqualTo("candidate");
        versions.deleteModelVersion("sdk_ml.s.churn", 2L);
        assertThatThrownBy(() -> versions.getModelVersion("sdk_ml.s.churn", 2L))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

        assertThat(models.updateRegisteredModel("sdk_ml.s.churn", new UpdateRegisteredModel().newName("retention"))
                .getFullName()).isEqualTo("sdk_ml.s.retention");
        assertThatThrownBy(() -> models.deleteRegisteredModel("sdk_ml.s.retention", false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
        models.deleteRegisteredModel("sdk_ml.s.retention", true);
        assertThatThrownBy(() -> models.getRegisteredModel("sdk_ml.s.retention"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void aManagedTableIsStagedWrittenAndCreatedOverItsStagingLocation() throws Exception {
        new CatalogsApi(client).createCatalog(new CreateCatalog().name("sdk_managed"));
        new SchemasApi(client).createSchema(new CreateSchema().name("s").catalogName("sdk_managed"));
        TablesApi tables = new TablesApi(client);
        StagingTableInfo staged = tables.createStagingTable(new CreateStagingTable().catalogName("sdk_managed")
                .schemaName("s").name("orders"));
        assertThat(staged.getStagingLocation()).endsWith("/__unitystorage/tables/" + staged.getId());
        TemporaryCredentials write = new TemporaryCredentialsApi(client).generateTemporaryTableCredentials(
                new GenerateTemporaryTableCredential().tableId(staged.getId()).operation(TableOperation.READ_WRITE));
        assertThat(write.getUrl()).isEqualTo(staged.getStagingLocation());
        TableInfo table = tables.createTable(new CreateTable().name("orders").catalogName("sdk_managed").schemaName("s")
                .tableType(TableType.MANAGED).dataSourceFormat(DataSourceFormat.DELTA)
                .storageLocation(staged.getStagingLocation())
                .columns(List.of(new ColumnInfo().name("id").typeName(ColumnTypeName.LONG).typeText("bigint")
                        .position(0).nullable(false))));
        assertThat(table.getTableId()).isEqualTo(staged.getId());
        assertThat(table.getStorageLocation()).isEqualTo(staged.getStagingLocation());
        assertThatThrownBy(() -> tables.createTable(new CreateTable().name("again").catalogName("sdk_managed")
                .schemaName("s").tableType(TableType.MANAGED).dataSourceFormat(DataSourceFormat.DELTA)
                .storageLocation(staged.getStagingLocation()).columns(List.of())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }

    /**
     * Two writers through the client's updateTable: each version won by one, the loser told
     * CommitVersionConflictException and retrying at the next; a replayed commit answered as it
     * was; published versions reported; a commit report accepted.
     */
    private static void theCatalogRatifiesOneCommitPerVersion(DeltaTablesApi tables, UUID tableId) throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        assertThat(tables.updateTable("sdk_delta", "s", "orders", commit(tableId, 1, first)).getLatestTableVersion())
                .isEqualTo(1);
        assertThatThrownBy(() -> tables.updateTable("sdk_delta", "s", "orders", commit(tableId, 1, second)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(DeltaApiException.from(e)).hasValueSatisfying(
                        delta -> assertThat(delta.getErrorType()).isEqualTo(DeltaErrorType.COMMIT_VERSION_CONFLICT_EXCEPTION)));
        assertThat(tables.updateTable("sdk_delta", "s", "orders", commit(tableId, 1, first)).getLatestTableVersion())
                .as("a replay").isEqualTo(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> won = new ArrayList<>();
            for (UUID writer : List.of(first, second)) {
                won.add(writers.submit(() -> {
                    List<Long> versions = new ArrayList<>();
                    while (versions.size() < 3) {
                        long next = tables.loadTable("sdk_delta", "s", "orders").getLatestTableVersion() + 1;
                        try {
                            tables.updateTable("sdk_delta", "s", "orders", commit(tableId, next, writer));
                            versions.add(next);
                        } catch (ApiException lost) {
                            assertThat(lost.getCode()).isEqualTo(409);
                        }
                    }
                    return versions;
                }));
            }
            List<Long> versions = new ArrayList<>(won.get(0).get());
            versions.addAll(won.get(1).get());
            assertThat(versions).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L, 7L);
        } finally {
            writers.shutdownNow();
        }
        DeltaLoadTableResponse loaded = tables.loadTable("sdk_delta", "s", "orders");
        assertThat(loaded.getCommits()).extracting(DeltaCommit::getVersion).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        DeltaLoadTableResponse published = tables.updateTable("sdk_delta", "s", "orders", new DeltaUpdateTableRequest()
                .addRequirementsItem(new DeltaAssertTableUUID().uuid(tableId).type("assert-table-uuid"))
                .addUpdatesItem(new DeltaSetLatestBackfilledVersionUpdate().latestPublishedVersion(5L)
                        .action("set-latest-backfilled-version")));
        assertThat(published.getCommits()).extracting(DeltaCommit::getVersion).containsExactly(7L, 6L);
        tables.reportMetrics("sdk_delta", "s", "orders", new DeltaReportMetricsRequest().tableId(tableId));
    }

    private static DeltaUpdateTableRequest commit(UUID tableId, long version, UUID writer) {
        return new DeltaUpdateTableRequest()
                .addRequirementsItem(new DeltaAssertTableUUID().uuid(tableId).type("assert-table-uuid"))
                .addUpdatesItem(new DeltaAddCommitUpdate().commit(new DeltaCommit().version(version)
                        .timestamp(1L + version).fileName(String.format("%020d.%s.json", version, writer))
                        .fileSize(100L).fileModificationTimestamp(1L + version)).action("add-commit"));
    }

    @Test
    void theDeltaRestApiServesAManagedTableFromStagingToDropAndAnExternalOne() throws Exception {
        new CatalogsApi(client).createCatalog(new CreateCatalog().name("sdk_delta"));
        new SchemasApi(client).createSchema(new CreateSchema().name("s").catalogName("sdk_delta"));
        // the client reads and writes Delta types through its own Jackson module (getObjectMapper answers a copy)
        client.setObjectMapper(client.getObjectMapper().registerModule(new DeltaDataTypeModule()));
        DeltaCatalogConfig config = new DeltaConfigurationApi(client).getConfig("sdk_delta", "1.1");
        assertThat(config.getProtocolVersion()).isEqualTo("1.0");
        assertThat(config.getEndpoints()).contains("POST /v1/catalogs/{catalog}/schemas/{schema}/staging-tables",
                "POST /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}",
                "POST /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}/metrics");

        DeltaTablesApi tables = new DeltaTablesApi(client);
        DeltaTemporaryCredentialsApi credentials = new DeltaTemporaryCredentialsApi(client);
        DeltaStagingTableResponse staged = tables.createStagingTable("sdk_delta", "s",
                new DeltaCreateStagingTableRequest().name("orders"));
        assertThat(staged.getTableType()).isEqualTo(DeltaTableType.MANAGED);
        assertThat(staged.getStorageCredentials()).singleElement()
                .satisfies(c -> assertThat(c.getPrefix()).isEqualTo(staged.getLocation()));
        assertThat(credentials.getStagingTableCredentials(staged.getTableId()).getStorageCredentials())
                .singleElement().satisfies(c -> assertThat(c.getOperation()).isEqualTo(DeltaCredentialOperation.READ_WRITE));

        DeltaStructType columns = new DeltaStructType().addFieldsItem(new DeltaStructField().name("id")
                        .type(new DeltaPrimitiveType().type("long")).nullable(false).metadata(new DeltaStructFieldMetadata()))
                .addFieldsItem(new DeltaStructField().name("tags").type(new DeltaArrayType()
                        .elementType(new DeltaPrimitiveType().type("string")).containsNull(true).type("array"))
                        .nullable(true).metadata(new DeltaStructFieldMetadata()));
        columns.type("struct");
        // version 0 written with what staging asked of it: the table is catalog-managed
        DeltaStagingTableResponseRequiredProtocol required = staged.getRequiredProtocol();
        DeltaLoadTableResponse created = tables.createTable("sdk_delta", "s", new DeltaCreateTableRequest().name("orders")
                .tableType(DeltaTableType.MANAGED).location(staged.getLocation()).columns(columns)
                .protocol(new DeltaProtocol().minReaderVersion(required.getMinReaderVersion())
                        .minWriterVersion(required.getMinWriterVersion()).readerFeatures(required.getReaderFeatures())
                        .writerFeatures(required.getWriterFeatures()))
                .properties(staged.getRequiredProperties()).lastCommitTimestampMs(1L));
        assertThat(created.getMetadata().getTableUuid()).isEqualTo(staged.getTableId());
        assertThat(created.getLatestTableVersion()).isZero();
        theCatalogRatifiesOneCommitPerVersion(tables, staged.getTableId());

        DeltaTableMetadata loaded = tables.loadTable("sdk_delta", "s", "orders").getMetadata();
        assertThat(loaded.getLocation()).isEqualTo(staged.getLocation());
        assertThat(loaded.getColumns().getFields()).extracting(DeltaStructField::getName).containsExactly("id", "tags");
        assertThat(loaded.getColumns().getFields().get(1).getType()).isInstanceOf(DeltaArrayType.class);
        tables.tableExists("sdk_delta", "s", "orders");
        tables.renameTable("sdk_delta", "s", "orders", new DeltaRenameTableRequest().newName("sales"));
        assertThatThrownBy(() -> tables.loadTable("sdk_delta", "s", "orders")).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(DeltaApiException.from(e)).hasValueSatisfying(delta ->
                        assertThat(delta.getErrorType()).isEqualTo(DeltaErrorType.NO_SUCH_TABLE_EXCEPTION)));
        assertThat(credentials.getTableCredentials(DeltaCredentialOperation.READ, "sdk_delta", "s", "sales")
                .getStorageCredentials()).singleElement()
                .satisfies(c -> assertThat(c.getPrefix()).isEqualTo(staged.getLocation()));
        tables.deleteTable("sdk_delta", "s", "sales");
        assertThatThrownBy(() -> tables.tableExists("sdk_delta", "s", "sales"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

        Path local = Files.createDirectories(work.resolve("external"));
        String root = local.toUri().toString();
        new ExternalLocationsApi(client).createExternalLocation(new CreateExternalLocation().name("sdk_local").url(root));
        String location = root.replaceAll("/$", "") + "/events";
        assertThat(credentials.getTemporaryPathCredentials(location, DeltaCredentialOperation.READ_WRITE)
                .getStorageCredentials()).singleElement().satisfies(c -> assertThat(c.getPrefix()).isEqualTo(location));
        tables.createTable("sdk_delta", "s", new DeltaCreateTableRequest().name("events")
                .tableType(DeltaTableType.EXTERNAL).location(location).columns(columns)
                .protocol(new DeltaProtocol().minReaderVersion(1).minWriterVersion(2)).properties(Map.of("k", "v"))
                .lastCommitTimestampMs(1L));
        DeltaTableMetadata external = tables.loadTable("sdk_delta", "s", "events").getMetadata();
        assertThat(external.getTableType()).isEqualTo(DeltaTableType.EXTERNAL);
        assertThat(external.getLocation()).isEqualTo(location);
        assertThat(external.getProperties()).containsEntry("k", "v");
    }
}
