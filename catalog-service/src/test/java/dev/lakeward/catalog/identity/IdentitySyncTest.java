package dev.lakeward.catalog.identity;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.identity.sync.DirectorySnapshot;
import dev.lakeward.catalog.identity.sync.DirectorySync;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The on-demand sync without a Keycloak configured, and for callers who are not admins; what a sync renames. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IdentitySyncTest {

    @Inject
    DirectorySync sync;

    @Test
    void aSyncNeedsAConfiguredKeycloakAndAMetastoreAdmin() {
        as(userWithToken(unique("user"))).post("/api/lakeward/v1/identity/sync").then().statusCode(403)
                .body("error_code", equalTo("PERMISSION_DENIED"));
        asAdmin().post("/api/lakeward/v1/identity/sync").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"))
                .body("message", containsString("lakeward.keycloak.url"));
    }

    /** The directory renames a group that owns a catalog: the next read of the catalog, remembered before, names it so. */
    @Test
    void aGroupRenamedByASyncOwnsUnderItsNewNameOnTheNextRead() {
        String source = unique("directory");
        String group = unique("stewards");
        sync.apply(source, "admin", snapshot(source, group));
        String catalog = unique("synced");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("owner", group)).patch(BASE + "/catalogs/" + catalog).then().statusCode(200);
        asAdmin().get(BASE + "/catalogs/" + catalog).then().statusCode(200).body("owner", equalTo(group));

        String renamed = group + "_renamed";
        sync.apply(source, "admin", snapshot(source, renamed));

        asAdmin().get(BASE + "/catalogs/" + catalog).then().statusCode(200).body("owner", equalTo(renamed));
    }

    private static DirectorySnapshot snapshot(String source, String groupName) {
        return new DirectorySnapshot(List.of(),
                List.of(new DirectorySnapshot.Group(source + "-group", groupName, Set.of(), Set.of())));
    }
}
