package dev.lakeward.catalog.authz;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.BuiltInAuthorizer;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.GrantSnapshot;
import dev.lakeward.policy.RoleGroups;
import dev.lakeward.policy.SecurableType;
import dev.lakeward.policy.opa.OpaDocuments;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * An OPA bundle for a sidecar that polls: the Rego policy and the current grants, memberships and
 * the roles' groups as {@code data.lakeward}, revisioned by the grant snapshot's version. The ETag
 * lets OPA poll cheaply: an unchanged bundle is a 304; it also changes with the roles' groups, so
 * a restart that reconfigures them reaches a sidecar that holds the old bundle. For metastore
 * admins (an OPA sidecar authenticates with a token of a service principal in the admins' group),
 * as the built-in evaluator decides it.
 */
@Path("/api/lakeward/v1/opa/bundle.tar.gz")
public class OpaBundleResource {

    @Inject
    Metastore metastore;

    private static final String POLICY = "dev/lakeward/policy/rego/lakeward/authz.rego";

    @Inject
    GrantSnapshots snapshots;

    @Inject
    RoleGroups roles;

    @Inject
    BuiltInAuthorizer builtIn;

    @Inject
    AuditLog audit;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces("application/gzip")
    @Transactional
    public Response bundle(@HeaderParam("If-None-Match") String ifNoneMatch) {
        requireAdmin(caller.get());
        GrantSnapshot snapshot = snapshots.get();
        EntityTag etag = new EntityTag("v" + snapshot.version() + "-" + Integer.toHexString(roles.hashCode()));
        if (ifNoneMatch != null && ifNoneMatch.contains(etag.toString())) {
            return Response.notModified(etag).build();
        }
        return Response.ok(archive(snapshot)).tag(etag).build();
    }

    /**
     * Metastore admins, decided by the built-in evaluator whatever the configured engine: the
     * bundle is OPA's own input, so a sidecar that has none yet could never be let fetch its first.
     */
    private void requireAdmin(Caller caller) {
        Decision decision = builtIn.authorize(caller.asPrincipal(), new Check(Action.MANAGE, metastore.securable()));
        if (!decision.allowed()) {
            audit.denial(caller.name(), AuditAction.of(Action.MANAGE), SecurableType.METASTORE,
                    metastore.securable().fullName(), decision.reason());
            throw new PermissionDenied(decision.reason());
        }
    }

    private byte[] archive(GrantSnapshot snapshot) {
        try (InputStream policy = OpaBundleResource.class.getClassLoader().getResourceAsStream(POLICY)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
                add(tar, ".manifest", OpaDocuments.JSON.writeValueAsBytes(Map.of(
                        "revision", String.valueOf(snapshot.version()), "roots", List.of("lakeward"))));
                add(tar, "lakeward/authz/policy.rego", policy.readAllBytes());
                add(tar, "data.json", OpaDocuments.JSON.writeValueAsBytes(OpaDocuments.policyData(snapshot, roles)));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not build the OPA bundle", e);
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

}
