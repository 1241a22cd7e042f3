package dev.lakeward.policy.opa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Principal;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The input document is generated from the evaluator's records; its published JSON Schema is what
 * policy authors write Rego against. Every action and securable type must fit it.
 */
class OpaInputSchemaTest {

    @Test
    void generatedInputFitsThePublishedSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/dev/lakeward/policy/opa/input.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Securable metastore = new Securable(SecurableType.METASTORE, "m", "lakeward", "admin", null);
        List<Check> checks = Arrays.stream(Action.values()).flatMap(action -> Arrays.stream(SecurableType.values())
                .map(type -> new Check(action, new Securable(type, "id", "name", null, metastore)))).toList();
        for (Principal.Kind kind : Principal.Kind.values()) {
            JsonNode input = OpaDocuments.JSON.valueToTree(new OpaDocuments.Input(new Principal("p", kind), checks));
            assertThat(schema.validate(input)).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsADocumentOfAnotherShape() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/dev/lakeward/policy/opa/input.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode wrong = OpaDocuments.JSON.readTree("""
                {"principal": {"name": "p", "kind": "USER"}, "checks": [{"action": "DROP", "securable": {}}]}""");
        assertThat(schema.validate(wrong)).isNotEmpty();
    }
}
