package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.identity.SessionCookie;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says on start where people open the explorer, beside where the admin token is. */
@ApplicationScoped
public class ExplorerAddress {

    private static final Logger LOG = Logger.getLogger(ExplorerAddress.class);

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String host;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void onStart(@Observes StartupEvent event) {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        LOG.infof("The data explorer is at http://%s:%d%s (sign in with the admin token)", shown, port, SessionCookie.PATH);
    }
}
