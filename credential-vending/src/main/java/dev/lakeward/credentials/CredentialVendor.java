package dev.lakeward.credentials;

import java.time.Duration;
import java.util.Set;

/** Mints short-lived credentials for the locations of one kind of store (S3, Azure, GCS, local files). */
public interface CredentialVendor {

    /** The location schemes this vendor serves, as {@link StorageLocation#scheme()} spells them. */
    Set<String> schemes();

    /**
     * A credential for the location and access, valid for at most {@code ttl} (less where the
     * cloud allows less), minted with the storage credential's own secret.
     */
    TemporaryCredential vend(StorageLocation location, AccessLevel access, StorageCredential credential, Duration ttl);
}
