package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.error.Conflict;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * What a principal owns, across every kind of securable. A principal that owns anything is not
 * deleted (the database refuses it too, by foreign key): its objects go to a new owner first, or
 * the deletion is refused naming them, so that no object is left owned by a name a later
 * principal could claim.
 */
public final class OwnedObjects {

    private static final int NAMED = 20;

    private static final String OWNED = """
            select 'the metastore' from metastore where owner_id = ?1
            union all select 'catalog ''' || name || '''' from catalog where owner_id = ?1
            union all select 'schema ''' || c.name || '.' || s.name || '''' from catalog_schema s
                join catalog c on c.id = s.catalog_id where s.owner_id = ?1
            union all select 'table ''' || c.name || '.' || s.name || '.' || t.name || '''' from catalog_table t
                join catalog_schema s on s.id = t.schema_id join catalog c on c.id = s.catalog_id where t.owner_id = ?1
            union all select 'volume ''' || c.name || '.' || s.name || '.' || v.name || '''' from volume v
                join catalog_schema s on s.id = v.schema_id join catalog c on c.id = s.catalog_id where v.owner_id = ?1
            union all select 'function ''' || c.name || '.' || s.name || '.' || f.name || '''' from catalog_function f
                join catalog_schema s on s.id = f.schema_id join catalog c on c.id = s.catalog_id where f.owner_id = ?1
            union all select 'registered model ''' || c.name || '.' || s.name || '.' || m.name || '''' from registered_model m
                join catalog_schema s on s.id = m.schema_id join catalog c on c.id = s.catalog_id where m.owner_id = ?1
            union all select 'storage credential ''' || name || '''' from storage_credential where owner_id = ?1
            union all select 'external location ''' || name || '''' from external_location where owner_id = ?1""";

    private static final List<String> OWNING_TABLES = List.of("metastore", "catalog", "catalog_schema",
            "catalog_table", "volume", "catalog_function", "registered_model", "storage_credential", "external_location");

    private OwnedObjects() {
    }

    /** Whether the principal owns anything. */
    public static boolean any(EntityManager em, PrincipalEntity principal) {
        return !em.createNativeQuery(OWNED + " limit 1").setParameter(1, principal.id).getResultList().isEmpty();
    }

    /** Refuses, with a 409 naming (some of) what it owns, when the principal owns anything. */
    public static void refuseIfAny(EntityManager em, PrincipalEntity principal) {
        @SuppressWarnings("unchecked")
        List<String> owned = em.createNativeQuery(OWNED + " limit " + (NAMED + 1))
                .setParameter(1, principal.id).getResultList();
        if (!owned.isEmpty()) {
            String named = String.join(", ", owned.subList(0, Math.min(NAMED, owned.size())))
                    + (owned.size() > NAMED ? " and more" : "");
            throw new Conflict("'" + principal.name + "' owns " + named + ": give them a new owner first"
                    + " (DELETE with new_owner=<principal> does both).");
        }
    }

    /** Gives everything {@code from} owns to {@code to}; answers how many objects changed hands. */
    static int transfer(EntityManager em, PrincipalEntity from, PrincipalEntity to) {
        int moved = 0;
        for (String table : OWNING_TABLES) {
            // the owner_by_id trigger takes the new name to the new owner's id
            moved += em.createNativeQuery("update " + table + " set owner = ?1 where owner_id = ?2")
                    .setParameter(1, to.name).setParameter(2, from.id).executeUpdate();
        }
        return moved;
    }
}
