package dev.lakeward.catalog.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import dev.lakeward.catalog.support.CodeFlow;
import dev.lakeward.catalog.support.KeycloakServer;
import dev.lakeward.proto.v1.GetLineageRequest;
import dev.lakeward.proto.v1.LineageGraph;
import dev.lakeward.proto.v1.LineageServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import dev.lakeward.catalog.support.PackagedService;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing in with tokens of a real Keycloak: a user's password-grant token, an engine's
 * client-credentials token, group claims joining Lakeward groups, and every kind of bad token
 * refused with its reason, Lakeward's own tokens working beside them.
 */
class OidcSignInIT {

    private static final String UC = "/api/2.1/unity-catalog";

    @RegisterExtension
    static final PackagedService service = new PackagedService(() -> keycloak().lakewardSettings(
            concat(new String[] {"lakeward.oidc.groups-claim=groups"}, KeycloakServer.explorerSignIn())));

    private static String[] concat(String[] first, String[] second) {
        return java.util.stream.Stream.concat(Arrays.stream(first), Arrays.stream(second)).toArray(String[]::new);
    }

    private static KeycloakServer keycloak() {
        return KeycloakServer.shared();
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(service.baseUri()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static RequestSpecification asAdmin() {
        return as(service.adminToken());
    }

    @Test
    void aUserSignsInWithAPasswordGrantTokenAndItsGroupClaimReachesGrants() {
        // alice may have signed in to the explorer already (another test of this class)
        asAdmin().body(Map.of("type", "USER", "name", "alice")).post("/api/lakeward/v1/principals").then()
                .statusCode(oneOf(200, 409));
        asAdmin().body(Map.of("type", "GROUP", "name", "analysts")).post("/api/lakeward/v1/principals").then()
                .statusCode(200);
        asAdmin().body(Map.of("name", "sales")).post(UC + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "raw", "catalog_name", "sales")).post(UC + "/schemas").then().statusCode(200);
        asAdmin().body(Map.of("name", "orders", "catalog_name", "sales", "schema_name", "raw", "table_type", "EXTERNAL",
                "storage_location", "s3://lake/orders", "columns", List.of())).post(UC + "/tables").then().statusCode(200);
        grant("catalog", "sales", "analysts", "USE CATALOG");
        grant("schema", "sales.raw", "analysts", "USE SCHEMA");
        grant("table", "sales.raw.orders", "analysts", "SELECT");

        String token = keycloak().passwordToken("lakeward-cli", "alice", "alice-password");
        as(token).get(UC + "/tables/sales.raw.orders").then().statusCode(200).body("name", equalTo("orders"));
        asAdmin().get("/api/lakeward/v1/principals/alice").then().body("groups", hasItem("analysts"));
        as(token).get("/scim/v2/Me").then().statusCode(200).body("userName", equalTo("alice"));
        as(token).get(UC + "/catalogs").then().statusCode(200).body("catalogs.name", equalTo(List.of("sales")));

        // the same token over gRPC, as an engine passes its user's token on
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", service.grpcPort()).usePlaintext().build();
        try {
            LineageGraph graph = lineage(channel, token).getLineage(GetLineageRequest.newBuilder()
                    .setNode("sales.raw.orders").build());
            assertThat(graph.getEdgesList()).as("accepted, and no lineage reported yet").isEmpty();
            assertThatThrownBy(() -> lineage(channel, forged(token)).getLineage(GetLineageRequest.newBuilder()
                    .setNode("sales.raw.orders").build())).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                        assertThat(e.getStatus().getDescription()).contains("signature does not verify");
                    });
        } finally {
            channel.shutdownNow();
        }
    }

    private static LineageServiceGrpc.LineageServiceBlockingStub lineage(ManagedChannel channel, String token) {
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return LineageServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Test
    void anEngineSignsInWithAClientCredentialsTokenAsItsServicePrincipal() {
        String token = keycloak().clientCredentialsToken("engine", "engine-secret");
        as(token).get(UC + "/catalogs").then().statusCode(401).body("error_code", equalTo("UNAUTHENTICATED"))
                .body("message", containsString("'engine' is not a service principal"));

        asAdmin().body(Map.of("type", "SERVICE_PRINCIPAL", "name", "engine")).post("/api/lakeward/v1/principals")
                .then().statusCode(200);
        as(token).get(UC + "/catalogs").then().statusCode(200);
        as(token).get("/scim/v2/Me").then().statusCode(200).body("applicationId", equalTo("engine"));
    }

    @Test
    void badTokensAreRefusedWithAReason() throws Exception {
        String expiring = keycloak().passwordToken("lakeward-cli-brief", "alice", "alice-password");
        as(keycloak().passwordToken("lakeward-cli", "bob", "bob-password")).get(UC + "/catalogs").then()
                .statusCode(401).body("message", equalTo("User 'bob' is not provisioned in Lakeward."));
        as(keycloak().passwordToken("elsewhere", "alice", "alice-password")).get(UC + "/catalogs").then()
                .statusCode(401).body("error_code", equalTo("UNAUTHENTICATED"))
                .body("message", containsString("audience"));
        as(forged(keycloak().passwordToken("lakeward-cli", "alice", "alice-password"))).get(UC + "/catalogs").then()
                .statusCode(401).body("message", containsString("signature does not verify"));
        Thread.sleep(2_500);
        as(expiring).get(UC + "/catalogs").then().statusCode(401).body("message", containsString("expired"));
        as("not-a-token").get(UC + "/catalogs").then().statusCode(401).body("error_code", equalTo("UNAUTHENTICATED"));
        asAdmin().get(UC + "/catalogs").then().statusCode(200);
        assertThat(service.log()).doesNotContain(expiring);
    }

    @Test
    void aPersonSignsInToTheExplorerThroughKeycloaksCodeFlowWithPkce() {
        // alice may exist already (another test of this class)
        asAdmin().body(Map.of("type", "USER", "name", "alice")).post("/api/lakeward/v1/principals").then()
                .statusCode(oneOf(200, 409));
        given().baseUri(service.baseUri()).get("/explorer/sign-in").then().statusCode(200)
                .body(containsString("Sign in with Keycloak"));

        CodeFlow browser = new CodeFlow();
        HttpResponse<String> login = browser.open(URI.create(service.baseUri() + "/explorer/sign-in/oidc?next=/explorer/data/x"));
        URI authorize = browser.visited().get(1);
        assertThat(authorize.toString()).startsWith(keycloak().issuer() + "/protocol/openid-connect/auth")
                .contains("client_id=lakeward-explorer").contains("code_challenge=").contains("code_challenge_method=S256");
        HttpResponse<String> landed = browser.logIn(login, "alice", "alice-password");

        // a page of the explorer's own that moves on, so the SameSite=Strict cookie goes with that step
        assertThat(landed.uri().getPath()).isEqualTo("/explorer/sign-in/oidc");
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.body()).contains("<meta http-equiv=\"refresh\" content=\"0; url=/explorer/data/x\">");
        String host = URI.create(service.baseUri()).getHost();
        HttpCookie session = browser.cookie(host, "lakeward_session").orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(browser.cookieNames(host)).as("Quarkus' own session ended").noneMatch(c -> c.startsWith("q_session"));
        given().baseUri(service.baseUri()).cookie("lakeward_session", session.getValue()).redirects().follow(false)
                .get("/explorer").then().statusCode(200).body(containsString("alice"));

        // a person Keycloak knows but Lakeward does not is told so, and gets no session
        CodeFlow stranger = new CodeFlow();
        HttpResponse<String> refused = stranger.logIn(stranger.open(URI.create(service.baseUri() + "/explorer/sign-in/oidc")),
                "bob", "bob-password");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("not provisioned in Lakeward").doesNotContain("Exception");
        assertThat(stranger.cookieNames(URI.create(service.baseUri()).getHost())).doesNotContain("lakeward_session");
    }

    /** The same token, its payload changed to name the metastore admin, its signature left as it was. */
    private static String forged(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"preferred_username\":\"alice\"", "\"preferred_username\":\"admin\"");
        assertThat(payload).contains("\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }

    private static void grant(String type, String name, String principal, String privilege) {
        asAdmin().body(Map.of("changes", List.of(Map.of("principal", principal, "add", List.of(privilege)))))
                .patch(UC + "/permissions/" + type + "/" + name).then().statusCode(200);
    }
}
