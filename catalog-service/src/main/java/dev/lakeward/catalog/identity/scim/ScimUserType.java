package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.scim.ScimLinks.Links;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Set;

/** SCIM Users: the unique {@code userName} is the principal's name; a deactivated user keeps its grants. */
@ApplicationScoped
class ScimUserType extends ScimType {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:";

    ScimUserType() {
        super(PrincipalType.USER, "userName", Set.of("username", "externalid", "displayname", "emails.value",
                "emails.type", "active", "id", "meta.lastmodified", "name.givenname", "name.familyname",
                ENTERPRISE + "employeenumber", ENTERPRISE + "department", ENTERPRISE + "costcenter",
                ENTERPRISE + "organization", ENTERPRISE + "division", ENTERPRISE + "manager.value"));
    }

    @Override
    ObjectNode toJson(PrincipalEntity principal, String base, Links links) {
        return ScimJson.user(principal, base, links);
    }

    @Override
    void write(PrincipalEntity user, JsonNode body, boolean replacing) {
        if (replacing) {
            user.emails = new ArrayList<>();
            user.active = true;
        }
        user.name = name(body);
        ScimJson.applyUser(user, body);
    }
}
