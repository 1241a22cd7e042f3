package dev.lakeward.catalog.edge;

import dev.lakeward.catalog.edge.ClientText.Kind;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Judges the text of every request's path parameters, query parameters and the headers Lakeward
 * reads, before anything else runs (authentication included), so that no control character
 * reaches a service, a query or a log line. Bodies are judged by {@link JsonBodyText}.
 */
public class RequestText {

    /** The headers Lakeward reads; others are the proxies' and clients' business. */
    private static final List<String> READ_HEADERS = List.of("Authorization", "If-Match", "If-None-Match",
            "X-Request-Id");

    @ServerRequestFilter(priority = 50)
    public void check(ContainerRequestContext request, UriInfo uri) {
        String path = uri.getPath();
        check(path, "path parameter", uri.getPathParameters());
        check(path, "query parameter", uri.getQueryParameters());
        for (String header : READ_HEADERS) {
            String value = request.getHeaderString(header);
            ClientText.problem(value, Kind.LINE).ifPresent(problem -> {
                throw Refusals.invalid(path, "invalidValue", "Header '" + header + "' contains " + problem
                        + "; control characters are not allowed in headers.");
            });
        }
    }

    private static void check(String path, String what, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            ClientText.problem(name, Kind.LINE).ifPresent(problem -> {
                throw Refusals.invalid(path, "invalidValue", "The name of a " + what + " contains " + problem
                        + "; control characters are not allowed in " + what + "s.");
            });
            for (String value : parameter.getValue()) {
                ClientText.problem(value, Kind.LINE).ifPresent(problem -> {
                    throw Refusals.invalid(path, name.equals("filter") ? "invalidFilter" : "invalidValue",
                            capitalized(what) + " '" + name + "' contains " + problem
                                    + "; control characters are not allowed in " + what + "s.");
                });
            }
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
