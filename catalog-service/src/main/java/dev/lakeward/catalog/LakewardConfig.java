package dev.lakeward.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import dev.lakeward.policy.opa.OpaConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Lakeward's own settings, under the {@code lakeward.} prefix. */
@ConfigMapping(prefix = "lakeward")
public interface LakewardConfig {

    /** Where the embedded database and the admin token live. */
    @WithDefault("data")
    Path dataDir();

    Db db();

    Page page();

    Storage storage();

    Authz authz();

    Lineage lineage();

    interface Lineage {
        /** Members of this group may report lineage for any table, without MODIFY on it. */
        @WithDefault("lineage-writers")
        String writersGroup();

        /** How long lineage is kept after it was last reported; 0 keeps it forever. */
        @WithDefault("365d")
        Duration retention();

        Atlas atlas();

        interface Atlas {
            /** Apache Atlas' base URL, e.g. {@code http://atlas:21000}; without it there is no export. */
            Optional<URI> url();

            Optional<String> username();

            Optional<String> password();

            /** The cluster name in qualified names ({@code …@lakeward}), as Atlas' hooks use it. */
            @WithDefault("lakeward")
            String cluster();

            @WithDefault("30s")
            Duration timeout();
        }
    }

    interface Db {
        /** A standalone PostgreSQL; without it the service starts an embedded one. */
        Optional<String> url();

        @WithDefault("postgres")
        String user();

        Optional<String> password();
    }

    interface Page {
        /** The most items one page of a listing holds, and its size when a client asks for none. */
        @WithDefault("1000")
        int maxResults();
    }

    interface Authz {
        /** {@code builtin} (the default) or {@code opa}. */
        @WithDefault("builtin")
        String engine();

        Opa opa();

        /** How often a replica looks for grant changes made by other replicas. */
        @WithDefault("5s")
        Duration refreshInterval();

        interface Opa {
            /** OPA's base URL, e.g. {@code http://localhost:8181}. */
            Optional<URI> url();

            /** The rule that decides a batch, as a Data API path. */
            @WithDefault(OpaConfig.DEFAULT_POLICY)
            String policy();

            @WithDefault("2s")
            Duration timeout();
        }
    }

    interface Storage {
        /** The metastore's managed storage root; {@code file://<data-dir>/managed} when unset. */
        Optional<String> managedRoot();
    }
}
