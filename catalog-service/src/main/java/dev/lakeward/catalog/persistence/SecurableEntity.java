package dev.lakeward.catalog.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What every named, owned object of the namespace records. */
@MappedSuperclass
public abstract class SecurableEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Lower-case; unique under the parent by a database index. */
    public String name;

    public String comment;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> properties = new HashMap<>();

    public String owner;

    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public String updatedBy;

    /** Stamps a new object as created, and owned, by {@code principal}. */
    public void createdBy(String principal) {
        id = UUID.randomUUID();
        owner = principal;
        createdBy = principal;
        createdAt = Instant.now();
        updatedBy = principal;
        updatedAt = createdAt;
    }

    public void updatedBy(String principal) {
        updatedBy = principal;
        updatedAt = Instant.now();
    }

    /** Epoch milliseconds, as Unity Catalog's JSON carries times. */
    public static Long epochMillis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
