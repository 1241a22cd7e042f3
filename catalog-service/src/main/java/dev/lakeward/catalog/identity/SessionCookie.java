package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.config.LakewardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The explorer's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), scoped to the explorer's paths, Secure over HTTPS, and gone when the session ends.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "lakeward_session";
    public static final String PATH = "/explorer";
    public static final String SIGN_IN = PATH + "/sign-in";

    /** RFC 3986's unreserved and sub-delimiter characters, ':', '@', '/', '?', and percent-escapes. */
    private static final Pattern URL_TEXT = Pattern.compile("(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})+");

    @Inject
    LakewardConfig config;

    @Inject
    Clock clock;

    /** The cookie carrying a session just begun. */
    public NewCookie of(BrowserSessions.Begun begun, UriInfo uri) {
        long maxAge = Math.max(0, Duration.between(clock.instant(), begun.expiresAt()).toSeconds());
        return build(begun.secret(), (int) Math.min(Integer.MAX_VALUE, maxAge), begun.expiresAt(), uri);
    }

    /** A cookie that makes the browser forget the session's. */
    public NewCookie expired(UriInfo uri) {
        return build("", 0, Instant.EPOCH, uri);
    }

    private NewCookie build(String value, int maxAge, Instant expiry, UriInfo uri) {
        return new NewCookie.Builder(NAME).value(value).path(PATH).maxAge(maxAge)
                .expiry(java.util.Date.from(expiry)).httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .secure(config.explorer().secureCookie() || "https".equals(uri.getRequestUri().getScheme()))
                .build();
    }

    /**
     * The sign-in page, to come back to {@code back} (an explorer path only: never another site)
     * and, when a session had been there, saying that it ended.
     */
    public static URI signInPage(String back, boolean ended) {
        UriBuilder page = UriBuilder.fromPath(SIGN_IN);
        if (back != null && isExplorerPath(back)) {
            page.queryParam("next", back);
        }
        if (ended) {
            page.queryParam("ended", "true");
        }
        return page.build();
    }

    /**
     * Whether a path given to come back to stays on the explorer: {@code /explorer} or below,
     * spelled only with what a URL's path and query may hold unescaped (and whole percent-escapes),
     * with no scheme, no host, and no dot segment, plain or percent-encoded (browsers resolve both).
     */
    public static boolean isExplorerPath(String back) {
        if (!URL_TEXT.matcher(back).matches()) {
            return false;
        }
        int query = back.indexOf('?');
        String path = query < 0 ? back : back.substring(0, query);
        if (!(path.equals(PATH) || path.startsWith(PATH + "/")) || path.contains("\\")) {
            return false;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i].toLowerCase(Locale.ROOT);
            String plain = segment.replace("%2e", ".");
            if (segment.isEmpty() && i < segments.length - 1 || plain.equals(".") || plain.equals("..")
                    || segment.contains("%2f") || segment.contains("%5c")) {
                return false;
            }
        }
        return true;
    }
}
