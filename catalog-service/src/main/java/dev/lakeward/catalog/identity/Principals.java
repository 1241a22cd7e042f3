package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.PrincipalType;
import java.util.List;

/** The bodies of Lakeward's principal and token APIs. */
public final class Principals {

    private Principals() {
    }

    public record CreatePrincipal(PrincipalType type, String name, List<String> members) {
    }

    /** Changes a group's direct members. */
    public record UpdateMembers(List<String> addMembers, List<String> removeMembers) {
    }

    /** {@code members}: a group's direct members; {@code groups}: the groups it is directly in. */
    public record PrincipalInfo(String id, String name, PrincipalType type, long createdAt, List<String> members,
            List<String> groups) {
    }

    /** A principal as a picker lists it: its name and type only. */
    public record PrincipalName(String name, PrincipalType type) {
    }

    public record ListPrincipalsResponse(List<PrincipalInfo> principals, String nextPageToken) {
    }

    /** Databricks' on-behalf-of request; {@code application_id} names the service principal. */
    public record CreateOboToken(String applicationId, Long lifetimeSeconds, String comment) {
    }

    public record CreateToken(Long lifetimeSeconds, String comment) {
    }

    /** {@code expiry_time} is -1 for a token that does not expire, as in Databricks. */
    public record TokenInfo(String tokenId, long creationTime, long expiryTime, String comment, String ownerId,
            String createdByUsername, String principal) {
    }

    public record CreatedToken(String tokenValue, TokenInfo tokenInfo) {
    }
}
