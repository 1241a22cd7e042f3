package dev.lakeward.catalog.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** Loads parse a table's current metadata file once; a commit's new file, or another table's, is read. */
class MetadataCacheTest {

    private final List<String> reads = new ArrayList<>();
    private final MetadataCache cache = new MetadataCache(location -> {
        reads.add(location);
        return TableMetadata.newTableMetadata(new Schema(Types.NestedField.required(1, "id", Types.LongType.get())),
                PartitionSpec.unpartitioned(), "file:/lake/t", Map.of());
    });

    @Test
    void aTablesCurrentFileIsReadOnce() {
        UUID table = UUID.randomUUID();
        TableMetadata first = cache.read(table, "file:/lake/t/metadata/00000-a.metadata.json");
        TableMetadata again = cache.read(table, "file:/lake/t/metadata/00000-a.metadata.json");

        assertThat(again).isSameAs(first);
        assertThat(reads).containsExactly("file:/lake/t/metadata/00000-a.metadata.json");
    }

    @Test
    void aCommitsNewFileAndAnotherTablesAreReadAfresh() {
        UUID table = UUID.randomUUID();
        cache.read(table, "file:/lake/t/metadata/00000-a.metadata.json");
        cache.read(table, "file:/lake/t/metadata/00001-b.metadata.json");
        // the same file name registered again as a new table: its file may have been rewritten meanwhile
        cache.read(UUID.randomUUID(), "file:/lake/t/metadata/00001-b.metadata.json");

        assertThat(reads).containsExactly("file:/lake/t/metadata/00000-a.metadata.json",
                "file:/lake/t/metadata/00001-b.metadata.json", "file:/lake/t/metadata/00001-b.metadata.json");
    }
}
