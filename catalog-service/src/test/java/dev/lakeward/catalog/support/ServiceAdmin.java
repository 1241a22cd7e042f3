package dev.lakeward.catalog.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** The packaged service's admin, as an integration test's setup speaks to it over the REST API. */
public record ServiceAdmin(PackagedService service) {

    public RequestSpecification request() {
        return given().baseUri(service.baseUri()).auth().oauth2(service.adminToken()).contentType(ContentType.JSON);
    }

    /** Adds the privileges to the principal on the securable, by its type's path segment ({@code catalog}, {@code schema}, …). */
    public void grant(String type, String fullName, String principal, String... privileges) {
        request().body(Map.of("changes", List.of(Map.of("principal", principal, "add", List.of(privileges)))))
                .patch("/api/2.1/unity-catalog/permissions/" + type + "/" + fullName).then().statusCode(200);
    }

    /** A new user and a personal access token for it. */
    public String userWithToken(String name) {
        request().body(Map.of("type", "USER", "name", name, "members", List.of()))
                .post("/api/lakeward/v1/principals").then().statusCode(200);
        return request().body("{}").post("/api/lakeward/v1/principals/" + name + "/tokens").then()
                .statusCode(200).extract().path("token_value");
    }
}
