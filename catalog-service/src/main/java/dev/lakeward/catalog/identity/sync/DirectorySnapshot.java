package dev.lakeward.catalog.identity.sync;

import java.util.List;
import java.util.Set;

/**
 * What an identity provider's directory holds at one moment, as sync applies it: users, groups,
 * and each group's direct members (users and subgroups), all by the provider's ids.
 */
public record DirectorySnapshot(List<User> users, List<Group> groups) {

    public record User(String externalId, String name, String displayName, String givenName, String familyName,
            String email, boolean active) {
    }

    /** A group; a subgroup is a member of its parent, so the parent's grants reach the subgroup's members. */
    public record Group(String externalId, String name, Set<String> memberUserIds, Set<String> subgroupIds) {
    }
}
