package dev.lakeward.catalog.access;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the current request: the client's {@code X-Request-Id} when it sends a sane one, else
 * a new UUID. Audit events carry it, and responses echo it.
 */
@RequestScoped
public class RequestId {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private String value;

    void set(String fromClient) {
        value = fromClient != null && SANE.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }

    public String get() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }
}
