package dev.lakeward.catalog.authz;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
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
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

/** The bundle an OPA sidecar polls: policy plus current grants, revisioned, with an ETag. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OpaBundleTest {

    private static final String BUNDLE = "/api/lakeward/v1/opa/bundle.tar.gz";

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
        JsonNode manifest = new ObjectMapper().readTree(files.get(".manifest"));
        assertThat(manifest.get("roots").get(0).asText()).isEqualTo("lakeward");
        JsonNode data = new ObjectMapper().readTree(files.get("data.json")).get("lakeward");
        assertThat(data.at("/grants/" + catalogId + "/" + user.toLowerCase()).toString()).isEqualTo("[\"USE_CATALOG\"]");
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
    void onlyMetastoreAdminsGetTheBundle() {
        String token = userWithToken(unique("curious"));
        as(token).get(BUNDLE).then().statusCode(403);
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
