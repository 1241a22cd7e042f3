package dev.lakeward.credentials;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * The Credential Access Boundary a GCS token is downscoped with (Google's "Downscoping with
 * Credential Access Boundaries"): per location a rule on its bucket, with an availability
 * condition that limits objects to the prefix and listing to prefixes below it. READ grants the
 * object viewer role, READ_WRITE the object admin role.
 */
public final class GcsAccessBoundary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GcsAccessBoundary() {
    }

    public static String of(Collection<StorageLocation> locations, AccessLevel access) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("An access boundary needs at least one location.");
        }
        String role = access == AccessLevel.READ ? "inRole:roles/storage.objectViewer" : "inRole:roles/storage.objectAdmin";
        ObjectNode boundary = JSON.createObjectNode();
        ArrayNode rules = boundary.putObject("accessBoundary").putArray("accessBoundaryRules");
        for (StorageLocation location : locations) {
            if (!location.scheme().equals("gs")) {
                throw new IllegalArgumentException(location.url() + " is not a GCS location.");
            }
            ObjectNode rule = rules.addObject();
            rule.putArray("availablePermissions").add(role);
            rule.put("availableResource", "//storage.googleapis.com/projects/_/buckets/" + location.bucket());
            if (!location.prefix().isEmpty()) {
                String objects = cel("projects/_/buckets/" + location.bucket() + "/objects/" + location.prefix() + "/");
                String listing = cel(location.prefix() + "/");
                rule.putObject("availabilityCondition").put("title", "lakeward-location")
                        .put("expression", "resource.name.startsWith(" + objects + ")"
                                + " || api.getAttribute('storage.googleapis.com/objectListPrefix', '').startsWith("
                                + listing + ")");
            }
        }
        return boundary.toString();
    }

    /** A CEL string literal: quotes and backslashes escaped. */
    static String cel(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
