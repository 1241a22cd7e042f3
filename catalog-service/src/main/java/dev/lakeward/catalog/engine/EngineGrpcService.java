package dev.lakeward.catalog.engine;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.engine.AccessChecks.Question;
import dev.lakeward.catalog.engine.TableResolver.Resolved;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.model.ModelVersionCredentials;
import dev.lakeward.catalog.model.ModelVersionInfo;
import dev.lakeward.catalog.namespace.ColumnInfo;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.storage.PathCredentials;
import dev.lakeward.catalog.storage.TableCredentials;
import dev.lakeward.catalog.volume.VolumeCredentials;
import dev.lakeward.catalog.volume.VolumeInfo;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.proto.v1.AwsCredentials;
import dev.lakeward.proto.v1.AzureUserDelegationSas;
import dev.lakeward.proto.v1.CheckAccessRequest;
import dev.lakeward.proto.v1.CheckAccessResponse;
import dev.lakeward.proto.v1.Column;
import dev.lakeward.proto.v1.Decision;
import dev.lakeward.proto.v1.EngineServiceGrpc;
import dev.lakeward.proto.v1.GcpOauthToken;
import dev.lakeward.proto.v1.GenerateTemporaryPathCredentialsRequest;
import dev.lakeward.proto.v1.GenerateTemporaryTableCredentialsRequest;
import dev.lakeward.proto.v1.ModelVersionOperation;
import dev.lakeward.proto.v1.ResolveModelVersionRequest;
import dev.lakeward.proto.v1.ResolveModelVersionResponse;
import dev.lakeward.proto.v1.ResolveTableRequest;
import dev.lakeward.proto.v1.ResolveTableResponse;
import dev.lakeward.proto.v1.ResolveVolumeRequest;
import dev.lakeward.proto.v1.ResolveVolumeResponse;
import dev.lakeward.proto.v1.TableOperation;
import dev.lakeward.proto.v1.TemporaryCredentials;
import dev.lakeward.proto.v1.VolumeOperation;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.util.function.Function;

/** The engine API over gRPC: the same principals, Authorizer and vending as REST, one round trip per question. */
@GrpcService
@Blocking
public class EngineGrpcService extends EngineServiceGrpc.EngineServiceImplBase {

    @Inject
    GrpcCallers callers;

    @Inject
    TableResolver tables;

    @Inject
    TableCredentials tableCredentials;

    @Inject
    AccessChecks checks;

    @Inject
    PathCredentials paths;

    @Inject
    VolumeCredentials volumes;

    @Inject
    ModelVersionCredentials modelVersions;

    @Override
    public void resolveTable(ResolveTableRequest request, StreamObserver<ResolveTableResponse> response) {
        answer(response, caller -> {
            Resolved resolved = tables.resolve(caller, request.getFullName(), access(request.getOperation()),
                    request.getWantCredentials());
            TableInfo table = resolved.table();
            ResolveTableResponse.Builder answer = ResolveTableResponse.newBuilder().setTableId(table.tableId())
                    .setFullName(table.fullName()).setTableType(table.tableType().name())
                    .setDataSourceFormat(table.dataSourceFormat() == null ? "" : table.dataSourceFormat().name())
                    .setStorageLocation(orEmpty(table.storageLocation())).setOwner(orEmpty(table.owner()))
                    .setDecision(decision(resolved.decision()));
            for (ColumnInfo column : table.columns()) {
                answer.addColumns(Column.newBuilder().setName(column.name()).setTypeText(orEmpty(column.typeText()))
                        .setTypeName(column.typeName() == null ? "" : column.typeName().name())
                        .setPosition(column.position() == null ? 0 : column.position())
                        .setNullable(!Boolean.FALSE.equals(column.nullable())).setComment(orEmpty(column.comment())));
            }
            if (resolved.credential() != null) {
                answer.setCredentials(credentials(resolved.credential()));
            }
            return answer.build();
        });
    }

    @Override
    public void resolveVolume(ResolveVolumeRequest request, StreamObserver<ResolveVolumeResponse> response) {
        answer(response, caller -> {
            VolumeCredentials.Resolved resolved = volumes.resolve(caller, request.getFullName(),
                    request.getOperation() == VolumeOperation.WRITE_VOLUME ? AccessLevel.READ_WRITE : AccessLevel.READ,
                    request.getWantCredentials());
            VolumeInfo volume = resolved.volume();
            ResolveVolumeResponse.Builder answer = ResolveVolumeResponse.newBuilder().setVolumeId(volume.volumeId())
                    .setFullName(volume.fullName()).setVolumeType(volume.volumeType().name())
                    .setStorageLocation(volume.storageLocation()).setOwner(orEmpty(volume.owner()))
                    .setDecision(decision(resolved.decision()));
            if (resolved.credential() != null) {
                answer.setCredentials(credentials(resolved.credential()));
            }
            return answer.build();
        });
    }

