package dev.lakeward.lineage.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lakeward.lineage.ColumnEdge;
import dev.lakeward.lineage.ColumnRef;
import dev.lakeward.lineage.DatasetRef;
import dev.lakeward.lineage.Transformation;
import dev.lakeward.lineage.TransformationType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exporter against a local server that answers as Atlas' v2 REST API documents, and checks
 * what it is sent: basic authentication, type definitions (once), and the bulk entity upload.
 */
class AtlasExporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DatasetRef T1 = new DatasetRef("lakeward", "main.sales.t1");
    private static final DatasetRef T2 = new DatasetRef("s3://lake", "/raw/t2");
    private static final DatasetRef T3 = new DatasetRef("lakeward", "main.sales.t3");
    private static final List<ColumnEdge> CTAS = List.of(
            new ColumnEdge(new ColumnRef(T1, "x"), new ColumnRef(T3, "z"),
                    new Transformation(TransformationType.DIRECT, "IDENTITY", null, false)),
            new ColumnEdge(new ColumnRef(T2, "y"), new ColumnRef(T3, "z"),
                    new Transformation(TransformationType.DIRECT, "TRANSFORMATION", null, false)),
            new ColumnEdge(new ColumnRef(T1, "k"), new ColumnRef(T3, "z"),
                    new Transformation(TransformationType.INDIRECT, "JOIN", null, false)));

    private HttpServer atlas;
    private final Set<String> definedTypes = new HashSet<>();
    private final List<String> requests = new ArrayList<>();
    private final List<JsonNode> typedefBodies = new ArrayList<>();
    private final List<JsonNode> entityBodies = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    @BeforeEach
    void startAtlas() throws IOException {
        atlas = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        atlas.createContext("/api/atlas/v2/", this::serve);
        atlas.start();
    }

    @AfterEach
    void stopAtlas() {
        atlas.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        String answer;
        int status = 200;
        if (path.startsWith("/api/atlas/v2/types/entitydef/name/")) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            status = definedTypes.contains(name) ? 200 : 404;
            answer = status == 200 ? "{\"name\":\"" + name + "\"}"
                    : "{\"errorCode\":\"ATLAS-404-00-004\",\"errorMessage\":\"Given typename " + name + " was invalid\"}";
        } else if (path.equals("/api/atlas/v2/types/typedefs")) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            typedefBodies.add(body);
            body.get("entityDefs").forEach(def -> definedTypes.add(def.get("name").asText()));
            answer = body.toString();
        } else if (path.equals("/api/atlas/v2/entity/bulk")) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            entityBodies.add(body);
            answer = "{\"mutatedEntities\":{\"CREATE\":[]},\"guidAssignments\":{}}";
        } else {
            status = 404;
            answer = "{}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private AtlasExporter exporter() {
        return new AtlasExporter(new AtlasClient(new AtlasConfig(
                URI.create("http://127.0.0.1:" + atlas.getAddress().getPort()), "admin", "s3cret",
                Duration.ofSeconds(5))), "lakeward");
    }

    @Test
    void createsTheTypesOnceThenUploadsTablesColumnsAndOneProcessPerTargetColumn() throws Exception {
        AtlasExporter.Exported exported = exporter().export(CTAS);

        assertThat(exported).isEqualTo(new AtlasExporter.Exported(3, 4, 1));
        assertThat(authorizations).containsOnly("Basic YWRtaW46czNjcmV0");
        JsonNode typedefs = typedefBodies.get(0).get("entityDefs");
        assertThat(names(typedefs)).containsExactly("lakeward_table", "lakeward_column", "lakeward_column_lineage");
        assertThat(typedefs.get(0).at("/superTypes/0").asText()).isEqualTo("DataSet");
        assertThat(typedefs.get(2).at("/superTypes/0").asText()).isEqualTo("Process");
        assertThat(typedefs).allSatisfy(def -> assertThat(def.get("category").asText()).isEqualTo("ENTITY"));

        JsonNode entities = entityBodies.get(0).get("entities");
        assertThat(entities).hasSize(3 + 4 + 1);
        assertThat(entities).allSatisfy(e -> {
            assertThat(e.get("typeName").asText()).startsWith("lakeward_");
            assertThat(e.at("/attributes/qualifiedName").asText()).endsWith("@lakeward");
            assertThat(e.at("/attributes/name").asText()).isNotEmpty();
        });
        JsonNode process = entities.get(7);
        assertThat(process.get("typeName").asText()).isEqualTo("lakeward_column_lineage");
        assertThat(StreamSupport.stream(process.at("/attributes/inputs").spliterator(), false)
                .map(i -> i.get("typeName").asText() + " " + i.at("/uniqueAttributes/qualifiedName").asText()))
                .containsExactly("lakeward_column lakeward/main.sales.t1#x@lakeward",
                        "lakeward_column s3://lake//raw/t2#y@lakeward", "lakeward_column lakeward/main.sales.t1#k@lakeward");
        assertThat(process.at("/attributes/outputs/0/uniqueAttributes/qualifiedName").asText())
                .isEqualTo("lakeward/main.sales.t3#z@lakeward");
        assertThat(process.at("/attributes/transformations/2").asText()).isEqualTo("main.sales.t1#k: INDIRECT/JOIN");
        assertThat(entities.get(3).at("/attributes/table/uniqueAttributes/qualifiedName").asText())
                .isEqualTo("lakeward/main.sales.t1@lakeward");

        requests.clear();
        exporter().export(CTAS);
        assertThat(requests).doesNotContain("POST /api/atlas/v2/types/typedefs").contains("POST /api/atlas/v2/entity/bulk");
    }

    @Test
    void anAtlasErrorIsReportedWithItsStatusAndNeverThePassword() {
        atlas.removeContext("/api/atlas/v2/");
        atlas.createContext("/api/atlas/v2/", exchange -> {
            byte[] body = "{\"errorCode\":\"ATLAS-401\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });

        assertThatThrownBy(() -> exporter().export(CTAS)).isInstanceOf(AtlasException.class)
                .hasMessageContaining("HTTP 401").hasMessageNotContaining("s3cret");
        assertThat(new AtlasConfig(URI.create("http://x"), "admin", "s3cret", Duration.ofSeconds(1)).toString())
                .doesNotContain("s3cret");
    }

    private static List<String> names(JsonNode defs) {
        return StreamSupport.stream(defs.spliterator(), false).map(d -> d.get("name").asText()).toList();
    }
}
