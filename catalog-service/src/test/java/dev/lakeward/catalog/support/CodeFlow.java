package dev.lakeward.catalog.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without scripts for the authorization-code flow: follows each redirect itself (so a
 * test sees every step), keeps each host's cookies, and fills in Keycloak's login form. Like a
 * browser, it sends {@code Secure} cookies to loopback addresses over plain HTTP (Keycloak marks
 * its own Secure, and the JDK's CookieManager would drop them).
 */
public final class CodeFlow {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final LoopbackCookies cookies = new LoopbackCookies();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<URI> visited = new ArrayList<>();

    /** Every address the flow went through, in order. */
    public List<URI> visited() {
        return visited;
    }

    /** The cookie of that name the host set, if it is still set. */
    public Optional<HttpCookie> cookie(String host, String name) {
        return Optional.ofNullable(cookies.jar.getOrDefault(host, Map.of()).get(name));
    }

    /** The names of the cookies the host set that are still set. */
    public Set<String> cookieNames(String host) {
        return cookies.jar.getOrDefault(host, Map.of()).keySet();
    }

    /** GETs the address and follows redirects until a page answers; its response. */
    public HttpResponse<String> open(URI address) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(address).GET().build());
        while (response.statusCode() / 100 == 3) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        return response;
    }

    /** Signs in on the Keycloak login page the flow stopped at; the page it ends on, redirects followed. */
    public HttpResponse<String> logIn(HttpResponse<String> loginPage, String username, String password) {
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        assertThat(form.find()).as("Keycloak's login form at " + loginPage.uri()).isTrue();
        URI action = loginPage.uri().resolve(form.group(1).replace("&amp;", "&"));
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> response = send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        return response.statusCode() / 100 == 3
                ? open(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()))
                : response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        visited.add(request.uri());
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each host's cookies by name, paths and Secure set aside: enough for one sign-in on loopback. */
    private static final class LoopbackCookies extends CookieHandler {

        final Map<String, Map<String, HttpCookie>> jar = new HashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            Map<String, HttpCookie> cookies = jar.getOrDefault(uri.getHost(), Map.of());
            return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies.values().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
                if (header.getKey() == null || !header.getKey().equalsIgnoreCase("Set-Cookie")) {
                    continue;
                }
                for (String value : header.getValue()) {
                    for (HttpCookie cookie : HttpCookie.parse(value)) {
                        Map<String, HttpCookie> host = jar.computeIfAbsent(uri.getHost(), h -> new HashMap<>());
                        if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                            host.remove(cookie.getName());
                        } else {
                            host.put(cookie.getName(), cookie);
                        }
                    }
                }
            }
        }
    }
}
