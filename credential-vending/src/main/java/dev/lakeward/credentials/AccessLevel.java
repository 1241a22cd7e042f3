package dev.lakeward.credentials;

/** What a vended credential may do under its location. */
public enum AccessLevel {
    /** Read and list. */
    READ,
    /** Read, list, write and delete. */
    READ_WRITE
}
