package dev.lakeward.catalog.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.lineage.LineageIngest.Ingested;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenLineage's HTTP transport, as Marquez serves it: one RunEvent per {@code POST /api/v1/lineage},
 * or many per {@code POST /api/v1/lineage/batch} (a JSON array, or {@code {"events": [...]}}).
 * The body is read as text so that the OpenLineage model, not the REST layer, judges the event.
 */
@Path("/api/v1/lineage")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OpenLineageResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LineageIngest ingest;

    @Inject
    CurrentCaller caller;

    @POST
    public Ingested event(String body) {
        return ingest.ingest(caller.get(), List.of(body == null ? "" : body));
    }

    @POST
    @Path("batch")
    public Ingested batch(String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new InvalidParameter("The batch is not valid JSON.");
        }
        JsonNode events = tree != null && tree.isObject() ? tree.get("events") : tree;
        if (events == null || !events.isArray()) {
            throw new InvalidParameter("A batch is a JSON array of events, or {\"events\": [...]}.");
        }
        List<String> bodies = new ArrayList<>(events.size());
        events.forEach(event -> bodies.add(event.toString()));
        return ingest.ingest(caller.get(), bodies);
    }
}
