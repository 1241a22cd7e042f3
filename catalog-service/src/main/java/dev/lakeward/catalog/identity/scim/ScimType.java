package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.edge.ClientText;
import dev.lakeward.catalog.edge.ClientText.Kind;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.scim.ScimLinks.Links;
import dev.lakeward.scim.ScimError;
import java.util.Map;
import java.util.Set;

/** One SCIM resource type over principals: its JSON form, its unique name, and how a body writes it. */
abstract class ScimType {

    private final PrincipalType type;
    private final String nameAttribute;
    private final Set<String> filterable;

    /**
     * @param nameAttribute the attribute that is the principal's unique name ({@code userName}, …)
     * @param filterable    the lower-case attribute paths a filter may use
     */
    ScimType(PrincipalType type, String nameAttribute, Set<String> filterable) {
        this.type = type;
        this.nameAttribute = nameAttribute;
        this.filterable = filterable;
    }

    final PrincipalType type() {
        return type;
    }

    final Set<String> filterable() {
        return filterable;
    }

    /** Attributes a required equality can be looked up by, with the JPQL condition ({@code ?2} the value). */
    final Map<String, String> indexedEqualities() {
        return Map.of(nameAttribute, "lower(name) = lower(?2)", "externalId", "externalId = ?2", "id", "id");
    }

    abstract ObjectNode toJson(PrincipalEntity principal, String base, Links links);

    /** The unique name a body gives the principal; a missing one is a 400. */
    String name(JsonNode body) {
        String name = ScimJson.text(body, nameAttribute);
        if (name == null || name.isBlank()) {
            throw ScimError.invalidValue(nameAttribute + " is required and cannot be removed.");
        }
        return checkedName(nameAttribute, name);
    }

    /** A principal's name from the attribute, refused if it holds what a name may not ({@link ClientText}). */
    static String checkedName(String attribute, String name) {
        ClientText.problem(name, Kind.NAME).ifPresent(problem -> {
            throw ScimError.invalidValue(ClientText.nameMessage(attribute, problem));
        });
        return name;
    }

    /**
     * Makes the principal's attributes what a complete body says. {@code replacing} for a create
     * or PUT, whose absent attributes take their defaults; a PATCH passes the patched resource.
     */
    abstract void write(PrincipalEntity principal, JsonNode body, boolean replacing);

    /** What the body says of memberships, written once the principal's name is known to be unique. */
    void writeMembers(PrincipalEntity principal, JsonNode body) {
    }
}
