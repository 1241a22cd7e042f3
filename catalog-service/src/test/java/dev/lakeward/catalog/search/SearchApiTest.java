package dev.lakeward.catalog.search;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/lakeward/v1/search}: every kind of name found as a whole, a prefix and a
 * substring, in that order; case-insensitively and literally; only what the caller may see, with
 * no trace of the rest in full pages; following drops and renames. Every test searches for a
 * marker of its own, so the service's other objects never match.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SearchApiTest {

    private static final String SEARCH = "/api/lakeward/v1/search";

    @Test
    void findsEachKindAsAWholeNameThenAPrefixThenASubstring() {
        String m = unique("find");
        catalog(m);
        schema(m, m + "_sales");
        table(m, m + "_sales", "raw_" + m + "_orders", "orders as they came", column("id", "LONG", "bigint", null),
                column(m.toUpperCase() + "_Amount", "DECIMAL", "decimal(10,2)", "in cents"));

        List<Map<String, Object>> hits = search(asAdmin(), m, null).getList("results");

        assertThat(hits).extracting(h -> h.get("type"), h -> h.get("full_name"), h -> h.get("column_name"))
                .containsExactly(
                        tuple("CATALOG", m, null),
                        // prefixes by their own names: m_amount before m_sales
                        tuple("COLUMN", m + "." + m + "_sales.raw_" + m + "_orders", m.toUpperCase() + "_Amount"),
                        tuple("SCHEMA", m + "." + m + "_sales", null),
                        tuple("TABLE", m + "." + m + "_sales.raw_" + m + "_orders", null));
        assertThat(hits.get(1)).containsEntry("type_text", "decimal(10,2)").containsEntry("comment", "in cents")
                .containsEntry("table_type", "MANAGED").containsEntry("data_source_format", "DELTA");
        assertThat(hits.get(3)).containsEntry("comment", "orders as they came").containsEntry("table_type", "MANAGED")
                .containsEntry("data_source_format", "DELTA").doesNotContainKey("type_text");
        assertThat(hits.get(0)).containsOnlyKeys("type", "full_name");

        // a substring of each name, typed in another case: the same four, all now substrings, so by their own names
        String middle = m.substring(2).toUpperCase();
        assertThat(search(asAdmin(), middle, null).getList("results.type")).containsExactly("CATALOG", "COLUMN",
                "SCHEMA", "TABLE");
        // names are matched, not full names
        assertThat(search(asAdmin(), m + "_sales.raw", null).getList("results")).isEmpty();
        assertThat(search(asAdmin(), m + "_amount", null).getList("results.column_name"))
                .containsExactly(m.toUpperCase() + "_Amount");
    }

    @Test
    void equalNamesSortByKindThenEachOnce() {
        String m = unique("same");
        catalog(m);
        schema(m, m);
        // a table and its first column of the same name, and a second table's column of it in another case
        table(m, m, m, null, column(m, "INT", "int", null));
        table(m, m, "other", null, column(m.toUpperCase(), "INT", "int", null));

        List<Map<String, Object>> hits = search(asAdmin(), m, null).getList("results");

        assertThat(hits).extracting(h -> h.get("type"), h -> h.get("full_name"), h -> h.get("column_name"))
                .containsExactlyInAnyOrder(
                        tuple("CATALOG", m, null),
                        tuple("SCHEMA", m + "." + m, null),
                        tuple("TABLE", m + "." + m + "." + m, null),
                        tuple("COLUMN", m + "." + m + "." + m, m),
                        tuple("COLUMN", m + "." + m + ".other", m.toUpperCase()));
        assertThat(hits).extracting(h -> h.get("type")).containsExactly("CATALOG", "SCHEMA", "TABLE", "COLUMN",
                "COLUMN");
        // one at a time, each exactly once, in the same order
        assertThat(allPages(() -> asAdmin(), m, 1, new ArrayList<>())).isEqualTo(keys(hits));
    }

    @Test
    void percentUnderscoreAndBackslashAreCharactersNotPatterns() {
        String m = unique("lit");
        catalog(m);
        schema(m, "s");
        for (String name : List.of("a_b", "axb", "c%d", "cxxd", "e\\f", "ef")) {
            table(m, "s", m + name, null);
        }
        assertThat(tables(m + "a_b")).containsExactly(m + ".s." + m + "a_b");
        assertThat(tables(m + "c%d")).containsExactly(m + ".s." + m + "c%d");
        assertThat(tables(m + "e\\f")).containsExactly(m + ".s." + m + "e\\f");
        assertThat(tables("_" + m.substring(1))).isEmpty();
        assertThat(tables(m.substring(4) + "c%")).containsExactly(m + ".s." + m + "c%d");
    }

    @Test
    void aPrincipalSeesOnlyWhatItMaySeeAndNothingOfTheRest() {
        String m = unique("vis");
        catalog(m);
        schema(m, m + "_s");
        table(m, m + "_s", m + "_shown", null, column(m + "_col", "INT", "int", null));
        table(m, m + "_s", m + "_sibling", null, column(m + "_col", "INT", "int", null));
        String reader = unique("reader") + "@example.com";
        String token = userWithToken(reader);

        assertThat(search(as(token), m, null).getList("results")).isEmpty();
        assertThat(search(as(token), m, "1").getString("next_page_token")).isNull();

        grant("table", m + "." + m + "_s." + m + "_shown", reader, "BROWSE");
        JsonPath seen = search(as(token), m, null);
        // both prefixes, by their own names: m_col before m_shown
        assertThat(seen.getList("results.type")).containsExactly("COLUMN", "TABLE");
        assertThat(seen.getList("results.full_name")).containsOnly(m + "." + m + "_s." + m + "_shown");
        assertThat(seen.getString("next_page_token")).isNull();
        // what search shows, get shows; what it hides, get hides
        as(token).get(BASE + "/tables/" + m + "." + m + "_s." + m + "_shown").then().statusCode(200);
        as(token).get(BASE + "/tables/" + m + "." + m + "_s." + m + "_sibling").then().statusCode(404);
        // the admin's answer has the catalog, the schema and the sibling too
        assertThat(search(asAdmin(), m, null).getList("results")).hasSize(6);
    }

    @Test
    void aRenameAndADropAreReflected() {
        String m = unique("chg");
        catalog(m);
        schema(m, "s");
        table(m, "s", m + "_kept", null, column(m + "_c", "INT", "int", null));
        table(m, "s", m + "_dropped", null, column(m + "_c", "INT", "int", null));
        String renamed = unique("renamed");

        asAdmin().body(Map.of("new_name", renamed)).patch(BASE + "/catalogs/" + m).then().statusCode(200);
        asAdmin().delete(BASE + "/tables/" + renamed + ".s." + m + "_dropped").then().statusCode(200);

        assertThat(search(asAdmin(), m, null).getList("results.full_name"))
                .containsExactly(renamed + ".s." + m + "_kept", renamed + ".s." + m + "_kept");
        assertThat(search(asAdmin(), renamed, null).getList("results.full_name")).containsExactly(renamed);
    }

    @Test
    void pagesReturnEveryVisibleHitExactlyOnceInFullPages() {
        String m = unique("page");
        catalog(m);
        schema(m, "s");
        IntStream.range(0, 12).forEach(i -> table(m, "s", "t%02d_%s".formatted(i, m), null,
                column(m + "_a", "INT", "int", null), column("b_" + m, "INT", "int", null)));
        String reader = unique("pager") + "@example.com";
        String token = userWithToken(reader);
        grant("catalog", m, reader, "USE CATALOG");
        grant("schema", m + ".s", reader, "USE SCHEMA");
        IntStream.range(0, 12).filter(i -> i % 3 == 0)
                .forEach(i -> grant("table", m + ".s.t%02d_%s".formatted(i, m), reader, "SELECT"));

        List<String> all = keys(search(asAdmin(), m, "200").getList("results"));
        assertThat(all).hasSize(1 + 12 * 3).doesNotHaveDuplicates();
        List<Integer> sizes = new ArrayList<>();
        assertThat(allPages(() -> asAdmin(), m, 5, sizes)).isEqualTo(all);
        assertThat(sizes.subList(0, sizes.size() - 1)).containsOnly(5);

        // the catalog (USE CATALOG shows it) and 4 of the 12 tables with their columns: 13 hits, in the admin's
        // order, in pages of 5, 5 and 3
        List<String> visible = all.stream().filter(key -> key.startsWith("CATALOG ") || IntStream.range(0, 12)
                .filter(i -> i % 3 == 0).anyMatch(i -> key.contains(".t%02d_".formatted(i)))).toList();
        sizes.clear();
        assertThat(allPages(() -> as(token), m, 5, sizes)).hasSize(13).isEqualTo(visible);
        assertThat(sizes).containsExactly(5, 5, 3);
    }

    @Test
    void badInputIsA400() {
        for (String query : List.of("", "   ", "x".repeat(256), "a\u0001b")) {
            asAdmin().queryParam("query", query).get(SEARCH).then().statusCode(400)
                    .body("error_code", equalTo("INVALID_PARAMETER_VALUE"));
        }
        asAdmin().get(SEARCH).then().statusCode(400);
        for (String size : List.of("0", "201", "-1", "ten")) {
            asAdmin().queryParam("query", "x").queryParam("max_results", size).get(SEARCH).then().statusCode(400)
                    .body("message", containsString("max_results"));
        }
        // a genuine token, but of another listing
        String catalogsToken = asAdmin().queryParam("max_results", 1).get(BASE + "/catalogs").then().statusCode(200)
                .extract().path("next_page_token");
        asAdmin().queryParam("query", "x").queryParam("page_token", catalogsToken).get(SEARCH).then().statusCode(400)
                .body("message", containsString("page_token"));
        asAdmin().queryParam("query", "x".repeat(255)).get(SEARCH).then().statusCode(200);
    }

    private static List<String> allPages(Supplier<RequestSpecification> caller, String query, int size,
            List<Integer> sizes) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            RequestSpecification spec = caller.get().queryParam("query", query).queryParam("max_results", size);
            if (token != null) {
                spec.queryParam("page_token", token);
            }
            JsonPath page = spec.get(SEARCH).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> results = page.getList("results");
            sizes.add(results.size());
            keys.addAll(keys(results));
            token = page.getString("next_page_token");
        } while (token != null);
        return keys;
    }

    private static List<String> keys(List<Map<String, Object>> hits) {
        return hits.stream().map(h -> h.get("type") + " " + h.get("full_name") + " " + h.get("column_name")).toList();
    }

    private static List<String> tables(String query) {
        return search(asAdmin(), query, null).getList("results.full_name");
    }

    private static JsonPath search(RequestSpecification caller, String query, String maxResults) {
        RequestSpecification spec = caller.queryParam("query", query);
        if (maxResults != null) {
            spec.queryParam("max_results", maxResults);
        }
        return spec.get(SEARCH).then().statusCode(200).extract().jsonPath();
    }

    private static void catalog(String name) {
        asAdmin().body(Map.of("name", name)).post(BASE + "/catalogs").then().statusCode(200);
    }

    private static void schema(String catalog, String name) {
        asAdmin().body(Map.of("name", name, "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
    }

    @SafeVarargs
    private static void table(String catalog, String schema, String name, String comment,
            Map<String, Object>... columns) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "catalog_name", catalog,
                "schema_name", schema, "table_type", "MANAGED", "columns", List.of(columns)));
        if (comment != null) {
            body.put("comment", comment);
        }
        asAdmin().body(body).post(BASE + "/tables").then().statusCode(200);
    }

    private static Map<String, Object> column(String name, String typeName, String typeText, String comment) {
        Map<String, Object> column = new HashMap<>(Map.of("name", name, "type_name", typeName,
                "type_text", typeText));
        if (comment != null) {
            column.put("comment", comment);
        }
        return column;
    }
}
