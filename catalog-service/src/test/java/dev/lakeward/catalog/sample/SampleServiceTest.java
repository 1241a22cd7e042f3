package dev.lakeward.catalog.sample;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.error.FailedPrecondition;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The setting that keeps the service out of the data, without a Quarkus restart of its own. */
class SampleServiceTest {

    @Test
    void withSampleReadsOffNothingIsLookedUpOrRead() {
        SampleService service = new SampleService();
        service.config = new SmallRyeConfigBuilder().addDiscoveredConverters().withMapping(LakewardConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("lakeward.explorer.sample-reads", "false"),
                        "application.properties", 250))
                .build().getConfigMapping(LakewardConfig.class);
        service.init();
        // no lookup, authorization, vending or audit is wired: reaching any of them would fail otherwise

        assertThatThrownBy(() -> service.sample(new Caller(UUID.randomUUID(), "ann", PrincipalType.USER), "c.s.t", null))
                .isInstanceOf(FailedPrecondition.class)
                .hasMessageContaining("lakeward.explorer.sample-reads=false")
                .hasMessageContaining("keeps the catalog service out of the data");
    }
}
