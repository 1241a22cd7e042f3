package dev.lakeward.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScimFilterTest {

    private static final Set<String> USER_ATTRIBUTES = Set.of("username", "externalid", "displayname", "emails.value",
            "emails.type", "active", "meta.lastmodified",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode ada = json("""
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "ada@example.com",
             "externalId": "e-1", "displayName": "Ada Lovelace", "active": true,
             "emails": [{"value": "ada@example.com", "type": "work", "primary": true}, {"value": "ada@home.org", "type": "home"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Maths"},
             "meta": {"lastModified": "2026-11-20T10:00:00Z"}}""");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean matches(String filter) {
        return ScimFilter.parse(filter, USER_ATTRIBUTES).matches(ada);
    }

    @Test
    void operatorsAsIdentityProvidersUseThem() {
        assertThat(matches("userName eq \"ADA@example.com\"")).as("userName is case-insensitive").isTrue();
        assertThat(matches("userName ne \"bob@example.com\"")).isTrue();
        assertThat(matches("displayName co \"Love\"")).isTrue();
        assertThat(matches("displayName sw \"Ada\"")).isTrue();
        assertThat(matches("displayName ew \"lace\"")).isTrue();
        assertThat(matches("externalId pr")).isTrue();
        assertThat(matches("meta.lastModified gt \"2026-11-01T00:00:00Z\"")).isTrue();
        assertThat(matches("meta.lastModified lt \"2026-11-01T00:00:00Z\"")).isFalse();
        assertThat(matches("emails.value eq \"ada@home.org\"")).isTrue();
        assertThat(matches("emails[type eq \"work\" and value co \"example\"]")).isTrue();
        assertThat(matches("userName eq \"x\" or (active eq true and not (displayName eq \"Bob\"))")).isTrue();
        assertThat(matches("userName eq \"x\" and active eq true")).isFalse();
    }

    @Test
    void unsupportedAttributesAndBadSyntaxAreInvalidFilter() {
        assertThatThrownBy(() -> ScimFilter.parse("nickName eq \"a\"", USER_ATTRIBUTES))
                .isInstanceOfSatisfying(ScimError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo("invalidFilter");
                    assertThat(e.getMessage()).contains("'nickname'");
                });
        assertThatThrownBy(() -> ScimFilter.parse("userName eq", USER_ATTRIBUTES))
                .isInstanceOfSatisfying(ScimError.class, e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
        assertThatThrownBy(() -> ScimFilter.parse("emails[display eq \"x\"]", USER_ATTRIBUTES))
                .hasMessageContaining("'emails.display'");
    }

    @Test
    void enterpriseAttributesAreNamedWithTheirSchema() {
        assertThat(matches("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"maths\""))
                .isTrue();
        assertThat(matches("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"ada\"")).isTrue();
        assertThatThrownBy(() -> ScimFilter.parse(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter eq \"1\"", USER_ATTRIBUTES))
                .hasMessageContaining("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:costcenter'");
    }

    @Test
    void anEqualityTheFilterRequiresCanBeLookedUpFirst() {
        assertThat(ScimFilter.parse("userName eq \"Ada@example.com\"", USER_ATTRIBUTES).requiredEquality("username"))
                .contains("Ada@example.com");
        assertThat(ScimFilter.parse("active eq true and externalId eq \"e-1\"", USER_ATTRIBUTES)
                .requiredEquality("externalId")).contains("e-1");
        assertThat(ScimFilter.parse("userName eq \"a\" or userName eq \"b\"", USER_ATTRIBUTES)
                .requiredEquality("userName")).isEmpty();
        assertThat(ScimFilter.parse("not (userName eq \"a\")", USER_ATTRIBUTES).requiredEquality("userName")).isEmpty();
        assertThat(ScimFilter.parse("userName sw \"a\"", USER_ATTRIBUTES).requiredEquality("userName")).isEmpty();
    }
}
