package dev.lakeward.catalog.edge;

import dev.lakeward.catalog.error.ErrorCode;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The end of a graceful stop. Quarkus, on SIGTERM, turns readiness DOWN, goes on answering for
 * {@code quarkus.shutdown.delay}, then waits for the requests it has begun; but it begins every
 * request that arrives until its server closes, so one begun in that last moment can commit with
 * its answer lost, and a client retrying it elsewhere gets a conflict for its own write. From the
 * delay's end, then, a request is answered 503 {@code TEMPORARILY_UNAVAILABLE} before anything of
 * it runs: whatever a client gets or misses then, a retry on another replica is safe.
 */
@Singleton
public class Stopping {

    @ConfigProperty(name = "quarkus.shutdown.delay")
    Optional<Duration> delay;

    private volatile boolean stopping;
    private volatile long refuseFrom;

    void onStop(@Observes ShutdownDelayInitiatedEvent started) {
        refuseFrom = System.nanoTime() + delay.orElse(Duration.ZERO).toNanos();
        stopping = true;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (stopping && System.nanoTime() - refuseFrom >= 0) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                Refusals.answer(ctx, ErrorCode.TEMPORARILY_UNAVAILABLE,
                        "This replica is stopping; retry the request on another.");
                return;
            }
            ctx.next();
        });
    }
}
