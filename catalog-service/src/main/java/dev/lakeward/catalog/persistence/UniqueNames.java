package dev.lakeward.catalog.persistence;

import dev.lakeward.catalog.error.AlreadyExists;
import dev.lakeward.catalog.error.NotFound;
import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Name uniqueness is the database's job (a unique index per parent), not a check-then-insert:
 * of two concurrent creates of one name, the second blocks on the index and then fails here.
 */
public final class UniqueNames {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private UniqueNames() {
    }

    /**
     * Flushes pending writes, turning a unique-name violation into {@code ALREADY_EXISTS}, and a
     * parent deleted by a concurrent request into {@code NOT_FOUND}.
     */
    public static void flush(EntityManager em, Supplier<String> alreadyExistsMessage) {
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new AlreadyExists(alreadyExistsMessage.get());
            }
            if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw new NotFound("The parent of this object was deleted while the request ran.");
            }
            throw e;
        }
    }
}
