package dev.lakeward.credentials;

import org.junit.jupiter.api.Assumptions;

/**
 * Real storage services (radosgw, Azurite) start from packages where the machine has them. Where
 * one cannot, its tests are skipped and say why, unless {@code LAKEWARD_REQUIRE_REAL_STORAGE} is
 * set, as {@code .ci/run} does: there a service that does not start fails the build.
 */
public final class RealStorage {

    private RealStorage() {
    }

    public static void unavailable(String why) {
        if (System.getenv("LAKEWARD_REQUIRE_REAL_STORAGE") != null) {
            throw new IllegalStateException(why);
        }
        Assumptions.abort(why);
    }
}
