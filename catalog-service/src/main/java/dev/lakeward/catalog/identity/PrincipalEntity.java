package dev.lakeward.catalog.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "principal")
public class PrincipalEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public PrincipalType type;
    public Instant createdAt;

    public static PrincipalEntity create(String name, PrincipalType type) {
        PrincipalEntity principal = new PrincipalEntity();
        principal.id = UUID.randomUUID();
        principal.name = name;
        principal.type = type;
        principal.createdAt = Instant.now();
        principal.persist();
        return principal;
    }

    /** Principal names are unique regardless of case (an index on {@code lower(name)}). */
    public static Optional<PrincipalEntity> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }
}
