package dev.lakeward.catalog.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.Unavailable;
import dev.lakeward.catalog.namespace.ColumnInfo;
import dev.lakeward.catalog.namespace.ColumnTypeName;
import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TableType;
import dev.lakeward.catalog.support.TableFixtures;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sample reader on tables as writers leave them, on the local disk: no service, no Quarkus. */
class SampleReaderTest {

    private static final StructType ID_NAME = new StructType().add("id", IntegerType.INTEGER).add("name", StringType.STRING);
    private static final List<ColumnInfo> ID_NAME_COLUMNS = List.of(column("id", ColumnTypeName.INT, 0),
            column("name", ColumnTypeName.STRING, 1));

    private final SampleReader reader = new SampleReader(Duration.ofSeconds(30));

    @TempDir
    Path dir;

    @Test
    void deltaReadsTheLatestSnapshotThroughACheckpointWithoutTheFilesLaterCommitsRemoved() throws Exception {
        Path location = dir.resolve("orders");
        TableFixtures.DeltaTable table = TableFixtures.delta(location, ID_NAME)
                .append(List.of(new Object[] {1, "removed-a"}, new Object[] {2, "removed-b"}));
        String first = table.files().getFirst();
        table.append(List.<Object[]>of(new Object[] {3, "kept"}))
                .remove(first)
                .checkpointAndDropEarlierCommits()
                .append(List.<Object[]>of(new Object[] {4, "after-checkpoint"}));
        assertThat(location.resolve("_delta_log/00000000000000000002.checkpoint.parquet")).exists();
        // the adds of both first commits are now only in the checkpoint
        assertThat(location.resolve("_delta_log/00000000000000000000.json")).doesNotExist();
        assertThat(location.resolve("_delta_log/00000000000000000001.json")).doesNotExist();

        Sample sample = read(delta(location, ID_NAME_COLUMNS), 50);

        assertThat(sample.version()).isEqualTo(3L);
        assertThat(sample.columns()).containsExactly(new Sample.Column("id", "int"), new Sample.Column("name", "string"));
        assertThat(sorted(sample.rows())).containsExactly(List.of(3, "kept"), List.of(4, "after-checkpoint"));
        assertThat(sample.truncated()).isFalse();
        assertThat(sample.noData()).isFalse();
    }

    @Test
    void deltaPartitionValuesComeBackFromTheLog() {
        Path location = dir.resolve("by_region");
        StructType schema = new StructType().add("id", IntegerType.INTEGER).add("region", StringType.STRING);
        TableFixtures.delta(location, schema, "region")
                .append(Map.of("region", Literal.ofString("eu")), List.<Object[]>of(new Object[] {1, "eu"}))
                .append(Map.of("region", Literal.ofString("us")), List.of(new Object[] {2, "us"}, new Object[] {3, "us"}));
        assertThat(location.resolve("region=eu")).isDirectory();

        Sample sample = read(delta(location, List.of()), 50);

        assertThat(sorted(sample.rows())).containsExactly(List.of(1, "eu"), List.of(2, "us"), List.of(3, "us"));
    }

    @Test
    void parquetIsReadByTheCatalogsColumnsSkippingMarkerFiles() throws Exception {
        Path location = dir.resolve("events");
        StructType schema = new StructType().add("id", IntegerType.INTEGER).add("big", LongType.LONG)
                .add("amount", new DecimalType(10, 2)).add("day", DateType.DATE).add("at", TimestampType.TIMESTAMP)
                .add("note", StringType.STRING);
        long at = Instant.parse("2026-03-04T05:06:07.123456Z").getEpochSecond() * 1_000_000 + 123_456;
        TableFixtures.parquet(location, schema, List.<Object[]>of(new Object[] {1, 1L << 60, new BigDecimal("12.34"),
                (int) LocalDate.parse("2026-03-04").toEpochDay(), at, "x".repeat(5000)}));
        Files.writeString(location.resolve("_SUCCESS"), "not parquet");
        Files.writeString(location.resolve(".part-0.crc"), "not parquet");
        List<ColumnInfo> columns = List.of(column("id", ColumnTypeName.INT, 0), column("big", ColumnTypeName.LONG, 1),
                new ColumnInfo("amount", "decimal(10,2)", null, ColumnTypeName.DECIMAL, 10, 2, null, 2, null, true, null),
                column("day", ColumnTypeName.DATE, 3), column("at", ColumnTypeName.TIMESTAMP, 4),
                column("note", ColumnTypeName.STRING, 5));

        Sample sample = read(table(DataSourceFormat.PARQUET, location, columns), 50);

        assertThat(sample.columns()).extracting(Sample.Column::typeText)
                .containsExactly("int", "bigint", "decimal(10,2)", "date", "timestamp", "string");
        List<Object> row = sample.rows().getFirst();
        assertThat(row.subList(0, 5)).containsExactly(1, Long.toString(1L << 60), "12.34", "2026-03-04",
                "2026-03-04T05:06:07.123456Z");
        assertThat((String) row.get(5)).hasSize(Cells.MAX_STRING + 1).endsWith("…");
        assertThat(sample.truncatedValues()).isTrue();
        assertThat(sample.version()).isNull();
    }

