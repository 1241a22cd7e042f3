package dev.lakeward.catalog.error;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Jackson quietly turns {@code 123} into {@code "123"}, {@code "true"} into {@code true} and
 * {@code 1.5} into {@code 1}, and reads the first value of a body that holds two; a field of the
 * wrong type, or a body of more than one value, is a client's mistake, answered 400 rather than
 * stored in another form.
 * Unknown fields stay ignored, so newer clients keep working.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // 1.5 is no version, no count: a whole number's field takes whole numbers only
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // {"name": "a"}{"name": "b"} is not one body: what follows the value is refused, not ignored
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
