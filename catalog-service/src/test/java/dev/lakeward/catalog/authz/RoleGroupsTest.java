package dev.lakeward.catalog.authz;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.createPrincipal;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.catalog.support.OpenLineageEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The provisioners' and lineage writers' groups are roles the engine decides: held by members,
 * through nested groups, and not by a principal that bears the group's name (an identity provider
 * may sign in a user of any name).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RoleGroupsTest {

    @Test
    void aMemberOfAGroupInTheLineageWritersGroupReportsWithoutModify() {
        String table = table();
        String spark = unique("spark");
        String token = userWithToken(spark);
        String etl = unique("etl");
        createPrincipal("GROUP", etl, spark);
        createPrincipal("GROUP", "lineage-writers", etl);
        as(token).body(OpenLineageEvents.loads(UUID.randomUUID(), table)).post("/api/v1/lineage").then()
                .statusCode(200).body("table_edges", equalTo(1));
    }

    @Test
    void aUserBearingTheProvisionersGroupsNameIsNoProvisioner() {
        // no group of that name exists in this store: the name alone must not be membership
        String token = userWithToken("scim-provisioners");
        as(token).get("/scim/v2/Users").then().statusCode(403).body("status", equalTo("403"))
                .body("detail", equalTo("SCIM is for metastore admins and members of 'scim-provisioners': "
                        + "User scim-provisioners does not have MANAGE on metastore 'lakeward'"));
    }

    /** A table no one but the admin holds a privilege on. */
    private static String table() {
        String catalog = unique("roles");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        asAdmin().body(Map.of("name", "t", "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "storage_location", "s3://lake/" + catalog + "/t",
                "columns", List.of(Map.of("name", "x", "type_name", "INT")))).post(BASE + "/tables").then().statusCode(200);
        return catalog + ".s.t";
    }
}
