package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.persistence.SecurableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "external_location")
public class ExternalLocationEntity extends SecurableEntity {

    /** Normalized, as {@code StorageLocation#url()} writes it. */
    public String url;

    public UUID credentialId;
}
