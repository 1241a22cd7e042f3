package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.persistence.SecurableEntity;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "external_location")
public class ExternalLocationEntity extends SecurableEntity {

    /** Normalized, as {@code StorageLocation#url()} writes it. */
    public String url;

    public UUID credentialId;

    /** By its name, as a request names it: validated, or NOT_FOUND. */
    public static ExternalLocationEntity named(String name) {
        String valid = Names.identifier("external location name", name);
        return ExternalLocationEntity.<ExternalLocationEntity>find("name", valid).firstResultOptional()
                .orElseThrow(() -> NotFound.securable(SecurableType.EXTERNAL_LOCATION, valid));
    }

    /** An external location sits directly under the metastore: it has no USE path. */
    public static Securable securable(Securable metastore, UUID id, String name, String owner) {
        return new Securable(SecurableType.EXTERNAL_LOCATION, id.toString(), name, owner, metastore);
    }

    public Securable securable(Securable metastore) {
        return securable(metastore, id, name, owner);
    }
}
