package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.config.LakewardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether the sign-in page offers the OIDC provider: when its explorer tenant (web-app, code flow) is configured. */
@ApplicationScoped
public class OidcSignInOption {

    @ConfigProperty(name = "quarkus.oidc.explorer.tenant-enabled", defaultValue = "false")
    boolean enabled;

    /** Quarkus OIDC enables every named tenant by default, so only one that names its provider is configured. */
    @ConfigProperty(name = "quarkus.oidc.explorer.auth-server-url")
    Optional<String> provider;

    @Inject
    LakewardConfig config;

    Optional<String> providerName() {
        return enabled && provider.isPresent() ? Optional.of(config.explorer().oidcProviderName()) : Optional.empty();
    }
}
