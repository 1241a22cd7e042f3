package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.PrincipalType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "principal")
public class PrincipalEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public PrincipalType type;
    public Instant createdAt;
    public String externalId;
    public String displayName;
    public String givenName;
    public String familyName;

    /** SCIM's multi-valued {@code emails}, kept as sent ({@code value}, {@code type}, {@code primary}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Map<String, Object>> emails = new ArrayList<>();

    /** SCIM's enterprise user extension (department, manager, …), kept as the identity provider sent it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> enterprise = new HashMap<>();

    /** False: provisioned but deactivated; its grants stay, its tokens are refused. */
    public boolean active = true;

    /** Bumped by every change; SCIM's {@code meta.version} (ETag). */
    public long version = 1;
    public Instant updatedAt;

    /** The directory a sync brought it from ({@code keycloak}), or null for principals made here or by SCIM. */
    public String syncedFrom;

    /** Records a change: a new version (SCIM's ETag) and modification time. */
    public void touch() {
        version++;
        updatedAt = Instant.now();
    }

    public static PrincipalEntity create(String name, PrincipalType type) {
        PrincipalEntity principal = new PrincipalEntity();
        principal.id = UUID.randomUUID();
        principal.name = name;
        principal.type = type;
        principal.createdAt = Instant.now();
        principal.updatedAt = principal.createdAt;
        principal.persist();
        return principal;
    }

    /** Sets the one e-mail address an identity provider knows, as SCIM would hold it. */
    public void setWorkEmail(String email) {
        emails = email == null ? new ArrayList<>()
                : new ArrayList<>(List.of(Map.of("value", email, "type", "work", "primary", true)));
    }

    /** Principal names are unique regardless of case (an index on {@code lower(name)}). */
    public static Optional<PrincipalEntity> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }
}
