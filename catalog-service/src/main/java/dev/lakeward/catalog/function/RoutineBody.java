package dev.lakeward.catalog.function;

/** Unity Catalog's {@code routine_body}: the language a function is written in. */
public enum RoutineBody {
    /** A SQL expression or query, in {@code routine_definition}. */
    SQL,
    /** Another language, named by {@code external_language} (e.g. PYTHON). */
    EXTERNAL
}
