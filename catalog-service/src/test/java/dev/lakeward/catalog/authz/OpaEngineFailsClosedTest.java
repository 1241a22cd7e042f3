package dev.lakeward.catalog.authz;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.createPrincipal;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.catalog.support.OpenLineageEvents;
import dev.lakeward.catalog.support.VanishingOpa;
import dev.lakeward.proto.v1.AccessCheck;
import dev.lakeward.proto.v1.CheckAccessRequest;
import dev.lakeward.proto.v1.Decision;
import dev.lakeward.proto.v1.EngineServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.runtime.GrpcServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With {@code lakeward.authz.engine=opa} and OPA gone, every decision is a denial that says why,
 * even for the metastore admin and for the members of the roles' groups: the service fails closed.
 * OPA answers while the namespace, principals and grants are set up through the API, then its port
 * closes for the rest of the class.
 */
@QuarkusTest
@TestProfile(OpaEngineFailsClosedTest.OpaEngine.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(VanishingOpa.class)
class OpaEngineFailsClosedTest {

    private static final String PROVISIONERS = "closed-provisioners";
    private static final String WRITERS = "closed-lineage-writers";
    private static final String UNDECIDED = "Denied because the policy engine could not decide: OPA was unreachable at http://127.0.0.1:";

    public static class OpaEngine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lakeward.authz.opa.timeout", "500ms",
                    "lakeward.identity.provisioners-group", PROVISIONERS,
                    "lakeward.lineage.writers-group", WRITERS);
        }
    }

    /** What the tests ask about, made while OPA still answered. */
    record World(String catalog, String table, String tableId, String freePath, String provisioner, String writer,
            String readerName, String reader) {
    }

    private static World world;

    /** Closes OPA's port (VanishingOpa). */
    Runnable vanishOpa;

    @Inject
    GrpcServer grpcServer;

    @Inject
    EntityManager em;

    private World world() throws IOException {
        synchronized (OpaEngineFailsClosedTest.class) {
            if (world == null) {
                world = setUp();
                vanishOpa.run();
            }
            return world;
        }
    }

    /**
     * A provisioner and a lineage writer, each a member through a nested group; a reader holding
     * every privilege its calls need on a table and on the external location around it.
     */
    private static World setUp() throws IOException {
        Path files = Files.createTempDirectory("lakeward-closed-");
        String location = unique("closed_files");
        asAdmin().body(Map.of("name", location, "url", files.toUri().toString())).post(BASE + "/external-locations")
                .then().statusCode(200);
        String catalog = unique("closed");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        String table = catalog + ".s.t";
        String tableId = asAdmin().body(Map.of("name", "t", "catalog_name", catalog, "schema_name", "s",
                        "table_type", "EXTERNAL", "data_source_format", "CSV",
                        "storage_location", files.resolve("t").toUri().toString(),
                        "columns", List.of(Map.of("name", "x", "type_name", "INT", "type_text", "int", "position", 0))))
                .post(BASE + "/tables").then().statusCode(200).extract().path("table_id");

        String provisionerName = unique("okta");
        String provisioner = userWithToken(provisionerName);
        String idpApps = unique("idp_apps");
        createPrincipal("GROUP", idpApps, provisionerName);
        createPrincipal("GROUP", PROVISIONERS, idpApps);

        String writerName = unique("spark");
        String writer = userWithToken(writerName);
        String etl = unique("etl");
        createPrincipal("GROUP", etl, writerName);
        createPrincipal("GROUP", WRITERS, etl);

        String readerName = unique("reader");
        String reader = userWithToken(readerName);
        grant("catalog", catalog, readerName, "USE CATALOG");
        grant("schema", catalog + ".s", readerName, "USE SCHEMA", "EXTERNAL USE SCHEMA");
        grant("table", table, readerName, "SELECT", "MODIFY");
        grant("external_location", location, readerName, "READ FILES", "WRITE FILES");
        return new World(catalog, table, tableId, files.resolve("free").toUri().toString(), provisioner, writer,
                readerName, reader);
    }

    @Test
    void everyRequestIsDeniedAndSaysThatOpaWasUnreachable() throws IOException {
        world();
        asAdmin().body(Map.of("name", "never")).post(BASE + "/catalogs").then().statusCode(403)
                .body("error_code", equalTo("PERMISSION_DENIED"))
                .body("message", startsWith(UNDECIDED));
        assertThat(asAdmin().get(BASE + "/catalogs").then().statusCode(200).extract().jsonPath().getList("catalogs"))
                .isEmpty();
    }

    /**
     * The bundle is OPA's own input: a sidecar that has none yet (OPA unreachable or empty) must
     * still fetch it, so who may is decided by the built-in evaluator, never by OPA itself.
     */
    @Test
    void anAdminStillFetchesTheBundleThatWouldBringOpaBack() throws IOException {
        World world = world();
        asAdmin().get("/api/lakeward/v1/opa/bundle.tar.gz").then().statusCode(200)
                .contentType("application/gzip");
        as(world.reader()).get("/api/lakeward/v1/opa/bundle.tar.gz").then().statusCode(403)
                .body("message", containsString("does not have MANAGE on metastore"));
    }

    @Test
    void scimRefusesAMemberOfTheProvisionersGroupAndCreatesNothing() throws IOException {
        World world = world();
        String refused = "SCIM is for metastore admins and members of '" + PROVISIONERS + "': " + UNDECIDED;
        as(world.provisioner()).get("/scim/v2/Users").then().statusCode(403)
                .body("status", equalTo("403")).body("detail", startsWith(refused));
        String userName = unique("never") + "@example.com";
        as(world.provisioner()).contentType("application/scim+json").body(Map.of(
                        "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", userName))
                .post("/scim/v2/Users").then().statusCode(403).body("detail", startsWith(refused));
        assertThat(count("select count(*) from principal where lower(name) = lower(?1)", userName)).isZero();
    }

    @Test
    void lineageRefusesAMemberOfTheWritersGroupAndStoresNothing() throws IOException {
        World world = world();
        UUID runId = UUID.randomUUID();
        as(world.writer()).body(OpenLineageEvents.loads(runId, world.table()))
                .post("/api/v1/lineage").then().statusCode(403)
                .body("error_code", equalTo("PERMISSION_DENIED")).body("message", startsWith(UNDECIDED));
        assertThat(count("select count(*) from lineage_run where run_id = cast(?1 as uuid)", runId.toString())).isZero();
    }

    @Test
    void tableCredentialsAreRefusedAsForATableThatDoesNotExist() throws IOException {
        World world = world();
        // the gate cannot tell that the reader may see the table, so it is answered as missing
        for (String operation : List.of("READ", "READ_WRITE")) {
            as(world.reader()).body(Map.of("table_id", world.tableId(), "operation", operation))
                    .post(BASE + "/temporary-table-credentials").then().statusCode(404)
                    .body("error_code", equalTo("NOT_FOUND"))
                    .body("message", equalTo("Table '" + world.tableId() + "' does not exist."));
        }
    }

    @Test
    void pathCredentialsAreRefused() throws IOException {
        World world = world();
        for (String operation : List.of("PATH_READ", "PATH_READ_WRITE")) {
            as(world.reader()).body(Map.of("url", world.freePath(), "operation", operation))
                    .post(BASE + "/temporary-path-credentials").then().statusCode(403)
                    .body("error_code", equalTo("PERMISSION_DENIED")).body("message", startsWith(UNDECIDED));
        }
    }

    @Test
    void effectivePermissionsAnswerAsTheGateDoes() throws IOException {
        World world = world();
        // the table's catalog cannot be seen, so it is answered as missing
        as(world.reader()).get(BASE + "/effective-permissions/table/" + world.table()).then().statusCode(404)
                .body("error_code", equalTo("NOT_FOUND"))
                .body("message", equalTo("Catalog '" + world.catalog() + "' does not exist."));
        asAdmin().queryParam("principal", world.readerName()).get(BASE + "/effective-permissions/table/" + world.table())
                .then().statusCode(404).body("error_code", equalTo("NOT_FOUND"));
        // the metastore, which every principal sees, is asked too
        as(world.reader()).get(BASE + "/effective-permissions/metastore/lakeward").then().statusCode(403)
                .body("error_code", equalTo("PERMISSION_DENIED")).body("message", startsWith(UNDECIDED));
        asAdmin().queryParam("principal", world.readerName()).get(BASE + "/effective-permissions/metastore/lakeward")
                .then().statusCode(403).body("message", startsWith(UNDECIDED));
    }

    @Test
    void checkAccessDeniesEveryCheck() throws IOException {
        World world = world();
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", grpcServer.getPort()).usePlaintext().build();
        try {
            Metadata metadata = new Metadata();
            metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + world.reader());
            List<Decision> decisions = EngineServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .checkAccess(CheckAccessRequest.newBuilder()
                            .addChecks(check("table", world.table(), "SELECT"))
                            .addChecks(check("table", world.table(), "MODIFY"))
                            .addChecks(check("catalog", world.catalog(), "BROWSE")).build())
                    .getDecisionsList();
            assertThat(decisions).hasSize(3).noneMatch(Decision::getAllowed);
        } finally {
            channel.shutdownNow();
        }
    }

    private static AccessCheck check(String type, String name, String privilege) {
        return AccessCheck.newBuilder().setSecurableType(type).setFullName(name).setPrivilege(privilege).build();
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
