package dev.lakeward.catalog.explorer;

import static dev.lakeward.catalog.explorer.ExplorerSessionTest.browser;
import static dev.lakeward.catalog.explorer.ExplorerSessionTest.csrf;
import static dev.lakeward.catalog.explorer.ExplorerSessionTest.signIn;
import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.lakeward.catalog.lineage.CtasLineage;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.catalog.support.TableFixtures;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The explorer's pages as a signed-in person gets them: only what the API would show that person,
 * the same page for a hidden object as for a missing one, and changes (sharing, a comment) made
 * through the API's own services, refused as the API refuses them.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ExplorerPagesTest {

    private String catalog;
    private String admin;

    @BeforeEach
    void aTable() {
        catalog = unique("explored");
        asAdmin().body(Map.of("name", catalog, "comment", "where sales land")).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "raw", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        asAdmin().body(Map.of("name", "orders", "catalog_name", catalog, "schema_name", "raw", "table_type", "MANAGED",
                "data_source_format", "DELTA", "columns", List.of(
                        Map.of("name", "order_id", "type_name", "LONG", "type_text", "bigint", "position", 0),
                        Map.of("name", "region", "type_name", "STRING", "type_text", "string", "position", 1,
                                "comment", "where it shipped", "partition_index", 0))))
                .post(BASE + "/tables").then().statusCode(200);
        admin = signIn(adminToken());
    }

    private static RequestSpecification as(String cookie) {
        return browser().cookie("lakeward_session", cookie);
    }

    private String table() {
        return "/explorer/data/" + catalog + "/raw/orders";
    }

    @Test
    void aTableShowsItsDetailsAndColumns() {
        as(admin).get(table()).then().statusCode(200).body(containsString("MANAGED")).body(containsString("DELTA"))
                .body(containsString("role=\"tablist\"")).body(containsString("aria-selected=\"true\" aria-controls=\"panel\">Overview"));
        as(admin).get(table() + "?tab=columns").then().statusCode(200).body(containsString("order_id"))
                .body(containsString("<code>bigint</code>")).body(containsString("where it shipped"));
        as(admin).get("/explorer/data/" + catalog).then().statusCode(200).body(containsString("where sales land"))
                .body(containsString("href=\"/explorer/data/" + catalog + "/raw\""));
        as(admin).get("/explorer/data/" + catalog + "/raw").then().statusCode(200)
                .body(containsString("href=\"/explorer/data/" + catalog + "/raw/orders\""));
    }

    /**
     * Beside the table: volumes {@code landing} (commented) and {@code vault}, models {@code churn}
     * (one version) and {@code secret}, function {@code tax}.
     */
    private void volumesAndModels() {
        for (String volume : List.of("landing", "vault")) {
            asAdmin().body(Map.of("name", volume, "catalog_name", catalog, "schema_name", "raw", "volume_type", "MANAGED",
                    "comment", volume.equals("landing") ? "files as they arrive" : "kept")).post(BASE + "/volumes")
                    .then().statusCode(200);
        }
        for (String model : List.of("churn", "secret")) {
            asAdmin().body(Map.of("name", model, "catalog_name", catalog, "schema_name", "raw", "comment", "who leaves"))
                    .post(BASE + "/models").then().statusCode(200);
        }
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "raw", "model_name", "churn",
                "source", "runs:/r7/model", "run_id", "r7", "comment", "first fit")).post(BASE + "/models/versions")
                .then().statusCode(200);
        asAdmin().body(Map.of("function_info", Map.of("name", "tax", "catalog_name", catalog, "schema_name", "raw",
                "input_params", Map.of("parameters", List.of(Map.of("name", "price", "type_text", "double",
                        "type_name", "DOUBLE", "position", 0, "comment", "before tax"))),
                "data_type", "DOUBLE", "full_data_type", "DOUBLE", "routine_body", "SQL",
                "routine_definition", "price * 1.2", "comment", "adds VAT"))).post(BASE + "/functions")
                .then().statusCode(200);
    }

    /** A person who may use the catalog and schema, and browse only {@code landing} and {@code churn} in it. */
    private String browserOfLandingAndChurn() {
        String name = unique("looker");
        String token = userWithToken(name);
        grant("catalog", catalog, name, "USE CATALOG", "USE SCHEMA");
        grant("volume", catalog + ".raw.landing", name, "BROWSE");
        grant("registered_model", catalog + ".raw.churn", name, "BROWSE");
        return signIn(token);
    }

    @Test
    void aSchemaListsTheVolumesAndModelsThePersonMaySeeBesideItsTables() {
        volumesAndModels();
        String schema = "/explorer/data/" + catalog + "/raw";
        as(admin).get(schema).then().statusCode(200)
                .body(containsString("href=\"/explorer/data/" + catalog + "/raw/orders\""))
                .body(containsString("href=\"/explorer/volumes/" + catalog + "/raw/landing\">landing</a>"))
                .body(containsString("href=\"/explorer/volumes/" + catalog + "/raw/vault\">vault</a>"))
                .body(containsString("href=\"/explorer/models/" + catalog + "/raw/churn\">churn</a>"))
                .body(containsString("href=\"/explorer/models/" + catalog + "/raw/secret\">secret</a>"))
                .body(containsString("href=\"/explorer/functions/" + catalog + "/raw/tax\">tax</a>"))
                .body(containsString("files as they arrive"));
        String seen = as(browserOfLandingAndChurn()).get(schema).then().statusCode(200).extract().asString();
        assertThat(seen).contains("No tables you may see.").contains(">landing</a>").contains(">churn</a>")
                .doesNotContain("vault").doesNotContain("secret").doesNotContain("/raw/orders");
        // one kind a page at a time
        for (int i = 0; i < 100; i++) {
            asAdmin().body(Map.of("name", "v" + String.format("%03d", i), "catalog_name", catalog, "schema_name", "raw",
                    "volume_type", "MANAGED")).post(BASE + "/volumes").then().statusCode(200);
        }
        String first = as(admin).get(schema).then().statusCode(200).extract().asString();
        assertThat(first).contains(">landing</a>").doesNotContain(">vault</a>").contains("?list=volumes&amp;page_token=");
        String next = first.replaceAll("(?s).*href=\"([^\"]+list=volumes[^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(as(admin).get(next).then().statusCode(200).extract().asString()).contains(">vault</a>")
                .doesNotContain(">landing</a>").doesNotContain(">churn</a>").doesNotContain("/raw/orders");
        as(admin).get(schema + "?list=views").then().statusCode(400)
                .body(containsString("list must be one of tables, volumes, functions, models, not &#39;views&#39;."));
        as(admin).get(schema + "?page_token=x").then().statusCode(400).body(containsString("name it with list"));
    }

    @Test
    void aVolumePageAndAModelPageShowTheirFactsAndTheModelsVersions() {
        volumesAndModels();
        String volume = "/explorer/volumes/" + catalog + "/raw/landing";
        String location = asAdmin().get(BASE + "/volumes/" + catalog + ".raw.landing").then().statusCode(200)
                .extract().path("storage_location");
        as(admin).get(volume).then().statusCode(200).body(containsString("<dd>" + catalog + ".raw.landing</dd>"))
                .body(containsString("<dd>MANAGED</dd>")).body(containsString("<dd>" + location + "</dd>"))
                .body(containsString("<dd>files as they arrive</dd>")).body(containsString(" by admin</dd>"))
                .body(containsString("href=\"/explorer/data/" + catalog + "/raw\">raw</a>"));
        String model = "/explorer/models/" + catalog + "/raw/churn";
        as(admin).get(model).then().statusCode(200).body(containsString("<dd>" + catalog + ".raw.churn</dd>"))
                .body(containsString("<dd>who leaves</dd>")).body(containsString("__unitystorage/models/"));
        as(admin).get(model + "?tab=versions").then().statusCode(200).body(containsString(
                "<tr><td>1</td><td>PENDING_REGISTRATION</td><td>runs:/r7/model</td><td>r7</td><td>first fit</td>"));
        as(admin).get("/explorer/models/" + catalog + "/raw/secret?tab=versions").then().statusCode(200)
                .body(containsString("no versions yet"));
        as(admin).get(model + "?tab=permissions").then().statusCode(200).body(containsString("value=\"EXECUTE\""))
                .body(containsString("on this registered model itself"));
        String function = "/explorer/functions/" + catalog + "/raw/tax";
        as(admin).get(function).then().statusCode(200).body(containsString("<dd>" + catalog + ".raw.tax</dd>"))
                .body(containsString("<pre>price * 1.2</pre>")).body(containsString("<dd>adds VAT</dd>"))
                .body(containsString("<tr><td>price</td><td>double</td><td></td><td>before tax</td></tr>"));
        as(admin).get(function + "?tab=permissions").then().statusCode(200)
                .body(containsString("name=\"securable_type\" value=\"function\""));
    }

    @Test
    void aHiddenVolumeOrModelLooksMissingAndOddNamesAreEscaped() {
        volumesAndModels();
        String looker = browserOfLandingAndChurn();
        as(looker).get("/explorer/volumes/" + catalog + "/raw/landing").then().statusCode(200);
        as(looker).get("/explorer/models/" + catalog + "/raw/churn?tab=versions").then().statusCode(200)
                .body(containsString("runs:/r7/model"));
        for (String[] kind : List.of(new String[] {"volumes", "vault"}, new String[] {"models", "secret"},
                new String[] {"functions", "tax"})) {
            String hidden = as(looker).get("/explorer/" + kind[0] + "/" + catalog + "/raw/" + kind[1]).then()
                    .statusCode(404).extract().asString();
            String missing = as(looker).get("/explorer/" + kind[0] + "/" + catalog + "/raw/gone").then()
                    .statusCode(404).extract().asString();
            assertThat(hidden.replace(kind[1], "X")).isEqualTo(missing.replace("gone", "X"));
            assertThat(hidden).contains("role=\"alert\"").doesNotContain("Exception");
        }
        String odd = as(admin).get("/explorer/volumes/" + catalog + "/raw/<b>x").then().statusCode(404)
                .extract().asString();
        assertThat(odd).doesNotContain("<b>x").contains("&lt;b&gt;x");
    }

    @Test
    void aGrantMadeOnAVolumesPermissionsTabTakesEffect() {
        volumesAndModels();
        String name = unique("reader");
        String reader = signIn(userWithToken(name));
        grant("catalog", catalog, name, "USE CATALOG", "USE SCHEMA");
        String volume = "/explorer/volumes/" + catalog + "/raw/vault";
        as(reader).get(volume).then().statusCode(404);
        as(admin).get(volume + "?tab=permissions").then().statusCode(200).body(containsString("Share…"))
                .body(containsString("name=\"securable_type\" value=\"volume\""))
                .body(containsString("value=\"READ VOLUME\"")).body(not(containsString("value=\"SELECT\"")));
        as(admin).formParam("csrf", csrf(admin, volume)).formParam("securable_type", "volume")
                .formParam("full_name", catalog + ".raw.vault").formParam("principal", name)
                .formParam("privilege", "READ VOLUME").formParam("change", "grant").post("/explorer/permissions")
                .then().statusCode(303).header("Location", containsString(volume + "?tab=permissions&changed=granted"));
        as(admin).get(volume + "?tab=permissions&changed=granted").then().statusCode(200).body(containsString("Granted."))
                .body(containsString("<td>" + name + "</td>"));
        asAdmin().get(BASE + "/permissions/volume/" + catalog + ".raw.vault").then().statusCode(200)
                .body("privilege_assignments.find { it.principal == '" + name + "' }.privileges",
                        org.hamcrest.Matchers.hasItem("READ VOLUME"));
        as(reader).get(volume).then().statusCode(200).body(containsString("<dd>kept</dd>"));
        as(reader).get("/explorer/data/" + catalog + "/raw").then().statusCode(200).body(containsString(">vault</a>"));
    }

    @Test
    void theTreeLoadsEachLevelOnDemandAPageAtATime() {
        for (int i = 0; i < 51; i++) {
            asAdmin().body(Map.of("name", "t" + String.format("%02d", i), "catalog_name", catalog, "schema_name", "raw",
                    "table_type", "MANAGED", "data_source_format", "DELTA", "columns", List.of()))
                    .post(BASE + "/tables").then().statusCode(200);
        }
        as(admin).get("/explorer/tree").then().statusCode(200).body(containsString("data-children=\"/explorer/tree?catalog="));
        String first = as(admin).queryParam("catalog", catalog).queryParam("schema", "raw").get("/explorer/tree")
                .then().statusCode(200).extract().asString();
        assertThat(first).contains(">orders</a>").contains(">t00</a>").doesNotContain(">t49</a>").contains("Show more");
        String more = first.replaceAll("(?s).*hx-get=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(more).contains("list=tables");
        as(admin).get(more).then().statusCode(200).body(containsString(">t49</a>")).body(containsString(">t50</a>"))
                .body(not(containsString(">orders</a>")));
        // the schema's other kinds follow its tables, each marked, each its own page
        volumesAndModels();
        assertThat(as(admin).queryParam("catalog", catalog).queryParam("schema", "raw").get("/explorer/tree").then()
                .statusCode(200).extract().asString())
                .contains("<a href=\"/explorer/volumes/" + catalog + "/raw/landing\">landing</a> <span class=\"kind\">volume</span>")
                .contains("<a href=\"/explorer/functions/" + catalog + "/raw/tax\">tax</a> <span class=\"kind\">function</span>")
                .contains("<a href=\"/explorer/models/" + catalog + "/raw/churn\">churn</a> <span class=\"kind\">model</span>");
        String looker = browserOfLandingAndChurn();
        assertThat(as(looker).queryParam("catalog", catalog).queryParam("schema", "raw").get("/explorer/tree").then()
                .statusCode(200).extract().asString()).contains(">landing</a>").contains(">churn</a>")
                .doesNotContain("vault").doesNotContain(">tax</a>").doesNotContain(">orders</a>");
        as(admin).queryParam("catalog", catalog).queryParam("schema", "raw").queryParam("page_token", "x")
                .get("/explorer/tree").then().statusCode(400);
    }

    @Test
    void aPersonWithoutGrantsSeesNothingAndAHiddenTableLooksMissing() {
        String stranger = signIn(userWithToken(unique("stranger")));
        as(stranger).get("/explorer").then().statusCode(200).body(containsString("no catalogs you may see"))
                .body(not(containsString(catalog)));
        as(stranger).queryParam("catalog", catalog).get("/explorer/tree").then().statusCode(404)
                .body(not(containsString("orders")));
        String hidden = as(stranger).get(table()).then().statusCode(404).extract().asString();
        String missing = as(stranger).get("/explorer/data/" + catalog + "_gone/raw/orders").then().statusCode(404)
                .extract().asString();
        assertThat(hidden.replace(catalog, "C")).isEqualTo(missing.replace(catalog + "_gone", "C"));
        assertThat(hidden).contains("role=\"alert\"").doesNotContain("Exception").doesNotContain("at dev.lakeward");
    }

    @Test
    void anOwnerSharesATableFromTheDialogAndTheGranteeThenSeesIt() {
        String name = unique("grantee");
        String grantee = signIn(userWithToken(name));
        as(admin).get(table() + "?tab=permissions").then().statusCode(200).body(containsString("Share…"))
                .body(containsString("value=\"SELECT\"")).body(not(containsString("value=\"USE CATALOG\"")));
        as(admin).queryParam("principal", name.substring(0, 9)).get("/explorer/principals").then().statusCode(200)
                .body(containsString("data-value=\"" + name + "\""));
        String token = csrf(admin, table() + "?tab=permissions");
        share(admin, token, "CATALOG", catalog, name, "USE CATALOG");
        share(admin, token, "SCHEMA", catalog + ".raw", name, "USE SCHEMA");
        as(admin).formParam("csrf", token).formParam("securable_type", "TABLE").formParam("full_name", catalog + ".raw.orders")
                .formParam("principal", name).formParam("privilege", "SELECT").formParam("change", "grant")
                .post("/explorer/permissions").then().statusCode(303)
                .header("Location", containsString("tab=permissions&changed=granted"));
        as(admin).get(table() + "?tab=permissions&changed=granted").then().statusCode(200).body(containsString("Granted."))
                .body(containsString("<td>" + name + "</td>"));
        asAdmin().get(BASE + "/permissions/table/" + catalog + ".raw.orders").then().statusCode(200)
                .body("privilege_assignments.find { it.principal == '" + name + "' }.privileges",
                        org.hamcrest.Matchers.hasItem("SELECT"));
        as(grantee).get(table()).then().statusCode(200).body(containsString("orders"));
        as(grantee).get("/explorer").then().statusCode(200).body(containsString(catalog));
        // effective permissions say where each privilege comes from
        as(admin).queryParam("tab", "permissions").queryParam("principal", name).get(table()).then().statusCode(200)
                .body(containsString("SELECT</td><td>" + name + "</td><td>granted here"));
    }

    private static void share(String cookie, String token, String type, String fullName, String principal, String privilege) {
        as(cookie).formParam("csrf", token).formParam("securable_type", type).formParam("full_name", fullName)
                .formParam("principal", principal).formParam("privilege", privilege).formParam("change", "grant")
                .post("/explorer/permissions").then().statusCode(303);
    }

    @Test
    void sharingIsRefusedWithoutManageOrWithoutTheFormTokenAndChangesNothing() {
        String name = unique("reader");
        String readerToken = userWithToken(name);
        grant("catalog", catalog, name, "USE CATALOG", "BROWSE");
        String reader = signIn(readerToken);
        as(reader).get(table() + "?tab=permissions").then().statusCode(200).body(not(containsString("Share…")));
        String token = csrf(reader, table());
        as(reader).formParam("csrf", token).formParam("securable_type", "TABLE").formParam("full_name", catalog + ".raw.orders")
                .formParam("principal", name).formParam("privilege", "SELECT").formParam("change", "grant")
                .post("/explorer/permissions").then().statusCode(403).body(containsString("role=\"alert\""));
        as(admin).formParam("csrf", "not-the-token").formParam("securable_type", "TABLE")
                .formParam("full_name", catalog + ".raw.orders").formParam("principal", name).formParam("privilege", "SELECT")
                .formParam("change", "grant").post("/explorer/permissions").then().statusCode(403);
        as(admin).formParam("csrf", csrf(admin, table())).formParam("securable_type", "TABLE")
                .formParam("full_name", catalog + ".raw.orders").formParam("principal", name).formParam("privilege", "USE CATALOG")
                .formParam("change", "grant").post("/explorer/permissions").then().statusCode(400)
                .body(containsString("cannot be granted on a table"));
        asAdmin().get(BASE + "/permissions/table/" + catalog + ".raw.orders").then().statusCode(200)
                .body("privilege_assignments", org.hamcrest.Matchers.empty());
    }

    @Test
    void theOwnerEditsTheCommentAndOthersCannot() {
        String token = csrf(admin, table());
        as(admin).formParam("csrf", token).formParam("comment", "orders as shipped").post(table() + "/comment")
                .then().statusCode(303);
        asAdmin().get(BASE + "/tables/" + catalog + ".raw.orders").then().body("comment", org.hamcrest.Matchers.equalTo("orders as shipped"));
        as(admin).get(table() + "?tab=history").then().statusCode(200).body(containsString("UPDATE_COMMENT"));

        String name = unique("browser");
        String readerToken = userWithToken(name);
        grant("catalog", catalog, name, "USE CATALOG", "USE SCHEMA", "BROWSE");
        String reader = signIn(readerToken);
        as(reader).get(table()).then().statusCode(200).body(not(containsString("Save comment")));
        as(reader).formParam("csrf", csrf(reader, table())).formParam("comment", "mine now").post(table() + "/comment")
                .then().statusCode(403);
        as(admin).formParam("csrf", token).formParam("comment", "bad\u0000byte").post(table() + "/comment")
                .then().statusCode(400).body(containsString("U+0000"));
        asAdmin().get(BASE + "/tables/" + catalog + ".raw.orders").then().body("comment", org.hamcrest.Matchers.equalTo("orders as shipped"));
        as(reader).get(table() + "?tab=history").then().statusCode(200).body(containsString("metastore admins"));
    }

    @Test
    void sampleDataShowsTheFirstRowsToASelectHolderAndSaysWhyToOthers() {
        String location = asAdmin().get(BASE + "/tables/" + catalog + ".raw.orders").then().statusCode(200)
                .extract().path("storage_location");
        TableFixtures.delta(Path.of(URI.create(location)), new StructType().add("order_id", LongType.LONG)
                .add("region", StringType.STRING), "region")
                .append(Map.of("region", Literal.ofString("emea")), List.<Object[]>of(new Object[] {7L, "emea"}));
        as(admin).get(table() + "?tab=sample").then().statusCode(200).body(containsString("<td>7</td>"))
                .body(containsString("<td>emea</td>")).body(containsString("aria-label=\"Sample data\""));

        String name = unique("browsing");
        String readerToken = userWithToken(name);
        grant("catalog", catalog, name, "USE CATALOG", "USE SCHEMA", "BROWSE");
        as(signIn(readerToken)).get(table() + "?tab=sample").then().statusCode(200)
                .body(containsString("does not have SELECT")).body(not(containsString("<td>emea</td>")));
        as(admin).get(table() + "?tab=sample&limit=x").then().statusCode(400).body(containsString("whole number"));
    }

    @Test
    void lineageIsDrawnWithTheJoinedTableMaskedForWhoMayNotBrowseIt() {
        String lineage = CtasLineage.createTables();
        asAdmin().body(CtasLineage.event(lineage, "COMPLETE")).post("/api/v1/lineage").then().statusCode(200);
        String t3 = "/explorer/data/" + lineage + "/s/t3?tab=lineage";
        as(admin).get(t3).then().statusCode(200).body(containsString("<svg"))
                .body(containsString(lineage + ".s.t2")).body(containsString("data-column"));

        String name = unique("analyst");
        String token = userWithToken(name);
        grant("catalog", lineage, name, "USE CATALOG", "USE SCHEMA");
        grant("table", lineage + ".s.t1", name, "BROWSE");
        grant("table", lineage + ".s.t3", name, "BROWSE");
        String page = as(signIn(token)).get(t3 + "&depth=3&direction=UPSTREAM").then().statusCode(200).extract().asString();
        assertThat(page).contains("<svg").contains(lineage + ".s.t1").doesNotContain(lineage + ".s.t2")
                .doesNotContain("t2.k").doesNotContain("upper(y)");
        as(admin).get("/explorer/data/" + lineage + "/s/t1?tab=lineage&expand=" + lineage + ".s.t3").then().statusCode(200)
                .body(containsString("<svg"));
        // the join's description names t2 even where t2 is not in the graph (t1's lineage): the graph never carries it
        assertThat(as(signIn(token)).get("/explorer/data/" + lineage + "/s/t1?tab=lineage").then().statusCode(200)
                .extract().asString()).contains("<svg").doesNotContain("t2.k");
        asAdmin().get("/api/lakeward/v1/lineage/graph?node=" + lineage + ".s.t1").then().statusCode(200)
                .body("edges.description", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        // a dropped table is drawn as deleted, named to nobody: whether one might have seen it can no longer be asked
        asAdmin().delete(BASE + "/tables/" + lineage + ".s.t2").then().statusCode(200);
        assertThat(as(admin).get(t3).then().statusCode(200).extract().asString()).contains("Deleted table")
                .doesNotContain(lineage + ".s.t2");
        as(admin).get(t3 + "&depth=6").then().statusCode(400).body(containsString("from 1 to 5"));
        as(admin).get(table() + "?tab=lineage").then().statusCode(200).body(containsString("No lineage is recorded"));
    }

    @Test
    void searchFindsWhatThePersonMaySeeAndLinksToIt() {
        as(admin).queryParam("q", catalog.substring(3)).get("/explorer/search").then().statusCode(200)
                .body(containsString("href=\"/explorer/data/" + catalog + "\"")).body(containsString(">catalog</span>"));
        String stranger = signIn(userWithToken(unique("seeker")));
        as(stranger).queryParam("q", catalog).get("/explorer/search").then().statusCode(200)
                .body(containsString("Nothing you may see")).body(not(containsString("/explorer/data/" + catalog)));
        as(admin).queryParam("q", "a\u0000b").get("/explorer/search").then().statusCode(400);
    }

    @Test
    void htmxGetsARefusalAsAFragmentToSwapIn() {
        as(admin).header("HX-Request", "true").get("/explorer/data/" + catalog + "_gone").then().statusCode(404)
                .body(not(containsString("<html"))).body(containsString("role=\"alert\""));
    }
}
