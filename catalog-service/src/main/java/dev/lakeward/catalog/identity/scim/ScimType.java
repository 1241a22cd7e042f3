package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.PrincipalType;
import dev.lakeward.catalog.identity.scim.ScimLinks.Links;
import java.util.Map;
import java.util.Set;

/** One SCIM resource type over principals: its JSON form, its unique name, and how a body writes it. */
interface ScimType {

    PrincipalType type();

    /** The lower-case attribute paths a filter may use. */
    Set<String> filterable();

    /** Attributes a required equality can be looked up by, with the JPQL condition ({@code ?2} the value). */
    Map<String, String> indexedEqualities();

    ObjectNode toJson(PrincipalEntity principal, String base, Links links);

    /** The unique name a create body gives the new principal; a missing one is a 400 where it is required. */
    String name(JsonNode body);

    /**
     * Makes the principal's attributes what a complete body says. {@code replacing} for a create
     * or PUT, whose absent attributes take their defaults; a PATCH passes the patched resource.
     */
    void write(PrincipalEntity principal, JsonNode body, boolean replacing);

    /** What the body says of memberships, written once the principal's name is known to be unique. */
    default void writeMembers(PrincipalEntity principal, JsonNode body) {
    }
}
