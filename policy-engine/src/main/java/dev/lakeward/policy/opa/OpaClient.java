package dev.lakeward.policy.opa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/** Posts an input document to OPA's Data API and returns {@code result}; nothing else. */
public final class OpaClient {

    private final OpaConfig config;
    private final HttpClient http;

    public OpaClient(OpaConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public OpaConfig config() {
        return config;
    }

    /** The {@code result} of deciding the input; OPA answers no {@code result} for an undefined rule. */
    public JsonNode decide(OpaDocuments.Input input) throws OpaException {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(config.decisionUri())
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            OpaDocuments.JSON.writeValueAsString(new OpaDocuments.Request(input))))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new OpaException("OPA did not answer within " + config.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new OpaException("OPA was unreachable at " + config.url() + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpaException("interrupted while waiting for OPA", e);
        }
        if (response.statusCode() != 200) {
            throw new OpaException("OPA answered HTTP " + response.statusCode());
        }
        try {
            JsonNode result = OpaDocuments.JSON.readTree(response.body()).get("result");
            if (result == null) {
                throw new OpaException("OPA's answer has no result: is the policy " + config.policy() + " loaded?");
            }
            return result;
        } catch (IOException e) {
            throw new OpaException("OPA's answer is not JSON", e);
        }
    }
}
