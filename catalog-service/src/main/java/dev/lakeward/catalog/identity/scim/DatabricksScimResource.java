package dev.lakeward.catalog.identity.scim;

import jakarta.ws.rs.Path;

/** The same SCIM endpoints where Databricks serves them, for clients configured against Databricks. */
@Path("/api/2.0/preview/scim/v2")
public class DatabricksScimResource extends ScimResource {
}
