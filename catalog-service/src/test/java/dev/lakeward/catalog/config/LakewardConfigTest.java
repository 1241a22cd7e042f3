package dev.lakeward.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakeward.catalog.config.LakewardConfig.Authz.Engine;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed configuration as the service reads it at start, without starting the service. */
class LakewardConfigTest {

    /** The mapping over these properties, with the converters and interceptors the service registers. */
    private static SmallRyeConfig config(Map<String, String> properties) {
        return config(properties, Map.of());
    }

    private static SmallRyeConfig config(Map<String, String> properties, Map<String, String> environment) {
        return new SmallRyeConfigBuilder().addDiscoveredConverters().addDiscoveredInterceptors()
                .withMapping(LakewardConfig.class)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250),
                        new EnvConfigSource(environment, 300))
                .build();
    }

    private static LakewardConfig lakeward(Map<String, String> properties) {
        return config(properties).getConfigMapping(LakewardConfig.class);
    }

    @Test
    void theEngineIsNamedAsReadmeWritesIt() {
        assertThat(lakeward(Map.of()).authz().engine()).isEqualTo(Engine.BUILTIN);
        assertThat(lakeward(Map.of("lakeward.authz.engine", "builtin")).authz().engine()).isEqualTo(Engine.BUILTIN);
        assertThat(lakeward(Map.of("lakeward.authz.engine", "opa")).authz().engine()).isEqualTo(Engine.OPA);
        assertThat(lakeward(Map.of("lakeward.authz.engine", "OPA")).authz().engine()).isEqualTo(Engine.OPA);
    }

    @Test
    void anUnknownEngineFailsNamingTheAllowedOnes() {
        assertThatThrownBy(() -> config(Map.of("lakeward.authz.engine", "ranger")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContainingAll("lakeward.authz.engine", "\"ranger\"")
                .hasMessageMatching("(?s).*allowed values: (builtin,opa|opa,builtin)$");
    }

    @Test
    void oneRefreshIntervalDrivesTheCachesWithOneDefault() {
        SmallRyeConfig config = config(Map.of());
        assertThat(config.getConfigMapping(LakewardConfig.class).cache().refreshInterval())
                .isEqualTo(Duration.ofSeconds(5));
        // what VersionPoll's @Scheduled reads
        assertThat(config.getValue("lakeward.cache.refresh-interval", String.class)).isEqualTo("5s");
        assertThat(lakeward(Map.of("lakeward.cache.refresh-interval", "2s")).cache().refreshInterval())
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theFormerNameOfTheRefreshIntervalIsStillRead() {
        SmallRyeConfig config = config(Map.of("lakeward.authz.refresh-interval", "7s"));
        assertThat(config.getConfigMapping(LakewardConfig.class).cache().refreshInterval())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(config.getValue("lakeward.cache.refresh-interval", String.class)).isEqualTo("7s");
        assertThat(config(Map.of(), Map.of("LAKEWARD_AUTHZ_REFRESH_INTERVAL", "8s"))
                .getConfigMapping(LakewardConfig.class).cache().refreshInterval()).isEqualTo(Duration.ofSeconds(8));
        // the new name wins where both are set in one place
        assertThat(lakeward(Map.of("lakeward.authz.refresh-interval", "7s", "lakeward.cache.refresh-interval", "3s"))
                .cache().refreshInterval()).isEqualTo(Duration.ofSeconds(3));
    }
}
