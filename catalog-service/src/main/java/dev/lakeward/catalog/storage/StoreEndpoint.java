package dev.lakeward.catalog.storage;

import java.net.URI;
import java.util.Optional;

/**
 * Where a cloud location's store answers, as its storage credential names it: an endpoint for
 * an emulator or a sovereign cloud (radosgw in the tests), and a region; empty for the cloud's
 * own defaults. Not a secret.
 */
public record StoreEndpoint(Optional<URI> url, Optional<String> region) {
}
