package dev.lakeward.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScimSchemasTest {

    private static List<String> attributeNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("attributes").forEach(a -> names.add(a.path("name").asText()));
        return names;
    }

    @Test
    void theUserSchemaDescribesWhatIsKeptAndTheEnterpriseExtensionIsWhole() {
        ObjectNode user = ScimSchemas.schema(ScimSchemas.USER, "/scim/v2").orElseThrow();
        assertThat(attributeNames(user)).containsExactlyInAnyOrder("userName", "name", "displayName", "emails",
                "active", "groups", "password");
        assertThat(user.at("/meta/location").asText()).isEqualTo("/scim/v2/Schemas/" + ScimSchemas.USER);
        assertThat(user.at("/schemas/0").asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:Schema");
        assertThat(attributeNames(ScimSchemas.schema(ScimSchemas.ENTERPRISE_USER, "").orElseThrow()))
                .contains("employeeNumber", "costCenter", "organization", "division", "department", "manager");
        assertThat(attributeNames(ScimSchemas.schema(ScimSchemas.SERVICE_PRINCIPAL, "").orElseThrow()))
                .containsExactly("applicationId", "displayName", "active", "groups");
        assertThat(ScimSchemas.schemas("")).hasSize(4);
        assertThat(ScimSchemas.schema("urn:nope", "")).isEmpty();
    }

    @Test
    void resourceTypesNameTheirEndpointsSchemasAndExtensions() {
        ObjectNode user = ScimSchemas.resourceType("User", "/scim/v2").orElseThrow();
        assertThat(user.path("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.path("schema").asText()).isEqualTo(ScimSchemas.USER);
        assertThat(user.at("/schemaExtensions/0/schema").asText()).isEqualTo(ScimSchemas.ENTERPRISE_USER);
        assertThat(user.at("/schemaExtensions/0/required").asBoolean()).isFalse();
        assertThat(ScimSchemas.resourceTypes("").stream().map(t -> t.path("endpoint").asText()))
                .containsExactly("/Users", "/Groups", "/ServicePrincipals");
    }
}
