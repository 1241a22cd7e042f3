package dev.lakeward.catalog.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * What the service makes of its embedded PostgreSQL's supervision ({@link DatabaseSupervisor}):
 * liveness is DOWN while a dead server cannot be started again, so that an orchestrator restarts
 * the service; and once it is up again, the pool drops every connection to the dead server at
 * once, rather than one failed request per connection. Nothing with a standalone database.
 */
@Liveness
@ApplicationScoped
public class SupervisedDatabase implements HealthCheck {

    private static final String NAME = "Embedded PostgreSQL";

    @Inject
    AgroalDataSource dataSource;

    void onStart(@Observes StartupEvent started) {
        DatabaseSupervisor.current().ifPresent(supervisor ->
                supervisor.afterRestart(() -> dataSource.flush(AgroalDataSource.FlushMode.ALL)));
    }

    @Override
    public HealthCheckResponse call() {
        return DatabaseSupervisor.current()
                .map(supervisor -> supervisor.failure()
                        .map(failure -> HealthCheckResponse.named(NAME).down().withData("failure", failure).build())
                        .orElseGet(() -> HealthCheckResponse.up(NAME)))
                .orElseGet(() -> HealthCheckResponse.named(NAME).up().withData("embedded", false).build());
    }
}
