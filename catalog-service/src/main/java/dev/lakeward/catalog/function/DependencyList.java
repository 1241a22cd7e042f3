package dev.lakeward.catalog.function;

import java.util.List;

/** Unity Catalog's {@code DependencyList}: the tables and functions a function's body uses, as its creator names them. */
public record DependencyList(List<Dependency> dependencies) {

    /** One dependency: a table or a function, exactly one of the two. */
    public record Dependency(TableDependency table, FunctionDependency function) {
    }

    public record TableDependency(String tableFullName) {
    }

    public record FunctionDependency(String functionFullName) {
    }
}
