package dev.lakeward.catalog.config;

import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.FallbackConfigSourceInterceptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Settings read under the name they had before a rename, where the new name is not set (or set
 * in a source of lower priority), so existing deployments, environment variables included, keep
 * their values: {@code lakeward.authz.refresh-interval} became
 * {@code lakeward.cache.refresh-interval}, as it drives every cache, not only the grants.
 * Registered through {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}.
 */
public class RenamedProperties extends FallbackConfigSourceInterceptor {

    /** New name to former name. */
    private static final Map<String, String> FORMER = Map.of(
            "lakeward.cache.refresh-interval", "lakeward.authz.refresh-interval");

    public RenamedProperties() {
        super(FORMER);
    }

    /**
     * The names as the sources have them, less the former ones: those are read through the new
     * names only, and listed they would fail the start as names no setting maps.
     */
    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        List<String> names = new ArrayList<>();
        context.iterateNames().forEachRemaining(name -> {
            if (!FORMER.containsValue(name)) {
                names.add(name);
            }
        });
        return names.iterator();
    }
}
