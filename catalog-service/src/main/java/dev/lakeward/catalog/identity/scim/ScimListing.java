package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.edge.ClientText;
import dev.lakeward.catalog.edge.ClientText.Kind;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.scim.ScimLinks.Links;
import dev.lakeward.scim.ScimError;
import dev.lakeward.scim.ScimFilter;
import dev.lakeward.scim.ScimProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SCIM listings: a filter, {@code startIndex}/{@code count} paging in a stable order, and projection. */
@ApplicationScoped
class ScimListing {

    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final int DEFAULT_COUNT = 100;
    private static final int MAX_COUNT = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ScimLinks links;

    /**
     * The ListResponse for a filter, ordered by name, then id. Without a filter, one page is read
     * from the database; a filter that requires one indexed attribute's value (identity
     * providers' {@code userName eq "…"}) is looked up by it first; any other filter reads the
     * type whole, with the directory's memberships in two queries.
     */
    ObjectNode list(ScimType type, String filter, String startIndex, String count, ScimProjection projection,
            String base) {
        // RFC 7644 §3.4.2.4: a startIndex below 1 means 1, a negative count means 0
        int start = Math.max(1, whole("startIndex", startIndex, 1));
        int size = Math.max(0, Math.min(whole("count", count, DEFAULT_COUNT), MAX_COUNT));
        if (filter == null || filter.isBlank()) {
            long total = PrincipalEntity.count("type", type.type());
            List<PrincipalEntity> page = size == 0 || start > total ? List.of()
                    : PrincipalEntity.<PrincipalEntity>find("type = ?1 order by lower(name), id", type.type())
                            .range(start - 1, (int) Math.min(Integer.MAX_VALUE, start - 2L + size)).list();
            Links memberships = links.of(page.stream().map(p -> p.id).toList());
            return response(total, start, page.stream().map(p -> type.toJson(p, base, memberships)).toList(),
                    projection);
        }
        ScimFilter parsed = ScimFilter.parse(filter, type.filterable());
        List<PrincipalEntity> candidates = null;
        for (Map.Entry<String, String> indexed : type.indexedEqualities().entrySet()) {
            Optional<String> value = parsed.requiredEquality(indexed.getKey());
            if (value.isPresent()) {
                // a literal's escapes (\u0000) are decoded by the parser, after the edge saw the parameter
                ClientText.problem(value.get(), Kind.LINE).ifPresent(problem -> {
                    throw ScimError.invalidFilter("The filter's value for " + indexed.getKey() + " contains "
                            + problem + "; control characters are not allowed.");
                });
                candidates = lookup(type.type(), indexed.getValue(), value.get());
                break;
            }
        }
        Links memberships = candidates == null ? links.all() : links.of(candidates.stream().map(p -> p.id).toList());
        if (candidates == null) {
            candidates = PrincipalEntity.list("type = ?1 order by lower(name), id", type.type());
        }
        List<ObjectNode> matching = new ArrayList<>();
        for (PrincipalEntity principal : candidates) {
            ObjectNode json = type.toJson(principal, base, memberships);
            if (parsed.matches(json)) {
                matching.add(json);
            }
        }
        List<ObjectNode> page = matching.subList(Math.min(start - 1, matching.size()),
                (int) Math.min(start - 1L + size, matching.size()));
        return response(matching.size(), start, page, projection);
    }

    /** A SCIM paging parameter: absent is the default; anything but a 32-bit whole number is a 400 {@code invalidValue}. */
    private static int whole(String name, String value, int ifAbsent) {
        if (value == null || value.isEmpty()) {
            return ifAbsent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ScimError.invalidValue(name + " must be a whole number from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + "; got '" + value + "'.");
        }
    }

    /** A whole list of resources as one ListResponse, as the discovery endpoints answer. */
    static ObjectNode of(List<ObjectNode> resources) {
        return response(resources.size(), 1, resources, ScimProjection.of(null, null));
    }

    private static List<PrincipalEntity> lookup(PrincipalType type, String condition, String value) {
        if (condition.equals("id")) {
            try {
                return PrincipalEntity.list("type = ?1 and id = ?2", type, UUID.fromString(value));
            } catch (IllegalArgumentException notAnId) {
                return List.of();
            }
        }
        return PrincipalEntity.list("type = ?1 and " + condition + " order by lower(name), id", type, value);
    }

    private static ObjectNode response(long total, int start, List<ObjectNode> page, ScimProjection projection) {
        ObjectNode list = JSON.createObjectNode();
        list.putArray("schemas").add(LIST_SCHEMA);
        list.put("totalResults", total);
        list.put("startIndex", start);
        list.put("itemsPerPage", page.size());
        ArrayNode resources = list.putArray("Resources");
        page.forEach(resource -> resources.add(projection.apply(resource)));
        return list;
    }
}