    @Override
    public void resolveModelVersion(ResolveModelVersionRequest request,
            StreamObserver<ResolveModelVersionResponse> response) {
        answer(response, caller -> {
            if (request.getVersion() < 1) {
                throw new InvalidParameter("version must be 1 or more.");
            }
            ModelVersionCredentials.Resolved resolved = modelVersions.resolve(caller, request.getFullName(),
                    request.getVersion(), request.getOperation() == ModelVersionOperation.READ_WRITE_MODEL_VERSION
                            ? AccessLevel.READ_WRITE : AccessLevel.READ, request.getWantCredentials());
            ModelVersionInfo version = resolved.version();
            ResolveModelVersionResponse.Builder answer = ResolveModelVersionResponse.newBuilder()
                    .setModelVersionId(version.id()).setModelFullName(String.join(".", version.catalogName(),
                            version.schemaName(), version.modelName()))
                    .setVersion(version.version()).setStatus(version.status().name()).setSource(orEmpty(version.source()))
                    .setRunId(orEmpty(version.runId())).setStorageLocation(version.storageLocation())
                    .setDecision(decision(resolved.decision()));
            if (resolved.credential() != null) {
                answer.setCredentials(credentials(resolved.credential()));
            }
            return answer.build();
        });
    }

    @Override
    public void checkAccess(CheckAccessRequest request, StreamObserver<CheckAccessResponse> response) {
        answer(response, caller -> {
            CheckAccessResponse.Builder answer = CheckAccessResponse.newBuilder();
            checks.check(caller, request.getChecksList().stream()
                            .map(c -> new Question(c.getSecurableType(), c.getFullName(), c.getPrivilege())).toList())
                    .forEach(d -> answer.addDecisions(decision(d)));
            return answer.build();
        });
    }

    @Override
    public void generateTemporaryTableCredentials(GenerateTemporaryTableCredentialsRequest request,
            StreamObserver<TemporaryCredentials> response) {
        answer(response, caller -> credentials(tableCredentials.vend(caller, request.getTableId(),
                access(request.getOperation()))));
    }

    @Override
    public void generateTemporaryPathCredentials(GenerateTemporaryPathCredentialsRequest request,
            StreamObserver<TemporaryCredentials> response) {
        answer(response, caller -> credentials(paths.vend(caller, request.getUrl(),
                PathCredentials.PathOperation.parse(request.getOperation().name()))));
    }

    /**
     * Authenticates and answers; a failure is answered by GrpcErrors. A call its client gave up on
     * before a worker took it (its deadline passed while it queued, or it was cancelled) is
     * refused with that status and not started: nothing is read, vended or audited for an answer
     * no one waits for. One given up on while it runs is not answered.
     */
    private <T> void answer(StreamObserver<T> response, Function<Caller, T> body) {
        Context call = Context.current();
        if (call.isCancelled()) {
            response.onError(Contexts.statusFromCancelled(call).asRuntimeException());
            return;
        }
        T answer = body.apply(callers.current(call));
        if (!call.isCancelled()) {
            response.onNext(answer);
            response.onCompleted();
        }
    }

    static TemporaryCredentials credentials(TemporaryCredential credential) {
        TemporaryCredentials.Builder answer = TemporaryCredentials.newBuilder().setUrl(credential.url())
                .setExpirationTime(credential.expiration().toEpochMilli());
        switch (credential.secret()) {
            case TemporaryCredential.AwsSession aws -> answer.setAwsTempCredentials(AwsCredentials.newBuilder()
                    .setAccessKeyId(aws.accessKeyId()).setSecretAccessKey(aws.secretAccessKey())
                    .setSessionToken(aws.sessionToken()));
            case TemporaryCredential.AzureSas azure -> answer.setAzureUserDelegationSas(
                    AzureUserDelegationSas.newBuilder().setSasToken(azure.sasToken()));
            case TemporaryCredential.GcpToken gcp -> answer.setGcpOauthToken(
                    GcpOauthToken.newBuilder().setOauthToken(gcp.oauthToken()));
            case TemporaryCredential.None none -> {
            }
        }
        return answer.build();
    }

    private static Decision decision(dev.lakeward.policy.Decision decision) {
        return Decision.newBuilder().setAllowed(decision.allowed()).setReason(orEmpty(decision.reason())).build();
    }

    private static AccessLevel access(TableOperation operation) {
        return operation == TableOperation.READ_WRITE ? AccessLevel.READ_WRITE : AccessLevel.READ;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
