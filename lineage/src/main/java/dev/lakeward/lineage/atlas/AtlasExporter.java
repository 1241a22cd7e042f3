package dev.lakeward.lineage.atlas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.lineage.ColumnEdge;
import dev.lakeward.lineage.ColumnRef;
import dev.lakeward.lineage.DatasetRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pushes column lineage to Apache Atlas: tables ({@code lakeward_table}, a DataSet), their columns
 * ({@code lakeward_column}, a DataSet) and one process per target column
 * ({@code lakeward_column_lineage}, a Process from its source columns to it). The types are
 * created the first time they are missing. Qualified names are {@code namespace/name} for
 * datasets, {@code namespace/name#column} for columns and {@code namespace/name#column:lineage}
 * for processes, suffixed with {@code @<cluster>} as
 * Atlas' own hooks do.
 */
public final class AtlasExporter {

    static final String TABLE_TYPE = "lakeward_table";
    static final String COLUMN_TYPE = "lakeward_column";
    static final String PROCESS_TYPE = "lakeward_column_lineage";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtlasClient client;
    private final String cluster;

    public AtlasExporter(AtlasClient client, String cluster) {
        this.client = client;
        this.cluster = cluster;
    }

    /** What was pushed. */
    public record Exported(int tables, int columns, int processes) {
    }

    public Exported export(Collection<ColumnEdge> edges) throws AtlasException {
        ensureTypes();
        Set<DatasetRef> tables = new LinkedHashSet<>();
        Set<ColumnRef> columns = new LinkedHashSet<>();
        Map<ColumnRef, List<ColumnEdge>> byTarget = new LinkedHashMap<>();
        for (ColumnEdge edge : edges) {
            tables.add(edge.source().dataset());
            tables.add(edge.target().dataset());
            columns.add(edge.source());
            columns.add(edge.target());
            byTarget.computeIfAbsent(edge.target(), t -> new ArrayList<>()).add(edge);
        }
        ArrayNode entities = JSON.createArrayNode();
        tables.forEach(table -> entities.add(entity(TABLE_TYPE, qualifiedName(table), table.name(), Map.of())));
        columns.forEach(column -> entities.add(entity(COLUMN_TYPE, qualifiedName(column), column.column(),
                Map.of("table", reference(TABLE_TYPE, qualifiedName(column.dataset()))))));
        byTarget.forEach((target, into) -> {
            ArrayNode inputs = JSON.createArrayNode();
            ArrayNode transformations = JSON.createArrayNode();
            into.stream().map(ColumnEdge::source).distinct()
                    .forEach(source -> inputs.add(reference(COLUMN_TYPE, qualifiedName(source))));
            into.forEach(edge -> transformations.add(edge.source().dataset().name() + "#" + edge.source().column() + ": "
                    + edge.transformation().type() + (edge.transformation().subtype() == null ? ""
                            : "/" + edge.transformation().subtype())));
            ObjectNode process = entity(PROCESS_TYPE, qualifiedName(target, ":lineage"), "lineage of " + target.column(),
                    Map.of("inputs", inputs,
                            "outputs", JSON.createArrayNode().add(reference(COLUMN_TYPE, qualifiedName(target))),
                            "transformations", transformations));
            entities.add(process);
        });
        ObjectNode bulk = JSON.createObjectNode();
        bulk.set("entities", entities);
        client.upsertEntities(bulk);
        return new Exported(tables.size(), columns.size(), byTarget.size());
    }

    private void ensureTypes() throws AtlasException {
        ArrayNode missing = JSON.createArrayNode();
        if (!client.entityTypeExists(TABLE_TYPE)) {
            missing.add(typedef(TABLE_TYPE, "DataSet", "A Lakeward table or an outside dataset"));
        }
        if (!client.entityTypeExists(COLUMN_TYPE)) {
            ObjectNode column = typedef(COLUMN_TYPE, "DataSet", "A column of a Lakeward table");
            column.withArray("attributeDefs").add(attribute("table", TABLE_TYPE));
            missing.add(column);
        }
        if (!client.entityTypeExists(PROCESS_TYPE)) {
            ObjectNode process = typedef(PROCESS_TYPE, "Process", "How a column is computed from others");
            process.withArray("attributeDefs").add(attribute("transformations", "array<string>"));
            missing.add(process);
        }
        if (!missing.isEmpty()) {
            ObjectNode typedefs = JSON.createObjectNode();
            typedefs.set("entityDefs", missing);
            client.createTypes(typedefs);
        }
    }

    private static ObjectNode typedef(String name, String superType, String description) {
        ObjectNode def = JSON.createObjectNode();
        def.put("name", name);
        def.put("description", description);
        def.put("category", "ENTITY");
        def.put("typeVersion", "1.0");
        def.set("superTypes", JSON.createArrayNode().add(superType));
        def.set("attributeDefs", JSON.createArrayNode());
        return def;
    }

    private static ObjectNode attribute(String name, String type) {
        ObjectNode attribute = JSON.createObjectNode();
        attribute.put("name", name);
        attribute.put("typeName", type);
        attribute.put("isOptional", true);
        attribute.put("cardinality", "SINGLE");
        attribute.put("isUnique", false);
        attribute.put("isIndexable", false);
        return attribute;
    }

    private ObjectNode entity(String type, String qualifiedName, String name, Map<String, Object> attributes) {
        ObjectNode entity = JSON.createObjectNode();
        entity.put("typeName", type);
        ObjectNode attrs = entity.putObject("attributes");
        attrs.put("qualifiedName", qualifiedName);
        attrs.put("name", name);
        attributes.forEach((key, value) -> attrs.set(key, JSON.valueToTree(value)));
        return entity;
    }

    private static ObjectNode reference(String type, String qualifiedName) {
        ObjectNode reference = JSON.createObjectNode();
        reference.put("typeName", type);
        reference.putObject("uniqueAttributes").put("qualifiedName", qualifiedName);
        return reference;
    }

    private String qualifiedName(DatasetRef dataset) {
        return dataset.namespace() + "/" + dataset.name() + "@" + cluster;
    }

    private String qualifiedName(ColumnRef column) {
        return qualifiedName(column, "");
    }

    private String qualifiedName(ColumnRef column, String suffix) {
        return column.dataset().namespace() + "/" + column.dataset().name() + "#" + column.column() + suffix + "@"
                + cluster;
    }
}
