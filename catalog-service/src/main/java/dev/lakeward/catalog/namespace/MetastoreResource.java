package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.MetastoreEntity;
import dev.lakeward.catalog.namespace.Responses.MetastoreSummary;
import dev.lakeward.catalog.persistence.SecurableEntity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/2.1/unity-catalog/metastore_summary")
@Produces(MediaType.APPLICATION_JSON)
public class MetastoreResource {

    @GET
    @Transactional
    public MetastoreSummary summary() {
        MetastoreEntity metastore = MetastoreEntity.current();
        return new MetastoreSummary(metastore.id.toString(), metastore.name, metastore.storageRoot,
                metastore.owner, SecurableEntity.epochMillis(metastore.createdAt));
    }
}
