package dev.lakeward.catalog.identity.sync;

import dev.lakeward.catalog.access.AccessChanged;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.identity.GroupMembers;
import dev.lakeward.catalog.identity.OwnedObjects;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.sync.DirectorySnapshot.Group;
import dev.lakeward.catalog.identity.sync.DirectorySnapshot.User;
import dev.lakeward.catalog.persistence.UniqueNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes the principal tables hold what a directory snapshot says, in one transaction, as SCIM
 * would have written it: users created, updated or deactivated (never deleted: their grants
 * stay), groups created, renamed or deleted, and each synced group's direct members made exactly
 * the directory's. A principal of the same name made here or by SCIM is adopted; only what a
 * sync brought in is deactivated or deleted when the directory no longer has it.
 */
@ApplicationScoped
public class DirectorySync {

    @Inject
    Metastore metastore;

    private static final Logger LOG = Logger.getLogger(DirectorySync.class);


    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    GroupMembers members;

    @Inject
    Event<AccessChanged> accessChanged;

    @Inject
    Event<NamespaceChanged> namespaceChanged;

    @Transactional
    public SyncReport apply(String source, String actor, DirectorySnapshot snapshot) {
        Changes changes = new Changes();
        Principals principals = new Principals(source, PrincipalEntity.listAll());
        Map<String, UUID> userIds = new HashMap<>();
        for (User user : snapshot.users()) {
            syncUser(source, user, principals, changes).ifPresent(id -> userIds.put(user.externalId(), id));
        }
        for (PrincipalEntity stale : principals.unseen(PrincipalType.USER, metastore.securable().owner())) {
            if (stale.active) {
                stale.active = false;
                stale.touch();
                changes.usersDeactivated.add(stale.name);
            }
        }
        Map<String, PrincipalEntity> groups = new LinkedHashMap<>();
        for (Group group : snapshot.groups()) {
            PrincipalEntity synced = syncGroup(source, group, principals, changes);
            if (synced != null) {
                groups.put(group.externalId(), synced);
            }
        }
        for (PrincipalEntity stale : principals.unseen(PrincipalType.GROUP, metastore.securable().owner())) {
            if (OwnedObjects.any(em, stale)) {
                // deleting it would leave its objects to a name a later group could claim
                LOG.warnf("Group '%s' is gone from %s but owns objects in Lakeward; it is kept until they have"
                        + " a new owner.", stale.name, source);
                continue;
            }
            stale.delete();
            changes.groupsDeleted.add(stale.name);
        }
        UniqueNames.flush(em, () -> "Two principals of the directory would have one name.");
        for (Group group : snapshot.groups()) {
            PrincipalEntity synced = groups.get(group.externalId());
            if (synced != null) {
                Set<UUID> wanted = new HashSet<>();
                group.memberUserIds().stream().map(userIds::get).filter(Objects::nonNull).forEach(wanted::add);
                group.subgroupIds().stream().map(groups::get).filter(Objects::nonNull).forEach(g -> wanted.add(g.id));
                setMembers(synced, wanted, changes);
            }
        }
        SyncReport report = changes.report(source);
        if (report.changedAnything()) {
            audit.change(actor, AuditAction.IDENTITY_SYNC, Map.of("source", source,
                    "users_created", report.usersCreated().size(), "users_updated", report.usersUpdated().size(),
                    "users_deactivated", report.usersDeactivated().size(),
                    "groups_created", report.groupsCreated().size(), "groups_deleted", report.groupsDeleted().size(),
                    "memberships_added", report.membershipsAdded(),
                    "memberships_removed", report.membershipsRemoved()));
            accessChanged.fire(new AccessChanged());
        }
        if (changes.renamed) {
            // the database carries a new name to what the principal owns, which reads remember with its owner's name
            namespaceChanged.fire(new NamespaceChanged());
        }
        return report;
    }

    private Optional<UUID> syncUser(String source, User user, Principals principals, Changes changes) {
        PrincipalEntity existing = principals.match(user.externalId(), user.name());
        if (existing != null && (existing.type != PrincipalType.USER || principals.wasSeen(existing))) {
            changes.conflicts.add(user.name() + ": another principal or user of the directory has this name");
            return Optional.empty();
        }
        if (existing == null) {
            PrincipalEntity created = PrincipalEntity.create(user.name(), PrincipalType.USER);
            fill(created, source, user);
            principals.seen(created);
            changes.usersCreated.add(user.name());
            return Optional.of(created.id);
        }
        principals.seen(existing);
        changes.renamed |= !existing.name.equals(user.name());
        if (!sameUser(existing, source, user)) {
            fill(existing, source, user);
            existing.touch();
            changes.usersUpdated.add(user.name());
        }
        return Optional.of(existing.id);
    }

