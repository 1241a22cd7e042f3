package dev.lakeward.catalog.sample;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.InvalidParameter;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/lakeward/v1/tables")
@Produces(MediaType.APPLICATION_JSON)
public class SampleResource {

    @Inject
    SampleService samples;

    @Inject
    CurrentCaller caller;

    /** The table's first rows (50 unless asked; at most 1000), read through its storage credential; needs SELECT. */
    @GET
    @Path("{full_name}/sample")
    @APIResponse(responseCode = "200", description = "The columns and first rows.")
    @APIResponse(responseCode = "404", description = "The table does not exist.")
    public Sample sample(@PathParam("full_name") String fullName, @QueryParam("limit") String limit) {
        return samples.sample(caller.get(), fullName, parseLimit(limit));
    }

    private static Integer parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new InvalidParameter("limit must be a whole number from 1 to " + SampleService.MAX_LIMIT + ", not '"
                    + limit + "'.");
        }
    }
}
