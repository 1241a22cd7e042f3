package dev.lakeward.catalog.persistence;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL's transaction-scoped advisory locks, by name: what makes claims that a unique index
 * cannot express (overlapping storage, the order of grant changes) take turns until commit.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for every other holder of the name. */
    public static void exclusive(EntityManager em, String name) {
        take(em, "pg_advisory_xact_lock", name);
    }

    /** Waits only for an exclusive holder of the name. */
    public static void shared(EntityManager em, String name) {
        take(em, "pg_advisory_xact_lock_shared", name);
    }

    private static void take(EntityManager em, String function, String name) {
        // cast to text: a void result costs Hibernate a failed type lookup, an exception, per call
        em.createNativeQuery("select cast(" + function + "(hashtextextended(?1, 0)) as text)")
                .setParameter(1, name).getSingleResult();
    }
}
