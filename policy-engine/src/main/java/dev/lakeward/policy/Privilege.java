package dev.lakeward.policy;

import static dev.lakeward.policy.SecurableType.CATALOG;
import static dev.lakeward.policy.SecurableType.EXTERNAL_LOCATION;
import static dev.lakeward.policy.SecurableType.FUNCTION;
import static dev.lakeward.policy.SecurableType.METASTORE;
import static dev.lakeward.policy.SecurableType.REGISTERED_MODEL;
import static dev.lakeward.policy.SecurableType.SCHEMA;
import static dev.lakeward.policy.SecurableType.STORAGE_CREDENTIAL;
import static dev.lakeward.policy.SecurableType.TABLE;
import static dev.lakeward.policy.SecurableType.VOLUME;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Unity Catalog's privileges. Each can be granted on some securable types ({@link #grantableOn})
 * and takes effect on some ({@link #appliesTo}): {@code SELECT} granted on a catalog reaches
 * every table in it, but is a privilege on tables only.
 */
public enum Privilege {
    CREATE_CATALOG(Set.of(METASTORE), Set.of(METASTORE)),
    CREATE_EXTERNAL_LOCATION(Set.of(METASTORE, STORAGE_CREDENTIAL), Set.of(METASTORE, STORAGE_CREDENTIAL)),
    CREATE_STORAGE_CREDENTIAL(Set.of(METASTORE), Set.of(METASTORE)),
    USE_CATALOG(Set.of(CATALOG), Set.of(CATALOG)),
    CREATE_SCHEMA(Set.of(CATALOG), Set.of(CATALOG)),
    USE_SCHEMA(Set.of(CATALOG, SCHEMA), Set.of(SCHEMA)),
    EXTERNAL_USE_SCHEMA(Set.of(CATALOG, SCHEMA), Set.of(SCHEMA)),
    CREATE_TABLE(Set.of(CATALOG, SCHEMA), Set.of(SCHEMA)),
    SELECT(Set.of(CATALOG, SCHEMA, TABLE), Set.of(TABLE)),
    MODIFY(Set.of(CATALOG, SCHEMA, TABLE), Set.of(TABLE)),
    CREATE_VOLUME(Set.of(CATALOG, SCHEMA), Set.of(SCHEMA)),
    READ_VOLUME(Set.of(CATALOG, SCHEMA, VOLUME), Set.of(VOLUME)),
    WRITE_VOLUME(Set.of(CATALOG, SCHEMA, VOLUME), Set.of(VOLUME)),
    CREATE_FUNCTION(Set.of(CATALOG, SCHEMA), Set.of(SCHEMA)),
    CREATE_MODEL(Set.of(CATALOG, SCHEMA), Set.of(SCHEMA)),
    /** Calling a function, and loading a model's versions (their read credentials). */
    EXECUTE(Set.of(CATALOG, SCHEMA, FUNCTION, REGISTERED_MODEL), Set.of(FUNCTION, REGISTERED_MODEL)),
    BROWSE(Set.of(CATALOG, SCHEMA, TABLE, VOLUME, FUNCTION, REGISTERED_MODEL, EXTERNAL_LOCATION),
            Set.of(CATALOG, SCHEMA, TABLE, VOLUME, FUNCTION, REGISTERED_MODEL, EXTERNAL_LOCATION)),
    READ_FILES(Set.of(EXTERNAL_LOCATION), Set.of(EXTERNAL_LOCATION)),
    WRITE_FILES(Set.of(EXTERNAL_LOCATION), Set.of(EXTERNAL_LOCATION)),
    CREATE_EXTERNAL_TABLE(Set.of(EXTERNAL_LOCATION, STORAGE_CREDENTIAL), Set.of(EXTERNAL_LOCATION, STORAGE_CREDENTIAL)),
    CREATE_EXTERNAL_VOLUME(Set.of(EXTERNAL_LOCATION, STORAGE_CREDENTIAL), Set.of(EXTERNAL_LOCATION, STORAGE_CREDENTIAL)),
    CREATE_MANAGED_STORAGE(Set.of(EXTERNAL_LOCATION), Set.of(EXTERNAL_LOCATION)),
    MANAGE(EnumSet.allOf(SecurableType.class), EnumSet.allOf(SecurableType.class)),
    ALL_PRIVILEGES(EnumSet.complementOf(EnumSet.of(METASTORE)), EnumSet.complementOf(EnumSet.of(METASTORE)));

    private final Set<SecurableType> grantableOn;
    private final Set<SecurableType> appliesTo;

    Privilege(Set<SecurableType> grantableOn, Set<SecurableType> appliesTo) {
        this.grantableOn = Set.copyOf(grantableOn);
        this.appliesTo = Set.copyOf(appliesTo);
    }

    /** As Unity Catalog writes it: {@code USE CATALOG}. */
    public String sqlName() {
        return name().replace('_', ' ');
    }

    public boolean isGrantableOn(SecurableType type) {
        return grantableOn.contains(type);
    }

    public boolean appliesTo(SecurableType type) {
        return appliesTo.contains(type);
    }

    /**
     * Whether holding {@code this} gives {@code wanted}: each privilege gives itself, and
     * {@code ALL PRIVILEGES} gives every other one but {@code MANAGE} and
     * {@code EXTERNAL USE SCHEMA}, as in Databricks.
     */
    public boolean implies(Privilege wanted) {
        return this == wanted || (this == ALL_PRIVILEGES && wanted != MANAGE && wanted != EXTERNAL_USE_SCHEMA);
    }

    /** Reads both {@code USE CATALOG} (Unity Catalog OSS) and {@code USE_CATALOG} (Databricks), any case. */
    public static Optional<Privilege> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Privilege privilege : values()) {
            if (privilege.name().equals(normalized)) {
                return Optional.of(privilege);
            }
        }
        return Optional.empty();
    }
}
