package dev.lakeward.catalog.identity.sync;

import java.util.List;

/**
 * What one sync changed; a sync of an unchanged directory reports nothing. {@code conflicts} names
 * what the directory holds but could not be synced (a name already taken by another kind of principal).
 */
public record SyncReport(String source, List<String> usersCreated, List<String> usersUpdated,
        List<String> usersDeactivated, List<String> groupsCreated, List<String> groupsUpdated,
        List<String> groupsDeleted, int membershipsAdded, int membershipsRemoved, List<String> conflicts) {

    public boolean changedAnything() {
        return !usersCreated.isEmpty() || !usersUpdated.isEmpty() || !usersDeactivated.isEmpty()
                || !groupsCreated.isEmpty() || !groupsUpdated.isEmpty() || !groupsDeleted.isEmpty()
                || membershipsAdded > 0 || membershipsRemoved > 0;
    }
}
