package dev.lakeward.catalog.error;

/** Unity Catalog's error body. */
public record ErrorResponse(String errorCode, String message) {
}
