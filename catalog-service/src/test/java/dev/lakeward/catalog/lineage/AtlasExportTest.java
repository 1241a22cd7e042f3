package dev.lakeward.catalog.lineage;

import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The stored lineage pushed to (a local stand-in for) Apache Atlas by a metastore admin. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(FakeAtlasResource.class)
class AtlasExportTest {

    @Test
    void theCtasLineageReachesAtlasAsTablesColumnsAndAProcess() throws Exception {
        String catalog = CtasLineage.createTables();
        asAdmin().body(CtasLineage.event(catalog, "COMPLETE")).post("/api/v1/lineage").then().statusCode(200);

        as(userWithToken(unique("not-admin"))).post("/api/lakeward/v1/lineage/atlas-export").then().statusCode(403);
        asAdmin().post("/api/lakeward/v1/lineage/atlas-export").then().statusCode(200);

        String atlas = ConfigProvider.getConfig().getValue("lakeward.lineage.atlas.url", String.class);
        JsonNode captured = new ObjectMapper().readTree(given().get(atlas + "/captured").asString());
        JsonNode process = StreamSupport.stream(captured.spliterator(), false)
                .filter(body -> body.has("entities"))
                .flatMap(body -> StreamSupport.stream(body.get("entities").spliterator(), false))
                .filter(e -> e.at("/attributes/qualifiedName").asText()
                        .equals("lakeward/" + catalog + ".s.t3#z:lineage@lakeward"))
                .findFirst().orElseThrow();
        List<String> inputs = StreamSupport.stream(process.at("/attributes/inputs").spliterator(), false)
                .map(i -> i.at("/uniqueAttributes/qualifiedName").asText()).toList();
        assertThat(inputs).containsExactlyInAnyOrder("lakeward/" + catalog + ".s.t1#x@lakeward",
                "lakeward/" + catalog + ".s.t2#y@lakeward", "lakeward/" + catalog + ".s.t1#k@lakeward");
        assertThat(captured.toString()).doesNotContain("atlas-secret");
    }
}
