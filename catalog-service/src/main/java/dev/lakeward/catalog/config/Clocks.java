package dev.lakeward.catalog.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock what expires is decided by: the system's, in UTC. One bean, so that a test moves time
 * by replacing it instead of sleeping until a token has expired.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
