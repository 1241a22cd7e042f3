package dev.lakeward.catalog.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A bearer token issued by Lakeward; only the hash of its secret is stored. */
@Entity
@Table(name = "access_token")
public class AccessTokenEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID principalId;
    public String tokenHash;
    public String comment;
    public Instant createdAt;
    public Instant expiresAt;
}
