package dev.lakeward.catalog.config;

import dev.lakeward.policy.opa.OpaConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    Identity identity();

    Oidc oidc();

    Keycloak keycloak();

    Credentials credentials();

    Cache cache();

    Explorer explorer();

    Delta delta();

    /** How often a replica reads the database's versions, and how much it remembers between their moves (TokenCache, NamespaceCache). */
    interface Cache {
        /**
         * How often a replica reads the stored versions to catch up with other replicas' changes
         * (VersionPoll): grants, tokens, principals and the namespace; its own changes reach its
         * caches when they commit. Formerly
         * {@code lakeward.authz.refresh-interval}, still read where this is unset (RenamedProperties).
         */
        @WithDefault("5s")
        Duration refreshInterval();

        /** Resolved bearer tokens. */
        @WithDefault("100000")
        int tokens();

        /** Tables read over REST and the engine API, with their columns; as many catalogs and schemas. */
        @WithDefault("10000")
        int tables();
    }

    interface Credentials {
        /** How long a vended storage credential lives, where the cloud allows as long. */
        @WithDefault("1h")
        Duration ttl();

        /** How many vended credentials are kept for reuse. */
        @WithDefault("10000")
        int cacheSize();

        /**
         * Base64 of the 32-byte server key: it seals storage credentials' secrets and, derived, signs
         * page tokens; the same on every replica. Generated into the data directory when unset.
         */
        Optional<String> encryptionKey();
    }

    interface Identity {
        /** Members of this group may provision principals over SCIM, as metastore admins may. */
        @WithDefault("scim-provisioners")
        String provisionersGroup();
    }

    /**
     * How a verified OIDC token becomes a principal. Verification itself (issuer, audience, JWKS,
     * introspection) is Quarkus OIDC's, configured under {@code quarkus.oidc.*}.
     */
    interface Oidc {
        /** The claim naming the user: {@code preferred_username}, {@code email}, {@code sub}, … */
        @WithDefault("preferred_username")
        String principalClaim();

        /** The claim naming the client of a client-credentials token, a service principal's application id. */
        @WithDefault("client_id")
        String servicePrincipalClaim();

        /** A claim listing group names; the user joins each such Lakeward group on sign-in. Unset: none. */
        Optional<String> groupsClaim();

        /** Whether an unknown user is created on first sign-in, or refused. */
        @WithDefault("false")
        boolean autoProvision();
    }

    /** Keycloak sync: with {@code url} set, a realm's users and groups are pulled into principals. */
    interface Keycloak {
        /** Keycloak's base URL, e.g. {@code http://keycloak:8080}. */
        Optional<URI> url();

        /** The realm whose users and groups are synced; required with {@code url}. */
        Optional<String> realm();

        /** A confidential client whose service account may view users and query groups of the realm. */
        @WithDefault("lakeward-sync")
        String clientId();

        Optional<String> clientSecret();

        /** How often the realm is synced; 0 only on demand. */
        @WithDefault("15m")
        Duration interval();
    }

    interface Lineage {
        /** Members of this group may report lineage for any table, without MODIFY on it. */
        @WithDefault("lineage-writers")
        String writersGroup();

        /** How long lineage is kept after it was last reported; 0 keeps it forever. */
        @WithDefault("365d")
        Duration retention();

        /**
         * The most one client-streamed {@code ReportLineage} may carry, in bytes as sent: its events
         * are held in memory until the stream ends, then stored together; a stream beyond it is
         * refused whole. Four REST batches' worth ({@code quarkus.http.limits.max-body-size}).
         */
        @WithDefault("16M")
        MemorySize streamMaxSize();

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

    /**
     * The store, and how long the service waits for it: a database that is down or frozen is
     * answered 503 within these bounds (README, "When the database fails").
     */
    interface Db {
        /** A standalone PostgreSQL; without it the service starts an embedded one. */
        Optional<String> url();

        @WithDefault("postgres")
        String user();

        Optional<String> password();

        /** How long opening a connection (TCP connect and sign-in) may take; whole seconds. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** How long a request waits for a connection of the pool when all are in use. */
        @WithDefault("3s")
        Duration acquisitionTimeout();

        /** How long a statement may wait for a lock another transaction holds ({@code lock_timeout}). */
        @WithDefault("3s")
        Duration lockTimeout();

        /** How long a statement may run before PostgreSQL cancels it ({@code statement_timeout}). */
        @WithDefault("4s")
        Duration statementTimeout();

        /**
         * How long the service waits for any answer on a connection before it gives the connection
         * up: what bounds a frozen server, which cancels nothing itself. Longer than the
         * statement timeout, so that a slow statement is cancelled by the server first.
         */
        @WithDefault("5s")
        Duration socketTimeout();

        Embedded embedded();

        /** The embedded PostgreSQL of the default, when no {@code url} is set. */
        interface Embedded {
            /**
             * Whether a commit is on disk before it is answered ({@code fsync},
             * {@code synchronous_commit} and {@code full_page_writes} on). Off trades acknowledged
             * writes, and after an OS crash the whole store, for speed (README has the cost).
             */
            @WithDefault("true")
            boolean durable();
        }
    }

    interface Page {
        /** The most items one page of a listing holds, and its size when a client asks for none. */
        @WithDefault("1000")
        int maxResults();
    }

    interface Authz {
        /** Who decides: {@code builtin} (the default) or {@code opa}; another value fails the start, naming both. */
        @WithDefault("builtin")
        Engine engine();

        enum Engine {
            /** The built-in evaluator, on the grants this replica holds. */
            BUILTIN,
            /** An Open Policy Agent at {@code lakeward.authz.opa.url}. */
            OPA
        }

        Opa opa();

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

    /** Catalog-managed Delta tables, whose commits the catalog ratifies. */
    interface Delta {
        /**
         * How many ratified commits a table may hold that its writers have not yet published to
         * {@code _delta_log}; a commit beyond them is refused until some are (Unity Catalog's bound
         * on what loading a table answers whole).
         */
        @WithDefault("100")
        int maxUnbackfilledCommits();
    }

    interface Storage {
        /** The metastore's managed storage root; {@code file://<data-dir>/managed} when unset. */
        Optional<String> managedRoot();

        /**
         * How long a dropped MANAGED table's or volume's files stay in managed storage before the
         * service deletes them (Databricks keeps them as long, for UNDROP; here an admin may copy them back).
         */
        @WithDefault("7d")
        Duration purgeDelay();

        /**
         * How long the service waits on a cloud store for its own reads and writes there (an
         * Iceberg table's metadata files, the purge of dropped storage), per call.
         */
        @WithDefault("10s")
        Duration timeout();
    }

    /** The data explorer: its sign-in sessions, and sample reads, the one place where the service itself reads a table's data. */
    interface Explorer {

        /**
         * Whether the service reads sample rows of tables (through each table's vended read
         * credential, for callers with SELECT); false keeps the control plane out of the data.
         */
        @WithDefault("true")
        boolean sampleReads();

        /** How long one sample read may take before it is refused as storage that did not answer. */
        @WithDefault("10s")
        Duration sampleTimeout();

        /** How long a sign-in to the data explorer lasts (at most as long as the token it began with). */
        @WithDefault("12h")
        Duration sessionLifetime();

        /** Whether the session cookie is sent over HTTPS only; off for the plain-HTTP embedded default. */
        @WithDefault("false")
        boolean secureCookie();

        /** The identity provider as the sign-in page names it: "Sign in with Keycloak". */
        @WithDefault("your identity provider")
        String oidcProviderName();
    }
}
