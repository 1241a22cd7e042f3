package dev.lakeward.catalog.storage;

import jakarta.ws.rs.Path;

/** The same calls at Databricks' {@code /api/2.0/unity-catalog}, for clients configured against Databricks. */
@Path("/api/2.0/unity-catalog")
public class DatabricksTemporaryCredentialsResource extends TemporaryCredentialsResource {
}
