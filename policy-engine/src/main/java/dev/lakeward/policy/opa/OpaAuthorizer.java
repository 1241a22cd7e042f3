package dev.lakeward.policy.opa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakeward.policy.Authorizer;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides a batch with Open Policy Agent: one request per batch, answered by a list of
 * {@code {"allowed", "reason"}} in the order of the checks. Fails closed: when OPA cannot answer,
 * or answers in a shape that is not that list, every check of the batch is denied and the reason
 * says why.
 */
public final class OpaAuthorizer implements Authorizer {

    private final OpaClient client;

    public OpaAuthorizer(OpaClient client) {
        this.client = client;
    }

    @Override
    public List<Decision> authorize(Principal principal, List<Check> checks) {
        if (checks.isEmpty()) {
            return List.of();
        }
        try {
            return decisions(client.decide(new OpaDocuments.Input(principal, checks)), checks.size());
        } catch (OpaException e) {
            return Collections.nCopies(checks.size(), Decision.undecided(
                    "Denied because the policy engine could not decide: " + e.getMessage() + "."));
        }
    }

    private static List<Decision> decisions(JsonNode result, int expected) throws OpaException {
        if (!result.isArray() || result.size() != expected) {
            throw new OpaException("OPA answered " + (result.isArray() ? result.size() + " decisions" : "no list")
                    + " for " + expected + " checks");
        }
        List<Decision> decisions = new ArrayList<>(expected);
        for (JsonNode item : result) {
            JsonNode allowed = item.get("allowed");
            if (allowed == null || !allowed.isBoolean()) {
                throw new OpaException("an OPA decision has no boolean 'allowed'");
            }
            String reason = item.path("reason").asText(allowed.asBoolean() ? "allowed by policy" : "denied by policy");
            decisions.add(new Decision(allowed.asBoolean(), reason));
        }
        return decisions;
    }
}
