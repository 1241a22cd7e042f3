package dev.lakeward.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakeward.catalog.config.LakewardConfig.Authz.Engine;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed configuration as the service reads it at start, without starting the service. */
class LakewardConfigTest {

    /** The mapping over these properties, with the converters and interceptors the service registers. */
    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDiscoveredConverters().addDiscoveredInterceptors()
                .withMapping(LakewardConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 250)).build();
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
}
