package dev.lakeward.catalog.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the service under test, authenticated as the admin created on first start. */
public final class Api {

    public static final String BASE = "/api/2.1/unity-catalog";

    private Api() {
    }

    /** The admin's token, read from the file the first start wrote, as a user would. */
    public static String adminToken() {
        Path dataDir = Path.of(ConfigProvider.getConfig().getValue("lakeward.data-dir", String.class));
        try {
            return Files.readString(dataDir.resolve("admin-token")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON);
    }

    /** Creates a principal of the type (USER, GROUP, SERVICE_PRINCIPAL) with these direct members. */
    public static void createPrincipal(String type, String name, String... members) {
        asAdmin().body(Map.of("type", type, "name", name, "members", List.of(members)))
                .post("/api/lakeward/v1/principals").then().statusCode(200);
    }

    /** A new user and a token for it. */
    public static String userWithToken(String name) {
        createPrincipal("USER", name);
        return asAdmin().body("{}").post("/api/lakeward/v1/principals/" + name + "/tokens")
                .then().statusCode(200).extract().path("token_value");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Adds and removes privileges of one principal on a securable, as an admin. */
    public static void grant(String type, String fullName, String principal, String... privileges) {
        asAdmin().body(Map.of("changes", List.of(Map.of("principal", principal,
                        "add", List.of(privileges)))))
                .patch(BASE + "/permissions/" + type + "/" + fullName).then().statusCode(200);
    }

    public static void revoke(String type, String fullName, String principal, String... privileges) {
        asAdmin().body(Map.of("changes", List.of(Map.of("principal", principal,
                        "remove", List.of(privileges)))))
                .patch(BASE + "/permissions/" + type + "/" + fullName).then().statusCode(200);
    }

    /**
     * A listing followed through its page tokens as the caller, {@code maxResults} a page: the
     * values at {@code field} (e.g. {@code volumes.name}) of every page, each page but the last
     * asserted full, so that filtering what the caller may not see never shortens a page.
     */
    public static List<String> everyFullPage(String token, String path, Map<String, Object> query, int maxResults,
            String field) {
        List<String> seen = new ArrayList<>();
        String pageToken = null;
        do {
            Map<String, Object> page = new HashMap<>(query);
            page.put("max_results", maxResults);
            if (pageToken != null) {
                page.put("page_token", pageToken);
            }
            JsonPath answer = as(token).queryParams(page).get(path).then().statusCode(200).extract().jsonPath();
            List<String> values = answer.getList(field, String.class);
            pageToken = answer.getString("next_page_token");
            if (pageToken != null) {
                assertThat(values).as("a page of %s that is not the last", path).hasSize(maxResults);
            }
            seen.addAll(values);
        } while (pageToken != null);
        return seen;
    }

    /** The audit events of an action on a securable, as the admin reads them. */
    public static List<Map<String, Object>> audit(String action, String securable) {
        return asAdmin().queryParam("action", action).queryParam("securable", securable).get("/api/lakeward/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("events");
    }

    /** A name no other test uses, so tests share one service without seeing each other. */
    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
