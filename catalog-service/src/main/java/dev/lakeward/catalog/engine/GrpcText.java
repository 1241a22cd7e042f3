package dev.lakeward.catalog.engine;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.lakeward.catalog.edge.ClientText;
import dev.lakeward.catalog.edge.ClientText.Kind;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine API's side of the edge rule ({@link ClientText}): every string of every request
 * message, nested and repeated ones included, may hold tab, line feed and carriage return but no
 * other control character. A message that holds one closes the call INVALID_ARGUMENT naming the
 * field, and never reaches the service (for a stream, nothing after it either).
 */
@GlobalInterceptor
@ApplicationScoped
public class GrpcText implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (refused) {
                    return;
                }
                Optional<String> problem = message instanceof Message proto ? problem(proto, "") : Optional.empty();
                if (problem.isPresent()) {
                    refused = true;
                    call.close(Status.INVALID_ARGUMENT.withDescription(problem.get()), new Metadata());
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }
        };
    }

    private static Optional<String> problem(Message message, String prefix) {
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            String name = prefix + field.getKey().getName();
            List<?> values = field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
            for (int i = 0; i < values.size(); i++) {
                String where = field.getKey().isRepeated() ? name + "[" + i + "]" : name;
                Optional<String> problem = values.get(i) instanceof Message nested ? problem(nested, where + ".")
                        : values.get(i) instanceof String text ? ClientText.problem(text, Kind.FREE_TEXT)
                                .map(p -> ClientText.fieldMessage(where, p))
                        : Optional.empty();
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }
}
