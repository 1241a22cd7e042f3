package dev.lakeward.lineage;

/** Which way lineage is followed: to the sources of a node, or to what was made from it. */
public enum Direction {
    UPSTREAM, DOWNSTREAM
}
