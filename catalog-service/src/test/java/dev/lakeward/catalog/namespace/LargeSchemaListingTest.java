package dev.lakeward.catalog.namespace;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static dev.lakeward.catalog.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.authz.GrantSnapshots;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A schema of 10,000 tables listed page by page: while other clients keep adding tables, every
 * table that existed when the listing began comes back exactly once; and a user who may see half
 * of them gets exactly that half, in full pages.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LargeSchemaListingTest {

    private static final int TABLES = 10_000;
    private static final int PAGE = 700;

    @Inject
    EntityManager em;

    @Inject
    GrantSnapshots snapshots;

    private static String catalog;

    /** One schema of 10,000 tables t00000, t00002, … t19998 for both tests. */
    @BeforeEach
    void tenThousandTables() throws Exception {
        if (catalog != null) {
            return;
        }
        catalog = unique("big");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> creates = IntStream.range(0, TABLES)
                    .mapToObj(i -> pool.submit(() -> createTable(http, catalog, "t%05d".formatted(i * 2))))
                    .toList();
            for (Future<Integer> create : creates) {
                assertThat(create.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenThousandTablesAreFoundByIdAmongThirtyThousandUnknownIds() {
        // more ids than PostgreSQL takes bind parameters in one statement (32,767), as a lineage graph may hold
        List<UUID> ids = new ArrayList<>(QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select t.id from TableEntity t, SchemaEntity s, CatalogEntity c where t.schemaId = s.id"
                        + " and s.catalogId = c.id and c.name = :catalog", UUID.class)
                .setParameter("catalog", catalog).getResultList()));
        assertThat(ids).hasSize(TABLES);
        Stream.generate(UUID::randomUUID).limit(30_000).forEach(ids::add);
        Map<UUID, TablePath> found = QuarkusTransaction.requiringNew().call(() -> NamespaceStore.tablesById(ids));
        assertThat(found).hasSize(TABLES);
        assertThat(found.values()).allMatch(path -> path.fullName().startsWith(catalog + ".s.t"));
    }

    @Test
    void tenThousandTablesArePagedExactlyOnceUnderConcurrentInserts() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {

            // odd names sort between the existing ones, on pages not yet read
            Future<?> inserts = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    assertThat(createTable(http, catalog, "t%05d".formatted(i * 60 + 1))).isEqualTo(200);
                }
                return null;
            });
            List<String> listed = new ArrayList<>();
            int pages = 0;
            String token = null;
            do {
                var spec = asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s")
                        .queryParam("max_results", PAGE);
                if (token != null) {
                    spec.queryParam("page_token", token);
                }
                JsonPath page = spec.get(BASE + "/tables").then().statusCode(200).extract().jsonPath();
                List<String> names = page.getList("tables.name", String.class);
                assertThat(names.size()).isLessThanOrEqualTo(PAGE);
                listed.addAll(names);
                token = page.getString("next_page_token");
                pages++;
            } while (token != null);
            inserts.get();

            Set<String> unique = new HashSet<>(listed);
            assertThat(unique).as("no table listed twice").hasSameSizeAs(listed);
            assertThat(listed).as("listing in name order").isSorted();
            Set<String> expected = new HashSet<>();
            IntStream.range(0, TABLES).forEach(i -> expected.add("t%05d".formatted(i * 2)));
            assertThat(unique).containsAll(expected);
            assertThat(pages).isGreaterThanOrEqualTo(TABLES / PAGE);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUserWhoMaySeeHalfTheTablesGetsExactlyThatHalfInFullPages() {
        String user = unique("half") + "@example.com";
        String userToken = userWithToken(user);
        grant("catalog", catalog, user, "USE CATALOG");
        grant("schema", catalog + ".s", user, "USE SCHEMA");
        // 5,000 grants through the API would be 5,000 requests; the listing is what is tested here
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into securable_grant (securable_id, securable_type, principal_id, privilege, created_at, created_by)
                select t.id, 'TABLE', p.id, 'SELECT', now(), 'test'
                from catalog_table t join catalog_schema s on s.id = t.schema_id join catalog c on c.id = s.catalog_id,
                     principal p
                where c.name = ?1 and s.name = 's' and p.name = ?2
                  and t.name ~ '^t[0-9]{5}$' and cast(substr(t.name, 2) as int) % 4 = 0""")
                .setParameter(1, catalog).setParameter(2, user).executeUpdate());
        snapshots.reload();

        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            var spec = as(userToken).queryParam("catalog_name", catalog).queryParam("schema_name", "s")
                    .queryParam("max_results", PAGE);
            if (token != null) {
                spec.queryParam("page_token", token);
            }
            JsonPath page = spec.get(BASE + "/tables").then().statusCode(200).extract().jsonPath();
            List<String> names = page.getList("tables.name", String.class);
            listed.addAll(names);
            pageSizes.add(names.size());
            token = page.getString("next_page_token");
        } while (token != null);

        Set<String> expected = new HashSet<>();
        IntStream.range(0, TABLES / 2).forEach(i -> expected.add("t%05d".formatted(i * 4)));
        assertThat(listed).hasSize(TABLES / 2).doesNotHaveDuplicates();
        assertThat(new HashSet<>(listed)).isEqualTo(expected);
        assertThat(pageSizes.subList(0, pageSizes.size() - 1)).as("every page but the last is full").containsOnly(PAGE);
    }

    private static int createTable(HttpClient http, String catalog, String name) throws Exception {
        String port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", String.class);
        String body = """
                {"name": "%s", "catalog_name": "%s", "schema_name": "s", "table_type": "MANAGED",
                 "columns": [{"name": "id", "type_name": "LONG"}]}""".formatted(name, catalog);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE + "/tables"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
