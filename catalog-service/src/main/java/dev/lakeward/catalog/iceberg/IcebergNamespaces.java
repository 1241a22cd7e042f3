package dev.lakeward.catalog.iceberg;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.Requests.CreateSchema;
import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import dev.lakeward.catalog.namespace.SchemaInfo;
import dev.lakeward.catalog.namespace.SchemaPath;
import dev.lakeward.catalog.namespace.SchemaService;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.policy.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.rest.Endpoint;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.UpdateNamespacePropertiesRequest;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.CreateNamespaceResponse;
import org.apache.iceberg.rest.responses.GetNamespaceResponse;
import org.apache.iceberg.rest.responses.ListNamespacesResponse;
import org.apache.iceberg.rest.responses.UpdateNamespacePropertiesResponse;

/**
 * The catalog's configuration and its namespaces, which are the schemas of the catalog chosen as
 * warehouse, through {@link SchemaService}: the Unity Catalog API's grants, validation and audit.
 * A namespace's properties are the schema's.
 */
@ApplicationScoped
public class IcebergNamespaces {

    /** What is served; clients call nothing else (views, scan planning and request signing are not). */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.V1_LIST_NAMESPACES, Endpoint.V1_LOAD_NAMESPACE, Endpoint.V1_NAMESPACE_EXISTS,
            Endpoint.V1_CREATE_NAMESPACE, Endpoint.V1_UPDATE_NAMESPACE, Endpoint.V1_DELETE_NAMESPACE,
            Endpoint.V1_LIST_TABLES, Endpoint.V1_LOAD_TABLE, Endpoint.V1_TABLE_EXISTS, Endpoint.V1_CREATE_TABLE,
            Endpoint.V1_UPDATE_TABLE, Endpoint.V1_DELETE_TABLE, Endpoint.V1_RENAME_TABLE,
            Endpoint.V1_REGISTER_TABLE, Endpoint.V1_REPORT_METRICS, Endpoint.V1_TABLE_CREDENTIALS,
            Endpoint.V1_COMMIT_TRANSACTION);

    @Inject
    NamedObjects named;

    @Inject
    SchemaService schemas;

    @Inject
    EntityManager em;

    /**
     * For a catalog the caller may see: its name as the prefix of every path, and, as a default
     * the client may override, the header that asks for vended credentials on every load, so an
     * engine given only the URI, the warehouse and a token reads and writes governed storage.
     */
    public ConfigResponse config(Caller caller, String warehouse) {
        if (warehouse == null || warehouse.isEmpty()) {
            throw new InvalidParameter("warehouse is required: the name of the catalog to use.");
        }
        String catalog = named.readCatalog(caller, Action.READ_METADATA, IcebergNames.catalog(warehouse)).info().name();
        return ConfigResponse.builder().withOverride("prefix", catalog)
                .withDefault("header.X-Iceberg-Access-Delegation", "vended-credentials").withEndpoints(ENDPOINTS).build();
    }

    /** The schemas the caller may see; a one-level namespace holds none. */
    public ListNamespacesResponse list(Caller caller, String prefix, String parent, String pageToken,
            String pageSize) {
        String catalog = IcebergNames.catalog(prefix);
        if (parent != null && !parent.isEmpty()) {
            String schema = IcebergNames.schema(catalog, parent);
            named.readSchema(caller, Action.READ_METADATA, catalog, schema);
            return ListNamespacesResponse.builder().build();
        }
        Page<SchemaInfo> page = IcebergPages.read(pageToken, pageSize,
                (maxResults, token) -> schemas.list(caller, catalog, maxResults, token));
        return ListNamespacesResponse.builder().addAll(page.items().stream().map(s -> Namespace.of(s.name())).toList())
                .nextPageToken(page.nextPageToken()).build();
    }

    public CreateNamespaceResponse create(Caller caller, String prefix, CreateNamespaceRequest request) {
        String catalog = IcebergNames.catalog(prefix);
        String schema = IcebergNames.schema(catalog, request.namespace());
        SchemaInfo created = schemas.create(caller, new CreateSchema(schema, catalog, null, request.properties(), null));
        return CreateNamespaceResponse.builder().withNamespace(Namespace.of(created.name()))
                .setProperties(created.properties()).build();
    }

    public GetNamespaceResponse load(Caller caller, String prefix, String namespace) {
        String catalog = IcebergNames.catalog(prefix);
        SchemaInfo schema = named.readSchema(caller, Action.READ_METADATA, catalog,
                IcebergNames.schema(catalog, namespace)).info();
        return GetNamespaceResponse.builder().withNamespace(Namespace.of(schema.name()))
                .setProperties(schema.properties()).build();
    }

    /** Whether the namespace exists for the caller: one it may not see does not. */
    public boolean exists(Caller caller, String prefix, String namespace) {
        try {
            load(caller, prefix, namespace);
            return true;
        } catch (NotFound missingOrHidden) {
            return false;
        }
    }

    /**
     * Sets and removes properties under the schema's lock, so that two updates of different keys
     * both hold; needs MANAGE on the schema, as the Unity Catalog API's update does. A key both set
     * and removed is a 422, as the spec answers it, before the request is otherwise validated.
     */
    @Transactional
    public UpdateNamespacePropertiesResponse updateProperties(Caller caller, String prefix, String namespace,
            UpdateNamespacePropertiesRequest request) {
        List<String> removals = Objects.requireNonNullElse(request.removals(), List.of());
        Map<String, String> updates = Objects.requireNonNullElse(request.updates(), Map.of());
        Set<String> both = new HashSet<>(removals);
        both.retainAll(updates.keySet());
        if (!both.isEmpty()) {
            throw IcebergFailure.unprocessable("Properties " + both + " are both set and removed; name each once.");
        }
        IcebergJson.validate(request);
        String catalog = IcebergNames.catalog(prefix);
        SchemaPath path = named.schema(caller, Action.MANAGE, catalog, IcebergNames.schema(catalog, namespace));
        em.refresh(path.schema(), LockModeType.PESSIMISTIC_WRITE);
        Map<String, String> properties = new HashMap<>(path.schema().properties);
        List<String> removed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : removals) {
            (properties.remove(key) != null ? removed : missing).add(key);
        }
        properties.putAll(updates);
        schemas.update(caller, path.fullName(), new UpdateSecurable(null, null, properties, null));
        return UpdateNamespacePropertiesResponse.builder().addUpdated(updates.keySet())
                .addRemoved(removed).addMissing(missing).build();
    }

    /** Drops the namespace when it holds nothing; MANAGE on the schema, as the Unity Catalog API's delete. */
    public void drop(Caller caller, String prefix, String namespace) {
        String catalog = IcebergNames.catalog(prefix);
        try {
            schemas.delete(caller, catalog + "." + IcebergNames.schema(catalog, namespace), false);
        } catch (FailedPrecondition notEmpty) {
            throw IcebergFailure.namespaceNotEmpty(notEmpty.getMessage());
        }
    }
}
