package dev.lakeward.catalog.persistence;

import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.error.InvalidParameter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and reads the page tokens of every listing. A token is the last key of a page with an
 * HMAC-SHA256 under a key derived from the server key, which every replica shares: a token from
 * any replica continues a listing on any other, and a token a client forged, cut or altered is a
 * 400 before its key reaches a query.
 */
@ApplicationScoped
public class PageTokens {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String NOT_ISSUED = "page_token is not a token this server issued (it was altered, cut short"
            + " or made up); repeat the listing without it.";

    @Inject
    ServerKey serverKey;

    @Inject
    LakewardConfig config;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        key = new SecretKeySpec(serverKey.derived("page-tokens"), "HmacSHA256");
    }

    /**
     * Reads Unity Catalog's {@code max_results} and {@code page_token}: absent or 0 means the
     * server's page size, above it is clamped to it, below 0 or beyond 32 bits is refused.
     */
    public PageRequest request(String maxResults, String pageToken) {
        int requested = parseMaxResults(maxResults);
        int serverMax = config.page().maxResults();
        return request(requested == 0 ? serverMax : Math.min(requested, serverMax), pageToken);
    }

    /** A page of {@code size} items, for a listing that checks its own page size. */
    public PageRequest request(int size, String pageToken) {
        return new PageRequest(size, pageToken == null || pageToken.isEmpty() ? "" : read(pageToken), this);
    }

    /** The token that continues a listing after the item with this key. */
    String after(String lastKey) {
        byte[] payload = lastKey.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    private String read(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            throw new InvalidParameter(NOT_ISSUED);
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (MessageDigest.isEqual(mac, mac(payload))) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below, as any other token this server did not issue
        }
        throw new InvalidParameter(NOT_ISSUED);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Parsed here rather than by JAX-RS, which answers a malformed number with a 404. */
    private static int parseMaxResults(String maxResults) {
        if (maxResults == null || maxResults.isEmpty()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(maxResults);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter("max_results must be a whole number from 0 to " + Integer.MAX_VALUE
                + " (a page holds at most the server's page size); got '" + maxResults + "'.");
    }
}
