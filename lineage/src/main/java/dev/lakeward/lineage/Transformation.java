package dev.lakeward.lineage;

import java.util.Locale;
import java.util.Set;

/**
 * How a target column depends on a source column. The subtype is kept as the producer wrote it
 * (upper-cased): OpenLineage names a set of them but lets producers add their own.
 *
 * @param subtype     e.g. IDENTITY, TRANSFORMATION, AGGREGATION, JOIN, FILTER…; null when unknown
 * @param description the producer's text, e.g. {@code ON (a.id = b.id)}; may be null
 * @param masking     whether the transformation hides the source's values (a hash, a mask)
 */
public record Transformation(TransformationType type, String subtype, String description, boolean masking) {

    /** The subtypes OpenLineage documents for each type. */
    public static final Set<String> DIRECT_SUBTYPES = Set.of("IDENTITY", "TRANSFORMATION", "AGGREGATION");
    public static final Set<String> INDIRECT_SUBTYPES =
            Set.of("JOIN", "FILTER", "GROUP_BY", "SORT", "WINDOW", "CONDITIONAL");

    public Transformation {
        subtype = subtype == null || subtype.isBlank() ? null : subtype.trim().toUpperCase(Locale.ROOT);
        description = description == null || description.isBlank() ? null : description;
    }
}
