package dev.lakeward.catalog.iceberg;

import static dev.lakeward.catalog.iceberg.IcebergRows.SCHEMA;
import static dev.lakeward.catalog.iceberg.IcebergRows.append;
import static dev.lakeward.catalog.iceberg.IcebergRows.read;
import static dev.lakeward.catalog.iceberg.IcebergRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.PackagedService;
import dev.lakeward.catalog.support.ServiceAdmin;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Iceberg's own {@link RESTCatalog} against the packaged service, configured with Lakeward's URL,
 * a warehouse and a token: namespaces, a table created, appended to with a real data file and
 * read back (an Avro data file: Iceberg's Parquet writer needs a newer Parquet than the service
 * holds), its schema evolved, two writers racing, renamed, dropped with purge, what another
 * principal sees and may load, and the create, replace and create-or-replace transactions that
 * Spark's CTAS, REPLACE TABLE and CREATE OR REPLACE TABLE run. The client's files go through
 * {@link LocalFileIO}, the only setting beyond those three: the managed storage is {@code file://},
 * and Hadoop's local FileIO does not run on this JDK.
 */
class IcebergRestCatalogIT {

    @RegisterExtension
    static final PackagedService service = new PackagedService(() -> new String[0]);

    private static final ServiceAdmin admin = new ServiceAdmin(service);

    private String warehouse;

    @BeforeEach
    void warehouse() {
        warehouse = "wh_" + UUID.randomUUID().toString().substring(0, 8);
        admin.request().body(Map.of("name", warehouse)).post("/api/2.1/unity-catalog/catalogs").then().statusCode(200);
    }

    private RESTCatalog connect(String token) {
        RESTCatalog catalog = new RESTCatalog();
        catalog.initialize("lakeward", Map.of("uri", service.baseUri() + "/api/2.1/unity-catalog/iceberg",
                "warehouse", warehouse, "token", token, "io-impl", LocalFileIO.class.getName()));
        return catalog;
    }

    @Test
    void aTableFromCreationToPurgeThroughIcebergsClient() throws IOException {
        RESTCatalog catalog = connect(service.adminToken());
        Namespace sales = Namespace.of("sales");
        // Iceberg's builders ask a map for null keys, which Map.of refuses to be asked
        catalog.createNamespace(sales, new HashMap<>(Map.of("team", "finance")));
        assertThat(catalog.listNamespaces()).containsExactly(sales);
        assertThat(catalog.loadNamespaceMetadata(sales)).containsEntry("team", "finance");

        TableIdentifier orders = TableIdentifier.of(sales, "orders");
        Table table = catalog.createTable(orders, SCHEMA, PartitionSpec.unpartitioned(),
                new HashMap<>(Map.of("write.format.default", "avro")));
        assertThat(table.currentSnapshot()).isNull();
        append(table, List.of(row(table, 1L, "Lyon"), row(table, 2L, "Oslo"), row(table, 3L, "Pune")));

        Table loaded = catalog.loadTable(orders);
        assertThat(loaded.currentSnapshot().summary()).containsEntry("added-records", "3");
        assertThat(read(loaded)).containsExactlyInAnyOrder("1:Lyon", "2:Oslo", "3:Pune");

        loaded.updateSchema().addColumn("note", Types.StringType.get()).commit();
        assertThat(catalog.loadTable(orders).schema().findField("note")).isNotNull();
        JsonPath info = admin.request().get("/api/2.1/unity-catalog/tables/" + warehouse + ".sales.orders").then()
                .statusCode(200).extract().jsonPath();
        assertThat(info.getString("data_source_format")).isEqualTo("ICEBERG");
        assertThat(info.getList("columns.name")).containsExactly("id", "city", "note");

        // two writers from the same base: a schema change is not retried, and fails; an append is
        Table first = catalog.loadTable(orders);
        Table second = catalog.loadTable(orders);
        first.updateSchema().addColumn("a", Types.IntegerType.get()).commit();
        assertThatThrownBy(() -> second.updateSchema().addColumn("b", Types.IntegerType.get()).commit())
                .isInstanceOf(CommitFailedException.class);
        assertThat(catalog.loadTable(orders).schema().findField("b")).isNull();
        Table third = catalog.loadTable(orders);
        Table fourth = catalog.loadTable(orders);
        append(third, List.of(row(third, 4L, "Kyiv")));
        append(fourth, List.of(row(fourth, 5L, "Lima")));
        Table raced = catalog.loadTable(orders);
        Snapshot last = raced.currentSnapshot();
        assertThat(raced.snapshot(last.parentId()).parentId()).isEqualTo(loaded.currentSnapshot().snapshotId());
        assertThat(read(raced)).hasSize(5);

        TableIdentifier renamed = TableIdentifier.of(sales, "orders_2026");
        catalog.renameTable(orders, renamed);
        assertThat(catalog.tableExists(orders)).isFalse();
        assertThat(read(catalog.loadTable(renamed))).hasSize(5);

        Path location = Path.of(URI.create(raced.location()));
        assertThat(location.resolve("data")).isDirectory();
        assertThat(catalog.dropTable(renamed, true)).isTrue();
        assertThat(catalog.tableExists(renamed)).isFalse();
        assertThat(location).doesNotExist();
        assertThat(catalog.dropNamespace(sales)).isTrue();
    }

    @Test
    void anotherPrincipalSeesAndLoadsWhatItsGrantsAllow() {
        RESTCatalog catalog = connect(service.adminToken());
        Namespace ns = Namespace.of("shared");
        catalog.createNamespace(ns);
        for (String name : List.of("granted", "browsed", "hidden")) {
            catalog.createTable(TableIdentifier.of(ns, name), SCHEMA);
        }
        String reader = "reader_" + UUID.randomUUID().toString().substring(0, 8);
        String token = admin.userWithToken(reader);
        admin.grant("catalog", warehouse, reader, "USE CATALOG");
        admin.grant("schema", warehouse + ".shared", reader, "USE SCHEMA", "EXTERNAL USE SCHEMA");
        admin.grant("table", warehouse + ".shared.granted", reader, "SELECT");
        admin.grant("table", warehouse + ".shared.browsed", reader, "BROWSE");

        RESTCatalog asReader = connect(token);
        assertThat(asReader.listTables(ns)).containsExactly(TableIdentifier.of(ns, "browsed"),
                TableIdentifier.of(ns, "granted"));
        assertThat(asReader.loadTable(TableIdentifier.of(ns, "granted")).schema().columns()).hasSize(2);
        assertThatThrownBy(() -> asReader.loadTable(TableIdentifier.of(ns, "browsed")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> asReader.loadTable(TableIdentifier.of(ns, "hidden")))
                .isInstanceOf(NoSuchTableException.class);
        // reading is not writing: SELECT alone commits nothing
        Table granted = asReader.loadTable(TableIdentifier.of(ns, "granted"));
        assertThatThrownBy(() -> granted.updateProperties().set("k", "v").commit())
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void createAndReplaceTransactionsRunAsSparksCtasAndReplaceTableRunThem() throws IOException {
        RESTCatalog catalog = connect(service.adminToken());
        Namespace ns = Namespace.of("ctas");
        catalog.createNamespace(ns);
        TableIdentifier events = TableIdentifier.of(ns, "events");
        // CREATE TABLE … AS SELECT: the table staged, its data written, then one commit creates it
        Transaction create = catalog.buildTable(events, SCHEMA).createTransaction();
        append(create.table(), List.of(row(create.table(), 1L, "Lyon"), row(create.table(), 2L, "Oslo")));
        assertThat(catalog.tableExists(events)).isFalse();
        create.commitTransaction();
        Table created = catalog.loadTable(events);
        assertThat(read(created)).containsExactlyInAnyOrder("1:Lyon", "2:Oslo");
        // one identity: the Iceberg table-uuid is the Unity Catalog table_id
        String info = "/api/2.1/unity-catalog/tables/" + warehouse + ".ctas.events";
        admin.request().get(info).then().statusCode(200).body("table_id", equalTo(created.uuid().toString()))
                .body("storage_location", equalTo(created.location()));

        // REPLACE TABLE: the same table, with a new schema and no current snapshot
        Schema replacement = new Schema(Types.NestedField.required(1, "key", Types.StringType.get()),
                Types.NestedField.optional(2, "amount", Types.DoubleType.get()));
        catalog.buildTable(events, replacement).replaceTransaction().commitTransaction();
        Table replaced = catalog.loadTable(events);
        assertThat(replaced.uuid()).isEqualTo(created.uuid());
        assertThat(replaced.schema().columns()).extracting(Types.NestedField::name).containsExactly("key", "amount");
        assertThat(replaced.currentSnapshot()).isNull();
        admin.request().get(info).then().statusCode(200).body("columns.name", equalTo(List.of("key", "amount")));

        // CREATE OR REPLACE TABLE of a table that does not exist creates it
        TableIdentifier fresh = TableIdentifier.of(ns, "fresh");
        catalog.buildTable(fresh, SCHEMA).createOrReplaceTransaction().commitTransaction();
        assertThat(catalog.loadTable(fresh).schema().columns()).hasSize(2);
    }
}
