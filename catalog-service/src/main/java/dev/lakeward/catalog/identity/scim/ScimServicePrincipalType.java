package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.scim.ScimLinks.Links;
import dev.lakeward.scim.ScimError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/** Databricks' SCIM ServicePrincipals: the application id is the principal's unique name and never changes. */
@ApplicationScoped
class ScimServicePrincipalType extends ScimType {

    ScimServicePrincipalType() {
        super(PrincipalType.SERVICE_PRINCIPAL, "applicationId",
                Set.of("applicationid", "displayname", "externalid", "active", "id"));
    }

    @Override
    ObjectNode toJson(PrincipalEntity principal, String base, Links links) {
        return ScimJson.servicePrincipal(principal, base, links);
    }

    /** As Databricks does, a create without an application id gets a new one. */
    @Override
    String name(JsonNode body) {
        String applicationId = ScimJson.text(body, "applicationId");
        return applicationId == null || applicationId.isBlank() ? UUID.randomUUID().toString()
                : checkedName("applicationId", applicationId);
    }

    @Override
    void write(PrincipalEntity principal, JsonNode body, boolean replacing) {
        String applicationId = ScimJson.text(body, "applicationId");
        if (applicationId != null && !principal.name.equals(applicationId)) {
            throw new ScimError(400, "mutability", "applicationId cannot be changed.");
        }
        if (replacing) {
            principal.active = true;
        }
        principal.displayName = ScimJson.text(body, "displayName");
        principal.externalId = ScimJson.text(body, "externalId");
        ScimJson.applyActive(principal, body.get("active"));
    }
}
