package dev.lakeward.catalog.edge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.lakeward.catalog.edge.ClientText.Kind;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Judges every JSON body before any resource reads it (the REST API's records, SCIM's and
 * OpenLineage's bodies read as text alike): each key at most once per object, keys without control
 * characters, string values without control characters but tab, line feed and carriage return. One
 * streaming pass over a body already bounded by {@code quarkus.http.limits.max-body-size}; a body
 * that is not JSON at all is left to the reader, which says why.
 */
@Provider
public class JsonBodyText implements ReaderInterceptor {

    private static final JsonFactory JSON = new JsonFactory();

    @Inject
    CurrentVertxRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            byte[] body = context.getInputStream().readAllBytes();
            check(body);
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    /** A body without a type is judged too: a reader may still take it for JSON. */
    private static boolean isJson(MediaType type) {
        return type == null || type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().endsWith("+json");
    }

    private void check(byte[] body) throws IOException {
        String path = request.getCurrent().normalizedPath();
        Deque<Set<String>> keys = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> keys.push(new HashSet<>());
                    case END_OBJECT -> keys.pop();
                    case FIELD_NAME -> {
                        String key = parser.currentName();
                        ClientText.problem(key, Kind.LINE).ifPresent(problem -> {
                            throw Refusals.invalid(path, "invalidValue", "A key of " + where(parser.getParsingContext()
                                    .getParent()) + " contains " + problem + "; keys may not hold control characters.");
                        });
                        if (!keys.peek().add(key)) {
                            throw Refusals.invalid(path, "invalidSyntax", "Field '" + where(parser.getParsingContext())
                                    + "' appears more than once in its object; each key may appear once.");
                        }
                    }
                    case VALUE_STRING -> ClientText.problem(parser.getText(), Kind.FREE_TEXT).ifPresent(problem -> {
                        throw Refusals.invalid(path, "invalidValue",
                                ClientText.fieldMessage(where(parser.getParsingContext()), problem));
                    });
                    default -> {
                    }
                }
            }
        } catch (JsonProcessingException notJson) {
            // the resource's reader answers it, with the message it has always given
        }
    }

    /** The JSON path of the parser's place, as messages write it: {@code changes[0].principal}. */
    private static String where(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                path.insert(0, (at.getParent() != null && !at.getParent().inRoot() ? "." : "") + at.getCurrentName());
            } else if (at.inArray()) {
                path.insert(0, "[" + Math.max(0, at.getCurrentIndex()) + "]");
            }
        }
        return path.isEmpty() ? "(the body)" : path.toString();
    }
}
