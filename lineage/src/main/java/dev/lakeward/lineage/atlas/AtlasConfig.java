package dev.lakeward.lineage.atlas;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Where Apache Atlas is, and the user its basic authentication knows Lakeward as. */
public record AtlasConfig(URI url, String username, String password, Duration timeout) {

    public AtlasConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Masks the password, so a logged config leaks nothing. */
    @Override
    public String toString() {
        return "AtlasConfig[url=" + url + ", username=" + username + ", password=***, timeout=" + timeout + "]";
    }
}
