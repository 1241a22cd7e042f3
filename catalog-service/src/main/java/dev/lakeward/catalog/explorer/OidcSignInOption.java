package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.config.LakewardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether the sign-in page offers the OIDC provider: when its explorer tenant (web-app, code flow) is configured. */
@ApplicationScoped
public class OidcSignInOption {

    /** Off in application.properties: Quarkus OIDC would enable a named tenant by default. */
    @ConfigProperty(name = "quarkus.oidc.explorer.tenant-enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    LakewardConfig config;

    Optional<String> providerName() {
        return enabled ? Optional.of(config.explorer().oidcProviderName()) : Optional.empty();
    }
}
