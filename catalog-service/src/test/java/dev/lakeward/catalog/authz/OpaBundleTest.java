package dev.lakeward.catalog.authz;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.createPrincipal;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.revoke;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

/** The bundle an OPA sidecar polls: policy plus current grants, revisioned, with an ETag. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OpaBundleTest {

    private static final String BUNDLE = "/api/lakeward/v1/opa/bundle.tar.gz";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bundleCarriesThePolicyAndTheCurrentGrantsAndChangesItsETagWithThem() throws IOException {
        String catalog = unique("bundled");
        String catalogId = asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200)
                .extract().path("id");
        String user = unique("opa-user");
        userWithToken(user);
        grant("catalog", catalog, user, "USE CATALOG");

        Response first = asAdmin().get(BUNDLE);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("application/gzip");
        String etag = first.header("ETag");
        Map<String, byte[]> files = untar(first.asByteArray());
        assertThat(files).containsOnlyKeys(".manifest", "lakeward/authz/policy.rego", "data.json");
        assertThat(new String(files.get("lakeward/authz/policy.rego"))).contains("package lakeward.authz");
        JsonNode manifest = JSON.readTree(files.get(".manifest"));
        assertThat(manifest.get("roots").get(0).asText()).isEqualTo("lakeward");
        JsonNode data = data(first);
        assertThat(grantsOn(data, Set.of(catalogId))).containsExactly(catalogId + " " + user.toLowerCase() + " USE_CATALOG");
        assertThat(manifest.get("revision").asText()).isEqualTo(data.get("version").asText());
        // the roles' groups reach the Rego policy as the built-in evaluator has them
        assertThat(data.at("/roles/provisioners").asText()).isEqualTo("scim-provisioners");
        assertThat(data.at("/roles/lineage_writers").asText()).isEqualTo("lineage-writers");

        assertThat(asAdmin().header("If-None-Match", etag).get(BUNDLE).statusCode()).isEqualTo(304);
        grant("catalog", catalog, user, "BROWSE");
        Response changed = asAdmin().header("If-None-Match", etag).get(BUNDLE);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void bundleDataHoldsExactlyTheStoredGrantsAndMemberships() throws IOException {
        String catalog = unique("bundled");
        String catalogId = asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200)
                .extract().path("id");
        String schemaId = asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then()
                .statusCode(200).extract().path("schema_id");
        String user = unique("Opa-User");
        String other = unique("opa-other");
        String group = unique("opa-group");
        userWithToken(user);
        userWithToken(other);
        createPrincipal("GROUP", group, user);
        grant("catalog", catalog, user, "USE CATALOG", "BROWSE");
        grant("catalog", catalog, group, "USE CATALOG");
        grant("schema", catalog + ".s", group, "USE SCHEMA", "CREATE TABLE");
        grant("schema", catalog + ".s", other, "SELECT");
        revoke("schema", catalog + ".s", other, "SELECT");
        Set<String> ours = Set.of(catalogId, schemaId);
        String userKey = user.toLowerCase();

        JsonNode data = data(asAdmin().get(BUNDLE));
        assertThat(grantsOn(data, ours)).containsExactlyInAnyOrder(
                catalogId + " " + userKey + " BROWSE",
                catalogId + " " + userKey + " USE_CATALOG",
                catalogId + " " + group + " USE_CATALOG",
                schemaId + " " + group + " CREATE_TABLE",
                schemaId + " " + group + " USE_SCHEMA");
        assertThat(grantsOf(data, Set.of(userKey, group, other))).as("grants of this test's principals anywhere")
                .isEqualTo(grantsOn(data, ours));
        assertThat(groupsOf(data, userKey)).containsExactly(group);
        assertThat(groupsOf(data, other)).isEmpty();
        assertThat(groupsOf(data, group)).isEmpty();

        revoke("catalog", catalog, user, "BROWSE");
        asAdmin().delete("/api/lakeward/v1/principals/" + group).then().statusCode(200);
        JsonNode after = data(asAdmin().get(BUNDLE));
        assertThat(grantsOn(after, ours)).containsExactly(catalogId + " " + userKey + " USE_CATALOG");
        assertThat(groupsOf(after, userKey)).isEmpty();
    }

    @Test
    void onlyMetastoreAdminsGetTheBundle() {
        String token = userWithToken(unique("curious"));
        as(token).get(BUNDLE).then().statusCode(403);
    }

    /** The bundle's {@code data.lakeward} document. */
    private static JsonNode data(Response bundle) throws IOException {
        assertThat(bundle.statusCode()).isEqualTo(200);
        return JSON.readTree(untar(bundle.asByteArray()).get("data.json")).get("lakeward");
    }

    /** The bundle's grants on these securables, as "securable principal privilege". */
    private static List<String> grantsOn(JsonNode data, Set<String> securableIds) {
        return grants(data).stream().filter(g -> securableIds.contains(g.split(" ")[0])).sorted().toList();
    }

    /** The bundle's grants to these principals (by key), as "securable principal privilege". */
    private static List<String> grantsOf(JsonNode data, Set<String> principals) {
        return grants(data).stream().filter(g -> principals.contains(g.split(" ")[1])).sorted().toList();
    }

    private static List<String> grants(JsonNode data) {
        List<String> grants = new ArrayList<>();
        data.get("grants").fields().forEachRemaining(securable -> securable.getValue().fields().forEachRemaining(
                principal -> principal.getValue().forEach(privilege -> grants.add(
                        securable.getKey() + " " + principal.getKey() + " " + privilege.asText()))));
        return grants;
    }

    /** The groups the bundle has a principal directly in. */
    private static List<String> groupsOf(JsonNode data, String principal) {
        List<String> groups = new ArrayList<>();
        data.path("groups").path(principal).forEach(g -> groups.add(g.asText()));
        return groups;
    }

    private static Map<String, byte[]> untar(byte[] gzip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(gzip)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                files.put(entry.getName(), tar.readAllBytes());
            }
        }
        return files;
    }
}
