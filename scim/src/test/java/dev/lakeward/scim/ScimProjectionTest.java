package dev.lakeward.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ScimProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode user() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "id": "42", "userName": "ada@example.com", "active": true,
                 "name": {"givenName": "Ada", "familyName": "Lovelace"},
                 "emails": [{"value": "ada@example.com", "type": "work", "primary": true}],
                 "groups": [{"value": "7", "display": "analysts"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Maths", "costCenter": "1"},
                 "meta": {"resourceType": "User", "version": "W/\\"3\\""}}""");
    }

    @Test
    void attributesKeepOnlyWhatIsAskedForAndTheIdentifiers() throws Exception {
        ObjectNode projected = ScimProjection.of("userName,name.givenName,EMAILS.value", null).apply(user());
        assertThat(JSON.writeValueAsString(projected)).isEqualTo(JSON.writeValueAsString(JSON.readTree("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "id": "42", "userName": "ada@example.com", "name": {"givenName": "Ada"},
                 "emails": [{"value": "ada@example.com"}]}""")));
    }

    @Test
    void attributesMayNameTheirSchema() throws Exception {
        ObjectNode projected = ScimProjection.of(
                "urn:ietf:params:scim:schemas:core:2.0:User:userName,"
                        + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", null).apply(user());
        assertThat(projected.path("userName").asText()).isEqualTo("ada@example.com");
        assertThat(projected.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").toString())
                .isEqualTo("{\"department\":\"Maths\"}");
        assertThat(projected.has("active")).isFalse();

        ObjectNode wholeExtension = ScimProjection.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                null).apply(user());
        assertThat(wholeExtension.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").size()).isEqualTo(2);
    }

    @Test
    void excludedAttributesDropThoseAndNeverTheIdentifiers() throws Exception {
        ObjectNode projected = ScimProjection.of(null, "groups, name.familyName, id, emails.primary").apply(user());
        assertThat(projected.has("groups")).isFalse();
        assertThat(projected.path("name").toString()).isEqualTo("{\"givenName\":\"Ada\"}");
        assertThat(projected.path("emails").get(0).has("primary")).isFalse();
        assertThat(projected.path("id").asText()).isEqualTo("42");
        assertThat(projected.has("meta")).isTrue();
    }

    @Test
    void bothAtOnceOrAMalformedPathIsRefused() {
        assertThatThrownBy(() -> ScimProjection.of("userName", "groups")).isInstanceOf(ScimError.class)
                .extracting(e -> ((ScimError) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> ScimProjection.of("name..givenName", null)).isInstanceOf(ScimError.class);
        assertThat(ScimProjection.of(" ", null).isIdentity()).isTrue();
    }
}
