package dev.lakeward.catalog.sample;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A table's first rows, as the sample endpoint answers them. {@code truncated}: the table has
 * more rows than the limit; {@code truncatedValues}: some values were cut to their bound (long
 * strings, binary, collections); {@code noData}: the table has no data yet (no Delta log, no
 * files); {@code version}: the Delta snapshot read, absent for Parquet.
 */
public record Sample(List<Column> columns, List<List<Object>> rows, boolean truncated, boolean truncatedValues,
        boolean noData, Long version) {

    /** Named apart in the OpenAPI document, where a bare "Column" would say nothing. */
    @Schema(name = "SampleColumn")
    public record Column(String name, String typeText) {
    }

    static Sample empty(List<Column> columns, Long version) {
        return new Sample(columns, List.of(), false, false, true, version);
    }
}
