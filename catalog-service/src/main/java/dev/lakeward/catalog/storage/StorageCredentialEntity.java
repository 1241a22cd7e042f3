package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.persistence.SecurableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "storage_credential")
public class StorageCredentialEntity extends SecurableEntity {

    /** {@code AWS_IAM_ROLE}, {@code AZURE_SERVICE_PRINCIPAL}, {@code AZURE_STORAGE_KEY}, {@code GCP_SERVICE_ACCOUNT_KEY}. */
    public String kind;

    /** What may be shown: role ARN, external id, tenant and client ids, account, e-mail, endpoint, region. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> settings = new HashMap<>();

    /** The secret (client secret, account key, service account key), sealed by {@link SecretBox}; null for a role. */
    public byte[] secret;
}
