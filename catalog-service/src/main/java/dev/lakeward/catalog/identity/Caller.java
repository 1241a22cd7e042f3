package dev.lakeward.catalog.identity;

import java.util.UUID;

/** The authenticated principal a request acts as. */
public record Caller(UUID principalId, String name) {
}