    private PrincipalEntity syncGroup(String source, Group group, Principals principals, Changes changes) {
        PrincipalEntity existing = principals.match(group.externalId(), group.name());
        if (existing != null && (existing.type != PrincipalType.GROUP || principals.wasSeen(existing))) {
            changes.conflicts.add(group.name() + ": another principal or group of the directory has this name");
            return null;
        }
        if (existing == null) {
            PrincipalEntity created = PrincipalEntity.create(group.name(), PrincipalType.GROUP);
            created.externalId = group.externalId();
            created.syncedFrom = source;
            principals.seen(created);
            changes.groupsCreated.add(group.name());
            return created;
        }
        principals.seen(existing);
        changes.renamed |= !existing.name.equals(group.name());
        if (!existing.name.equals(group.name()) || !group.externalId().equals(existing.externalId)
                || !source.equals(existing.syncedFrom)) {
            existing.name = group.name();
            existing.externalId = group.externalId();
            existing.syncedFrom = source;
            existing.touch();
            changes.groupsUpdated.add(group.name());
        }
        return existing;
    }

    private static boolean sameUser(PrincipalEntity principal, String source, User user) {
        PrincipalEntity wanted = new PrincipalEntity();
        fill(wanted, source, user);
        return principal.name.equals(wanted.name) && Objects.equals(principal.externalId, wanted.externalId)
                && Objects.equals(principal.displayName, wanted.displayName)
                && Objects.equals(principal.givenName, wanted.givenName)
                && Objects.equals(principal.familyName, wanted.familyName)
                && Objects.equals(principal.emails, wanted.emails) && principal.active == wanted.active
                && source.equals(principal.syncedFrom);
    }

    private static void fill(PrincipalEntity principal, String source, User user) {
        principal.name = user.name();
        principal.externalId = user.externalId();
        principal.displayName = user.displayName();
        principal.givenName = user.givenName();
        principal.familyName = user.familyName();
        principal.setWorkEmail(user.email());
        principal.active = user.active();
        principal.syncedFrom = source;
    }

    private void setMembers(PrincipalEntity group, Set<UUID> wanted, Changes changes) {
        GroupMembers.Change change = members.set(group.id, wanted);
        changes.membershipsAdded += change.added();
        changes.membershipsRemoved += change.removed();
    }

    /** The principals as the sync began: found by the directory's id first, by name second. */
    private static final class Principals {
        private final String source;
        private final Map<String, PrincipalEntity> byExternalId = new HashMap<>();
        private final Map<String, PrincipalEntity> byName = new HashMap<>();
        private final List<PrincipalEntity> synced = new ArrayList<>();
        private final Set<UUID> seen = new HashSet<>();

        Principals(String source, List<PrincipalEntity> all) {
            this.source = source;
            for (PrincipalEntity principal : all) {
                byName.put(key(principal.name), principal);
                if (source.equals(principal.syncedFrom)) {
                    synced.add(principal);
                    if (principal.externalId != null) {
                        byExternalId.put(principal.externalId, principal);
                    }
                }
            }
        }

        PrincipalEntity match(String externalId, String name) {
            PrincipalEntity found = byExternalId.get(externalId);
            return found != null ? found : byName.get(key(name));
        }

        void seen(PrincipalEntity principal) {
            seen.add(principal.id);
        }

        boolean wasSeen(PrincipalEntity principal) {
            return seen.contains(principal.id);
        }

        /** What an earlier sync from this source brought in and this one did not find; never the metastore's owner. */
        List<PrincipalEntity> unseen(PrincipalType type, String metastoreOwner) {
            return synced.stream().filter(p -> p.type == type && !seen.contains(p.id)
                    && !p.name.equalsIgnoreCase(metastoreOwner)).toList();
        }

        private static String key(String name) {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    private static final class Changes {
        final List<String> usersCreated = new ArrayList<>();
        final List<String> usersUpdated = new ArrayList<>();
        final List<String> usersDeactivated = new ArrayList<>();
        final List<String> groupsCreated = new ArrayList<>();
        final List<String> groupsUpdated = new ArrayList<>();
        final List<String> groupsDeleted = new ArrayList<>();
        final List<String> conflicts = new ArrayList<>();
        int membershipsAdded;
        int membershipsRemoved;
        boolean renamed;

        SyncReport report(String source) {
            return new SyncReport(source, usersCreated, usersUpdated, usersDeactivated, groupsCreated, groupsUpdated,
                    groupsDeleted, membershipsAdded, membershipsRemoved, conflicts);
        }
    }
}
