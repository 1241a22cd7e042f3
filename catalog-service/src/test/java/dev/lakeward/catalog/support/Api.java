package dev.lakeward.catalog.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** A name no other test uses, so tests share one service without seeing each other. */
    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
