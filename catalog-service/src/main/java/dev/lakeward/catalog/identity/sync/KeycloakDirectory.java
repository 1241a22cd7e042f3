package dev.lakeward.catalog.identity.sync;

import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.identity.sync.DirectorySnapshot.Group;
import dev.lakeward.catalog.identity.sync.DirectorySnapshot.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Reads a Keycloak realm's users, groups (subgroups included) and memberships through the
 * Keycloak admin client, signed in as a confidential client's service account, page by page.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final int PAGE = 200;
    /** Keycloak's user for a client's service account; a service principal, not a person. */
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    @Inject
    LakewardConfig config;

    boolean configured() {
        return config.keycloak().url().isPresent();
    }

    /** The realm as it is now; fails with the admin client's exception when Keycloak does not answer. */
    DirectorySnapshot read() {
        LakewardConfig.Keycloak settings = config.keycloak();
        String realmName = settings.realm().orElseThrow(() ->
                new IllegalStateException("lakeward.keycloak.realm is required with lakeward.keycloak.url"));
        try (Keycloak keycloak = KeycloakBuilder.builder().serverUrl(settings.url().orElseThrow().toString())
                .realm(realmName).grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(settings.clientId())
                .clientSecret(settings.clientSecret().orElse(null)).build()) {
            RealmResource realm = keycloak.realm(realmName);
            List<User> users = paged((first, max) -> realm.users().list(first, max)).stream()
                    .filter(u -> !u.getUsername().startsWith(SERVICE_ACCOUNT_PREFIX))
                    .map(this::user).toList();
            List<Group> groups = new ArrayList<>();
            collect(realm, paged((first, max) -> realm.groups().groups(null, first, max, true)), groups);
            return new DirectorySnapshot(users, groups);
        }
    }

    /** The groups and, depth first, their subgroups, each with its direct members. */
    private void collect(RealmResource realm, List<GroupRepresentation> level, List<Group> into) {
        for (GroupRepresentation group : level) {
            List<GroupRepresentation> subgroups = paged((first, max) ->
                    realm.groups().group(group.getId()).getSubGroups(first, max, true));
            Set<String> members = new LinkedHashSet<>();
            paged((first, max) -> realm.groups().group(group.getId()).members(first, max, true))
                    .forEach(member -> members.add(member.getId()));
            Set<String> subgroupIds = new LinkedHashSet<>();
            subgroups.forEach(sub -> subgroupIds.add(sub.getId()));
            into.add(new Group(group.getId(), group.getName(), members, subgroupIds));
            collect(realm, subgroups, into);
        }
    }

    /** A user named as OIDC sign-in will name it, so that a synced user signs in as itself. */
    private User user(UserRepresentation user) {
        String name = switch (config.oidc().principalClaim()) {
            case "email" -> user.getEmail() == null ? user.getUsername() : user.getEmail();
            case "sub" -> user.getId();
            default -> user.getUsername();
        };
        String displayName = user.getFirstName() == null && user.getLastName() == null ? null
                : String.join(" ", nonNull(user.getFirstName()), nonNull(user.getLastName())).trim();
        return new User(user.getId(), name, displayName, user.getFirstName(), user.getLastName(), user.getEmail(),
                !Boolean.FALSE.equals(user.isEnabled()));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> paged(BiFunction<Integer, Integer, List<T>> page) {
        List<T> all = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<T> next = page.apply(first, PAGE);
            all.addAll(next);
            if (next.size() < PAGE) {
                return all;
            }
        }
    }
}
