package dev.lakeward.catalog.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The one metastore of a deployment: the root of the namespace and the default managed storage. */
@Entity
@Table(name = "metastore")
public class MetastoreEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String storageRoot;
    public String owner;
    public Instant createdAt;

    /** The metastore; it exists from the first start on. */
    public static MetastoreEntity current() {
        return MetastoreEntity.<MetastoreEntity>findAll().firstResult();
    }
}
