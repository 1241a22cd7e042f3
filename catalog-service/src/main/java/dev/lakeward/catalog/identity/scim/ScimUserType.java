package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.PrincipalType;
import dev.lakeward.catalog.identity.scim.ScimLinks.Links;
import dev.lakeward.scim.ScimError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/** SCIM Users: the unique {@code userName} is the principal's name; a deactivated user keeps its grants. */
@ApplicationScoped
class ScimUserType implements ScimType {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:";
    private static final Set<String> FILTERABLE = Set.of("username", "externalid", "displayname", "emails.value",
            "emails.type", "active", "id", "meta.lastmodified", "name.givenname", "name.familyname",
            ENTERPRISE + "employeenumber", ENTERPRISE + "department", ENTERPRISE + "costcenter",
            ENTERPRISE + "organization", ENTERPRISE + "division", ENTERPRISE + "manager.value");

    @Override
    public PrincipalType type() {
        return PrincipalType.USER;
    }

    @Override
    public Set<String> filterable() {
        return FILTERABLE;
    }

    @Override
    public Map<String, String> indexedEqualities() {
        return Map.of("userName", "lower(name) = lower(?2)", "externalId", "externalId = ?2", "id", "id");
    }

    @Override
    public ObjectNode toJson(PrincipalEntity principal, String base, Links links) {
        return ScimJson.user(principal, base, links);
    }

    @Override
    public String name(JsonNode body) {
        String userName = ScimJson.text(body, "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimError.invalidValue("userName is required and cannot be removed.");
        }
        return userName;
    }

    @Override
    public void write(PrincipalEntity user, JsonNode body, boolean replacing) {
        if (replacing) {
            user.emails = new ArrayList<>();
            user.active = true;
        }
        user.name = name(body);
        ScimJson.applyUser(user, body);
    }
}
