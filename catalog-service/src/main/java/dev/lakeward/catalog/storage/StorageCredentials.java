package dev.lakeward.catalog.storage;

import static dev.lakeward.catalog.persistence.SecurableEntity.epochMillis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.catalog.persistence.UniqueNames;
import dev.lakeward.credentials.StorageCredential;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Storage credentials (Unity Catalog's {@code /credentials}): an AWS IAM role, an Azure service
 * principal or storage account key, or a GCP service account key, for metastore admins. Secrets
 * are sealed before they are stored and never answered.
 */
@ApplicationScoped
public class StorageCredentials {

    @Inject
    Metastore metastore;

    /** What a create or update may carry; exactly one kind on create. Secrets are written, never answered. */
    public record CreateCredential(String name, String comment, String purpose, AwsIamRole awsIamRole,
            AzureServicePrincipal azureServicePrincipal, AzureStorageKey azureStorageKey,
            GcpServiceAccountKey gcpServiceAccountKey, String endpoint, String region) {
    }

    public record AwsIamRole(String roleArn, String externalId) {
    }

    public record AzureServicePrincipal(String directoryId, String applicationId, @Schema(writeOnly = true) String clientSecret) {
    }

    public record AzureStorageKey(String accountName, @Schema(writeOnly = true) String accountKey) {
    }

    /** {@code private_key} is the service account's whole JSON key file. */
    public record GcpServiceAccountKey(String email, @Schema(writeOnly = true) String privateKey) {
    }

    /** The answer: what was registered, without its secret. */
    public record CredentialInfo(String id, String name, String fullName, String comment, String owner, String purpose,
            AwsIamRole awsIamRole, AzureServicePrincipal azureServicePrincipal, AzureStorageKey azureStorageKey,
            GcpServiceAccountKey gcpServiceAccountKey, String endpoint, String region, Long createdAt, String createdBy,
            Long updatedAt, String updatedBy) {
    }

    public record ListCredentialsResponse(List<CredentialInfo> credentials, String nextPageToken) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    PageTokens pageTokens;

    @Inject
    AccessControl access;

    @Inject
    AuditLog audit;

    @Inject
    SecretBox secrets;

    @Inject
    Event<NamespaceChanged> namespaceChanged;

    @Transactional
    public CredentialInfo create(Caller caller, CreateCredential request) {
        InvalidParameter.requireBody(request);
        access.require(caller, Action.MANAGE, metastore.securable());
        if (request.purpose() != null && !request.purpose().equals("STORAGE")) {
            throw new InvalidParameter("purpose must be STORAGE.");
        }
        long kinds = Stream.of(request.awsIamRole(), request.azureServicePrincipal(), request.azureStorageKey(),
                request.gcpServiceAccountKey()).filter(k -> k != null).count();
        if (kinds != 1) {
            throw new InvalidParameter("A credential needs exactly one of aws_iam_role, azure_service_principal,"
                    + " azure_storage_key, gcp_service_account_key.");
        }
        StorageCredentialEntity entity = new StorageCredentialEntity();
        entity.createdBy(caller.name());
        entity.name = Names.identifier("credential name", request.name());
        entity.comment = Names.comment(request.comment());
        endpoint(request.endpoint()).ifPresent(e -> entity.settings.put("endpoint", e));
        if (request.region() != null) {
            entity.settings.put("region", request.region());
        }
        describe(entity, request);
        entity.persist();
        UniqueNames.flush(em, () -> "A credential named '" + entity.name + "' already exists.");
        audit.change(caller.name(), AuditAction.CREATE_CREDENTIAL, SecurableType.STORAGE_CREDENTIAL, entity.name,
                Map.of("kind", entity.kind));
        return info(entity);
    }

    @Transactional
    public CredentialInfo get(Caller caller, String name) {
        access.require(caller, Action.MANAGE, metastore.securable());
        return info(existing(name));
    }

    @Transactional
    public Page<CredentialInfo> list(Caller caller, String maxResults, String pageToken) {
        access.require(caller, Action.MANAGE, metastore.securable());
        PageRequest page = pageTokens.request(maxResults, pageToken);
        return Page.fromLookahead(StorageCredentialEntity.<StorageCredentialEntity>find("name > ?1 order by name",
                page.after()).range(0, page.size()).list(), page, c -> c.name).map(this::info);
    }

    @Transactional
    public CredentialInfo update(Caller caller, String name, UpdateSecurable request) {
        InvalidParameter.requireBody(request);
        access.require(caller, Action.MANAGE, metastore.securable());
        StorageCredentialEntity entity = existing(name);
        request.applyTo(entity, caller);
        UniqueNames.flush(em, () -> "A credential named '" + entity.name + "' already exists.");
        audit.change(caller.name(), AuditAction.UPDATE_CREDENTIAL, SecurableType.STORAGE_CREDENTIAL, entity.name,
                Map.of());
        return info(entity);
    }

    /** A credential external locations use is deleted only with {@code force}, and them with it. */
    @Transactional
    public void delete(Caller caller, String name, boolean force) {
        access.require(caller, Action.MANAGE, metastore.securable());
        StorageCredentialEntity entity = existing(name);
        long users = ExternalLocationEntity.count("credentialId", entity.id);
        if (users > 0 && !force) {
            throw new FailedPrecondition("Credential '" + entity.name + "' is used by " + users
                    + " external location(s); delete them first, or pass force=true.");
        }
        if (ExternalLocationEntity.delete("credentialId", entity.id) > 0) {
            namespaceChanged.fire(new NamespaceChanged());
        }
        entity.delete();
        audit.change(caller.name(), AuditAction.DELETE_CREDENTIAL, SecurableType.STORAGE_CREDENTIAL, entity.name,
                Map.of("force", force));
    }

    static StorageCredentialEntity existing(String name) {
        return StorageCredentialEntity.<StorageCredentialEntity>find("name", Names.identifier("credential name", name))
                .firstResultOptional().orElseThrow(() -> new NotFound("Credential '" + name + "' does not exist."));
    }

    /** The credential as a vendor mints from it, its secret opened. */
    StorageCredential forVending(StorageCredentialEntity entity) {
        Map<String, String> s = entity.settings;
        Optional<URI> endpoint = Optional.ofNullable(s.get("endpoint")).map(URI::create);
        return switch (entity.kind) {
            case "AWS_IAM_ROLE" -> new StorageCredential.AwsIamRole(entity.id.toString(), s.get("role_arn"),
                    Optional.ofNullable(s.get("external_id")), endpoint, Optional.ofNullable(s.get("region")));
            case "AZURE_SERVICE_PRINCIPAL" -> new StorageCredential.AzureServicePrincipal(entity.id.toString(),
                    s.get("directory_id"), s.get("application_id"), secrets.open(entity.secret), endpoint);
            case "AZURE_STORAGE_KEY" -> new StorageCredential.AzureAccountKey(entity.id.toString(),
                    s.get("account_name"), secrets.open(entity.secret), endpoint);
            case "GCP_SERVICE_ACCOUNT_KEY" -> new StorageCredential.GcpServiceAccountKey(entity.id.toString(),
                    s.get("email"), secrets.open(entity.secret), endpoint);
            default -> throw new IllegalStateException("Unknown credential kind " + entity.kind);
        };
    }

    /** The schemes a credential of this kind can serve. */
    static boolean serves(StorageCredentialEntity credential, String scheme) {
        return switch (credential.kind) {
            case "AWS_IAM_ROLE" -> scheme.equals("s3");
            case "AZURE_SERVICE_PRINCIPAL", "AZURE_STORAGE_KEY" -> scheme.startsWith("abfs") || scheme.startsWith("wasb");
            case "GCP_SERVICE_ACCOUNT_KEY" -> scheme.equals("gs");
            default -> false;
        };
    }

    private void describe(StorageCredentialEntity entity, CreateCredential request) {
        if (request.awsIamRole() != null) {
            entity.kind = "AWS_IAM_ROLE";
            entity.settings.put("role_arn", required(request.awsIamRole().roleArn(), "aws_iam_role.role_arn"));
            if (!request.awsIamRole().roleArn().startsWith("arn:")) {
                throw new InvalidParameter("aws_iam_role.role_arn must be an IAM role ARN (arn:aws:iam::…:role/…).");
            }
            if (request.awsIamRole().externalId() != null) {
                entity.settings.put("external_id", request.awsIamRole().externalId());
            }
        } else if (request.azureServicePrincipal() != null) {
            AzureServicePrincipal principal = request.azureServicePrincipal();
            entity.kind = "AZURE_SERVICE_PRINCIPAL";
            entity.settings.put("directory_id", required(principal.directoryId(), "azure_service_principal.directory_id"));
            entity.settings.put("application_id",
                    required(principal.applicationId(), "azure_service_principal.application_id"));
            entity.secret = secrets.seal(required(principal.clientSecret(), "azure_service_principal.client_secret"));
        } else if (request.azureStorageKey() != null) {
            entity.kind = "AZURE_STORAGE_KEY";
            entity.settings.put("account_name", required(request.azureStorageKey().accountName(),
                    "azure_storage_key.account_name"));
            entity.secret = secrets.seal(required(request.azureStorageKey().accountKey(), "azure_storage_key.account_key"));
        } else {
            GcpServiceAccountKey key = request.gcpServiceAccountKey();
            entity.kind = "GCP_SERVICE_ACCOUNT_KEY";
            entity.settings.put("email", required(key.email(), "gcp_service_account_key.email"));
            String json = required(key.privateKey(), "gcp_service_account_key.private_key");
            try {
                if (!JSON.readTree(json).has("private_key")) {
                    throw new InvalidParameter("gcp_service_account_key.private_key must be the account's JSON key.");
                }
            } catch (JsonProcessingException e) {
                throw new InvalidParameter("gcp_service_account_key.private_key must be the account's JSON key.");
            }
            entity.secret = secrets.seal(json);
        }
    }

    private static Optional<String> endpoint(String endpoint) {
        if (endpoint == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(endpoint);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
            return Optional.of(endpoint);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("endpoint must be an http(s) URL.");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameter(field + " is required.");
        }
        return value;
    }

    private CredentialInfo info(StorageCredentialEntity entity) {
        Map<String, String> s = entity.settings;
        return new CredentialInfo(entity.id.toString(), entity.name, entity.name, entity.comment, entity.owner, "STORAGE",
                entity.kind.equals("AWS_IAM_ROLE") ? new AwsIamRole(s.get("role_arn"), s.get("external_id")) : null,
                entity.kind.equals("AZURE_SERVICE_PRINCIPAL")
                        ? new AzureServicePrincipal(s.get("directory_id"), s.get("application_id"), null) : null,
                entity.kind.equals("AZURE_STORAGE_KEY") ? new AzureStorageKey(s.get("account_name"), null) : null,
                entity.kind.equals("GCP_SERVICE_ACCOUNT_KEY") ? new GcpServiceAccountKey(s.get("email"), null) : null,
                s.get("endpoint"), s.get("region"), epochMillis(entity.createdAt), entity.createdBy,
                epochMillis(entity.updatedAt), entity.updatedBy);
    }
}
