package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.delta.PreviewCommitMessages.CommitRequest;
import dev.lakeward.catalog.delta.PreviewCommitMessages.GetCommitsRequest;
import dev.lakeward.catalog.delta.PreviewCommitMessages.GetCommitsResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code /delta/preview/commits} of {@code all.yaml} (its listing is a GET with a body, as the
 * spec has it); errors in the Unity Catalog API's shape, as the rest of {@code all.yaml}.
 */
@Path("/api/2.1/unity-catalog/delta/preview/commits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewCommitsResource {

    @Inject
    PreviewCommits commits;

    @Inject
    CurrentCaller caller;

    @GET
    public GetCommitsResponse commits(GetCommitsRequest request) {
        return commits.commits(caller.get(), request);
    }

    /** An accepted commit is answered with an empty object ({@code DeltaCommitResponse}). */
    @POST
    public Map<String, Object> commit(CommitRequest request) {
        commits.commit(caller.get(), request);
        return Map.of();
    }
}