    @Test
    void theLimitHoldsAcrossFilesAndSaysWhetherThereIsMore() {
        Path location = dir.resolve("many");
        for (int file = 0; file < 3; file++) {
            int base = file * 2;
            TableFixtures.parquet(location, ID_NAME, List.of(new Object[] {base, "r" + base}, new Object[] {base + 1, "r" + (base + 1)}));
        }
        TableInfo table = table(DataSourceFormat.PARQUET, location, ID_NAME_COLUMNS);

        Sample three = read(table, 3);
        assertThat(three.rows()).hasSize(3);
        assertThat(three.truncated()).isTrue();
        Sample all = read(table, 6);
        assertThat(sorted(all.rows())).extracting(r -> r.get(0)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(all.truncated()).isFalse();

        Path deltaLocation = dir.resolve("many_delta");
        TableFixtures.DeltaTable delta = TableFixtures.delta(deltaLocation, ID_NAME);
        IntStream.range(0, 3).forEach(i -> delta.append(List.of(new Object[] {i, "a"}, new Object[] {i + 10, "b"})));
        Sample deltaThree = read(delta(deltaLocation, ID_NAME_COLUMNS), 3);
        assertThat(deltaThree.rows()).hasSize(3);
        assertThat(deltaThree.truncated()).isTrue();
    }

    @Test
    void aTableWithNoDataYetHasNoRowsAndSaysSo() throws Exception {
        Sample delta = read(delta(dir.resolve("never_written"), ID_NAME_COLUMNS), 50);
        assertThat(delta.noData()).isTrue();
        assertThat(delta.rows()).isEmpty();
        assertThat(delta.columns()).extracting(Sample.Column::name).containsExactly("id", "name");

        Files.createDirectories(dir.resolve("empty_parquet"));
        Sample parquet = read(table(DataSourceFormat.PARQUET, dir.resolve("empty_parquet"), ID_NAME_COLUMNS), 50);
        assertThat(parquet.noData()).isTrue();
        assertThat(parquet.rows()).isEmpty();
    }

    @Test
    void aFormatItCannotReadIsRefusedBeforeAnyFileIsOpened() {
        AtomicBoolean opened = new AtomicBoolean();
        for (DataSourceFormat format : List.of(DataSourceFormat.CSV, DataSourceFormat.JSON, DataSourceFormat.ICEBERG)) {
            assertThatThrownBy(() -> reader.read(table(format, dir, ID_NAME_COLUMNS), 50, () -> {
                opened.set(true);
                return new LocalFileIO(dir);
            })).isInstanceOf(FailedPrecondition.class).hasMessageContaining("stored as " + format)
                    .hasMessageContaining("cannot be sampled");
        }
        TableInfo view = new TableInfo("v", "c", "s", "c.s.v", TableType.VIEW, null, List.of(), null, null, Map.of(),
                "o", 0L, "o", 0L, "o", "id", "select 1");
        assertThatThrownBy(() -> reader.read(view, 50, () -> {
            opened.set(true);
            return new LocalFileIO(dir);
        })).isInstanceOf(FailedPrecondition.class).hasMessageContaining("is a view");
        assertThat(opened).isFalse();
    }

    @Test
    void filesThatAreNotParquetOrDeltaAreTheTablesFaultNotTheServers() throws Exception {
        Path location = dir.resolve("garbage");
        Files.createDirectories(location);
        Files.writeString(location.resolve("part-0.parquet"), "these are not the rows you are looking for");
        assertThatThrownBy(() -> read(table(DataSourceFormat.PARQUET, location, ID_NAME_COLUMNS), 50))
                .isInstanceOf(FailedPrecondition.class)
                .hasMessageStartingWith("The files of table 'c.s.t' cannot be read as a PARQUET table: file 'part-0.parquet': ")
                .hasMessageContaining("is not a Parquet file").hasMessageNotContaining("@");

        Path log = dir.resolve("bad_delta/_delta_log");
        Files.createDirectories(log);
        Files.writeString(log.resolve("00000000000000000000.json"), "{not json");
        assertThatThrownBy(() -> read(delta(dir.resolve("bad_delta"), ID_NAME_COLUMNS), 50))
                .isInstanceOf(FailedPrecondition.class)
                .hasMessageStartingWith("The files of table 'c.s.t' cannot be read as a DELTA table: ");
    }

    @Test
    void aLogThatNamesAnotherTablesFilesReadsNothingOfThem() throws Exception {
        TableFixtures.DeltaTable victim = TableFixtures.delta(dir.resolve("victim"), ID_NAME)
                .append(List.<Object[]>of(new Object[] {41, "secret"}));
        TableFixtures.DeltaTable thief = TableFixtures.delta(dir.resolve("thief"), ID_NAME)
                .append(List.<Object[]>of(new Object[] {1, "mine"}));
        String stolen = dir.resolve("victim").resolve(victim.files().getFirst()).toUri().toString();
        long size = Files.size(dir.resolve("victim").resolve(victim.files().getFirst()));
        for (String path : List.of(stolen, "../victim/" + victim.files().getFirst())) {
            Files.writeString(dir.resolve("thief/_delta_log/00000000000000000002.json"), """
                    {"add":{"path":"%s","partitionValues":{},"size":%d,"modificationTime":1,"dataChange":true}}
                    """.formatted(path, size));
            assertThatThrownBy(() -> read(delta(dir.resolve("thief"), ID_NAME_COLUMNS), 50))
                    .isInstanceOf(FailedPrecondition.class).hasMessageNotContaining("secret");
        }
        Files.delete(dir.resolve("thief/_delta_log/00000000000000000002.json"));
        Files.createSymbolicLink(dir.resolve("thief/linked"), dir.resolve("victim"));
        assertThat(read(delta(dir.resolve("thief"), ID_NAME_COLUMNS), 50).rows()).containsExactly(List.of(1, "mine"));
        Path parquet = dir.resolve("linked_parquet");
        Files.createDirectories(parquet);
        Files.createSymbolicLink(parquet.resolve("elsewhere"), dir.resolve("victim"));
        assertThat(read(table(DataSourceFormat.PARQUET, parquet, ID_NAME_COLUMNS), 50).noData()).isTrue();
        assertThat(thief.files()).hasSize(1);
    }

    @Test
    @Timeout(20)
    void storageThatHangsIsRefusedInTime() {
        CountDownLatch never = new CountDownLatch(1);
        ReadOnlyFileIO hanging = new ReadOnlyFileIO() {
            @Override
            CloseableIterator<FileStatus> listTree(String directory) throws java.io.IOException {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new java.io.IOException("interrupted");
            }

            @Override
            public CloseableIterator<FileStatus> listFrom(String filePath) {
                throw new UnsupportedOperationException();
            }

            @Override
            public FileStatus getFileStatus(String path) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String resolvePath(String path) {
                return path;
            }

            @Override
            public InputFile newInputFile(String path, long fileSize) {
                throw new UnsupportedOperationException();
            }
        };
        SampleReader impatient = new SampleReader(Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThatThrownBy(() -> impatient.read(table(DataSourceFormat.PARQUET, dir, ID_NAME_COLUMNS), 50, () -> hanging))
                .isInstanceOf(Unavailable.class).hasMessageContaining("did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    private Sample read(TableInfo table, int limit) {
        return reader.read(table, limit, () -> new LocalFileIO(LocalFileIO.path(table.storageLocation())));
    }

    private static TableInfo delta(Path location, List<ColumnInfo> columns) {
        return table(DataSourceFormat.DELTA, location, columns);
    }

    private static TableInfo table(DataSourceFormat format, Path location, List<ColumnInfo> columns) {
        return new TableInfo("t", "c", "s", "c.s.t", TableType.EXTERNAL, format, columns, location.toUri().toString(),
                null, Map.of(), "o", 0L, "o", 0L, "o", "id", null);
    }

    private static ColumnInfo column(String name, ColumnTypeName type, int position) {
        return new ColumnInfo(name, type.name().toLowerCase(), null, type, null, null, null, position, null, true, null);
    }

    /** Rows in the order of their first value: file order is the writer's, not part of what is read. */
    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(r -> (Integer) r.getFirst()));
        return sorted;
    }
}
