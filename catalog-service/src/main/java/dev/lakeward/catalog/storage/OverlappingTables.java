package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.namespace.TableEntity;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.credentials.StorageLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The tables whose storage a path credential would reach: those stored within the path and the
 * one (if any) whose location contains it. Found in one indexed query (the path's ancestors by
 * equality, what lies below it by prefix, in every spelling of the location), then checked at
 * path boundaries, so that {@code /sales2} is no table of {@code /sales}.
 */
final class OverlappingTables {

    private OverlappingTables() {
    }

    static List<TablePath> of(StorageLocation path) {
        List<String> ancestors = new ArrayList<>();
        List<String> below = new ArrayList<>();
        for (String spelling : path.spellings()) {
            below.add(like(spelling) + "/%");
            ancestors.add(spelling);
            for (int slash = spelling.lastIndexOf('/'); slash > spelling.indexOf("://") + 2;
                    slash = spelling.lastIndexOf('/', slash - 1)) {
                ancestors.add(spelling.substring(0, slash));
            }
        }
        StringBuilder jpql = new StringBuilder(
                "select t.id, t.storageLocation from TableEntity t where t.storageLocation in :ancestors");
        for (int i = 0; i < below.size(); i++) {
            jpql.append(" or t.storageLocation like :below").append(i).append(" escape '\\'");
        }
        var query = TableEntity.getEntityManager().createQuery(jpql.toString(), Object[].class)
                .setParameter("ancestors", ancestors);
        for (int i = 0; i < below.size(); i++) {
            query.setParameter("below" + i, below.get(i));
        }
        List<UUID> overlapping = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            if (path.overlaps(StorageLocation.parse((String) row[1]))) {
                overlapping.add((UUID) row[0]);
            }
        }
        return List.copyOf(TablePath.findAllById(overlapping).values());
    }

    /** The text as a LIKE pattern that matches only itself. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
