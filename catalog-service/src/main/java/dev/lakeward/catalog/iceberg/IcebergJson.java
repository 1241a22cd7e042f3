package dev.lakeward.catalog.iceberg;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import org.apache.iceberg.rest.RESTMessage;
import org.apache.iceberg.rest.RESTRequest;
import org.apache.iceberg.rest.RESTSerializers;

/**
 * The protocol's bodies as Iceberg's own parsers read and write them ({@link RESTSerializers}), on
 * a mapper of this package alone, so that the application's mapper is left as it is. A body that
 * does not parse, or parses into a request Iceberg itself would refuse, is a 400 naming why.
 */
final class IcebergJson {

    /** Configured as Iceberg's own client configures its mapper: the messages are beans of kebab-case fields. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);

    static {
        RESTSerializers.registerAll(MAPPER);
    }

    private IcebergJson() {
    }

    /** The request of the body, as Iceberg would accept it. */
    static <T extends RESTRequest> T read(String body, Class<T> type) {
        return validate(parse(body, type));
    }

    /** The request of the body, for a service that checks some of it first ({@link #validate} after). */
    static <T extends RESTRequest> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidParameter("A JSON request body is required.");
        }
        T request;
        try {
            request = MAPPER.readValue(body, type);
        } catch (JsonProcessingException notJson) {
            throw new InvalidParameter("The request body is not a valid " + type.getSimpleName() + ": "
                    + Names.printable(notJson.getOriginalMessage()));
        } catch (RuntimeException refused) {
            // Iceberg's parsers refuse a missing or mistyped field with an unchecked exception
            throw new InvalidParameter("The request body is not a valid " + type.getSimpleName() + ": "
                    + Names.printable(String.valueOf(refused.getMessage())));
        }
        if (request == null) {
            throw new InvalidParameter("A JSON request body is required.");
        }
        return request;
    }

    static <T extends RESTRequest> T validate(T request) {
        try {
            request.validate();
        } catch (RuntimeException invalid) {
            throw new InvalidParameter("Invalid " + request.getClass().getSimpleName() + ": " + Names.printable(
                    String.valueOf(invalid.getMessage())));
        }
        return request;
    }

    static String write(RESTMessage message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Iceberg's serializers write every message they register", e);
        }
    }
}
