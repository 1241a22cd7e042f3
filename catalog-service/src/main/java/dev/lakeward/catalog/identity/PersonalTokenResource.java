package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.identity.Principals.CreateToken;
import dev.lakeward.catalog.identity.Principals.CreatedToken;
import dev.lakeward.catalog.identity.Principals.TokenInfo;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Databricks' token API: a principal's own personal access tokens, for engines and CLIs. Create
 * (the secret is shown once), list (never the secrets), revoke.
 */
@Path("/api/2.0/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PersonalTokenResource {

    public record TokenList(List<TokenInfo> tokenInfos) {
    }

    public record RevokeToken(String tokenId) {
    }

    @Inject
    PersonalTokens tokens;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("create")
    public CreatedToken create(CreateToken request) {
        CreateToken body = request == null ? new CreateToken(null, null) : request;
        return tokens.create(caller.get(), body.lifetimeSeconds(), body.comment());
    }

    @GET
    @Path("list")
    public TokenList list() {
        return new TokenList(tokens.list(caller.get()));
    }

    @POST
    @Path("delete")
    @APIResponse(responseCode = "200", description = "Revoked: refused from the next request on.")
    @APIResponse(responseCode = "404", description = "The caller has no token with the token_id.")
    public Map<String, Object> revoke(RevokeToken request) {
        tokens.revoke(caller.get(), InvalidParameter.requireBody(request).tokenId());
        return Map.of();
    }
}
