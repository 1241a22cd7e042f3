package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.function.FunctionService;
import dev.lakeward.catalog.model.RegisteredModelService;
import dev.lakeward.catalog.namespace.TableService;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.volume.VolumeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a schema holds, one listing per kind of object beside tables that the explorer has a page
 * for: each a full page of what the caller may see, read through that kind's own service (one
 * authorization batch per page, as the API lists them). Another kind is one more {@link Kind} and
 * one more arm in {@link #list}; the schema page shows whatever kinds there are.
 */
@ApplicationScoped
public class SchemaContents {

    /** The kinds a schema page lists, in the order it shows them. */
    public enum Kind {
        TABLES("Tables", "table"), VOLUMES("Volumes", "volume"), FUNCTIONS("Functions", "function"),
        MODELS("Registered models", "model");

        private final String label;
        private final String singular;

        Kind(String label, String singular) {
            this.label = label;
            this.singular = singular;
        }

        /** One of the kind, as the tree marks it beside a name: "volume". */
        public String singular() {
            return singular;
        }

        /** The kind's name in the page's address ({@code ?list=volumes}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return label;
        }

        /** As the empty listing says it: "No registered models you may see." */
        public String noun() {
            return label.toLowerCase(Locale.ROOT);
        }

        /** The kind a page's {@code list} names. */
        static Kind of(String id) {
            return Arrays.stream(values()).filter(kind -> kind.id().equals(id)).findFirst()
                    .orElseThrow(() -> new InvalidParameter("list must be one of " + ids() + ", not '"
                            + Names.printable(id) + "'."));
        }

        static String ids() {
            return Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", "));
        }
    }

    /** One object of a listing: its name, its page, its type badges (a table's type and format). */
    public record Entry(String name, String link, List<String> types, String owner, String comment) {
    }

    /** A page of one kind's objects. */
    public record Listing(Kind kind, Page<Entry> entries) {
    }

    @Inject
    TableService tables;

    @Inject
    VolumeService volumes;

    @Inject
    FunctionService functions;

    @Inject
    RegisteredModelService models;

    public Listing list(Caller caller, Kind kind, String catalog, String schema, String pageSize, String pageToken) {
        Page<Entry> entries = switch (kind) {
            case TABLES -> tables.list(caller, catalog, schema, pageSize, pageToken).map(t -> new Entry(t.name(),
                    PageLink.table(t.catalogName(), t.schemaName(), t.name()), types(t.tableType(), t.dataSourceFormat()),
                    t.owner(), t.comment()));
            case VOLUMES -> volumes.list(caller, catalog, schema, pageSize, pageToken).map(v -> new Entry(v.name(),
                    PageLink.volume(v.catalogName(), v.schemaName(), v.name()), types(v.volumeType()), v.owner(),
                    v.comment()));
            case FUNCTIONS -> functions.list(caller, catalog, schema, pageSize, pageToken).map(f -> new Entry(f.name(),
                    PageLink.function(f.catalogName(), f.schemaName(), f.name()), types(f.routineBody(),
                    f.externalLanguage()), f.owner(), f.comment()));
            case MODELS -> models.list(caller, catalog, schema, pageSize, pageToken).map(m -> new Entry(m.name(),
                    PageLink.model(m.catalogName(), m.schemaName(), m.name()), List.of(), m.owner(), m.comment()));
        };
        return new Listing(kind, entries);
    }

    private static List<String> types(Object... types) {
        return Stream.of(types).filter(Objects::nonNull).map(Object::toString).toList();
    }
}
