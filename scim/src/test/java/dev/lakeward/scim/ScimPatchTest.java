package dev.lakeward.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** PATCH as Okta and Entra ID send it (their documented request shapes). */
class ScimPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final ObjectNode user = json("""
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "ada@example.com",
             "active": true, "name": {"givenName": "Ada", "familyName": "Lovelace"},
             "emails": [{"value": "ada@example.com", "type": "work", "primary": true}]}""");

    private final ObjectNode group = json("""
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "analysts",
             "members": [{"value": "u1"}, {"value": "u2"}, {"value": "u3"}]}""");

    @Test
    void oktaDeactivatesWithAPathlessReplace() {
        JsonNode patched = ScimPatch.parse(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false}}]}""")).applyTo(user);
        assertThat(patched.get("active").asBoolean()).isFalse();
        assertThat(user.get("active").asBoolean()).as("the input is left as it was").isTrue();
    }

    @Test
    void oktaGroupPushAddsAndRemovesMembers() {
        JsonNode patched = ScimPatch.parse(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "add", "path": "members", "value": [{"value": "u4", "display": "dan@example.com"}]},
                  {"op": "remove", "path": "members[value eq \\"u1\\"]"}]}""")).applyTo(group);
        assertThat(patched.get("members").findValuesAsText("value")).containsExactly("u2", "u3", "u4");
    }

    @Test
    void entraCapitalisedOpsBooleanStringsAndDottedKeys() {
        JsonNode patched = ScimPatch.parse(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "Replace", "path": "active", "value": "False"},
                  {"op": "Replace", "value": {"name.givenName": "Augusta", "displayName": "Augusta Ada King"}},
                  {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "ada@work.example"}]}"""))
                .applyTo(user);
        assertThat(patched.get("active").isBoolean()).isTrue();
        assertThat(patched.get("active").asBoolean()).isFalse();
        assertThat(patched.at("/name/givenName").asText()).isEqualTo("Augusta");
        assertThat(patched.at("/name/familyName").asText()).isEqualTo("Lovelace");
        assertThat(patched.get("displayName").asText()).isEqualTo("Augusta Ada King");
        assertThat(patched.at("/emails/0/value").asText()).isEqualTo("ada@work.example");
    }

    @Test
    void entraRemovesMembersByAValueArray() {
        JsonNode patched = ScimPatch.parse(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "Remove", "path": "members", "value": [{"value": "u1"}, {"value": "u3"}]}]}"""))
                .applyTo(group);
        assertThat(patched.get("members").findValuesAsText("value")).containsExactly("u2");
    }

    @Test
    void malformedPatchesAreInvalidSyntax() {
        assertThatThrownBy(() -> ScimPatch.parse(json("{\"op\": \"replace\"}")))
                .isInstanceOfSatisfying(ScimError.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
        assertThatThrownBy(() -> ScimPatch.parse(json("{\"Operations\": [{\"op\": \"explode\", \"path\": \"x\"}]}")))
                .isInstanceOfSatisfying(ScimError.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void entraSetsEnterpriseAttributesByPathByUrnKeyAndManagerById() {
        JsonNode patched = ScimPatch.parse(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                   "value": "701984"},
                  {"op": "Replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                   "value": "26118915-6090-4610-87a4-49d0767ab24a"},
                  {"op": "Replace", "value": {
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department": "Tour Operations",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter": "4130"}}]}"""))
                .applyTo(user);
        JsonNode enterprise = patched.get(ScimSchemas.ENTERPRISE_USER);
        assertThat(enterprise.get("employeeNumber").asText()).isEqualTo("701984");
        assertThat(enterprise.get("manager").asText()).isEqualTo("26118915-6090-4610-87a4-49d0767ab24a");
        assertThat(enterprise.get("department").asText()).isEqualTo("Tour Operations");
        assertThat(enterprise.get("costCenter").asText()).isEqualTo("4130");
        assertThat(patched.has("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")).isFalse();
    }

    @Test
    void addOnASingleValuedAttributeThatHasAValueReplacesIt() {
        JsonNode patched = ScimPatch.parse(json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "Add", "path": "name.givenName", "value": "Augusta"},
                  {"op": "add", "path": "emails[type eq \\"work\\"].value", "value": "ada@work.example"},
                  {"op": "add", "path": "active", "value": false}]}""")).applyTo(user);
        assertThat(patched.at("/name/givenName").asText()).isEqualTo("Augusta");
        assertThat(patched.at("/emails/0/value").asText()).isEqualTo("ada@work.example");
        assertThat(patched.get("active").asBoolean()).isFalse();
    }
}
