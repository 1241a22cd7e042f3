package dev.lakeward.catalog.deploy;

import static dev.lakeward.catalog.support.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.credentials.RealStorage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes manifests as a cluster would receive them: every overlay of
 * {@code deploy/kubernetes} rendered by {@code kubectl kustomize}, each object read into the
 * Kubernetes API's own model (fabric8's) with no field the API does not define, and checked
 * against this service: the ports it listens on, the probe paths it answers, the bundle the OPA
 * sidecar polls. No cluster runs here, so nothing is applied; the CloudNativePG {@code Cluster}, a
 * custom resource, is checked against the fields its operator documents.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("../deploy/kubernetes");
    private static final ObjectMapper YAML = new YAMLMapper();
    /**
     * Reads into fabric8's model failing on any field its class does not define: the model would
     * otherwise keep such a field aside (its any-setter) and a misspelt probe would pass unseen.
     */
    private static final ObjectMapper STRICT = new YAMLMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated member) {
                    return false;
                }
            });
    /** Secrets the manifests read and the operator (or the operator's README steps) creates. */
    private static final Set<String> EXTERNAL_SECRETS = Set.of("lakeward-db", "lakeward-db-app",
            "lakeward-encryption-key", "lakeward-opa");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Deployment", Deployment.class,
            "Service", Service.class, "ServiceAccount", ServiceAccount.class, "Namespace", Namespace.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "NetworkPolicy", NetworkPolicy.class, "ConfigMap", ConfigMap.class);

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(KUBERNETES.resolve("overlays"))) {
            return dirs.map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyOverlayRendersToObjectsTheApiAcceptsAndThisServiceAnswers(String overlay) throws Exception {
        List<HasMetadata> objects = render(KUBERNETES.resolve("overlays").resolve(overlay));
        Deployment deployment = one(objects, Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        Container lakeward = pod.getContainers().stream().filter(c -> c.getName().equals("lakeward")).findFirst()
                .orElseThrow();
        assertThat(lakeward.getImage()).isEqualTo("lakeward/lakeward:0.1.0");
        for (Container container : pod.getContainers()) {
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(container.getName()).isFalse();
            assertThat(container.getResources().getRequests()).as(container.getName()).containsKeys("cpu", "memory");
        }
        // the ports the packaged service listens on (the tests' own are random)
        Properties configured = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            configured.load(in);
        }
        int http = Integer.parseInt(configured.getProperty("quarkus.http.port", "8080"));
        int grpc = Integer.parseInt(configured.getProperty("quarkus.grpc.server.port"));
        assertThat(lakeward.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactlyInAnyOrder("http:" + http, "grpc:" + grpc);
        // the probes ask paths this service answers, on the port that serves them
        for (Probe probe : List.of(lakeward.getStartupProbe(), lakeward.getReadinessProbe(), lakeward.getLivenessProbe())) {
            HTTPGetAction get = probe.getHttpGet();
            assertThat(get.getPort().getStrVal()).isEqualTo("http");
            given().get(get.getPath()).then().statusCode(200);
        }

        Service service = one(objects, Service.class);
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort, ServicePort::getAppProtocol)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(http, "http"),
                        org.assertj.core.groups.Tuple.tuple(grpc, "kubernetes.io/h2c"));
        assertThat(one(objects, HorizontalPodAutoscaler.class).getSpec().getScaleTargetRef().getName())
                .isEqualTo(deployment.getMetadata().getName());
        assertThat(one(objects, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(one(objects, NetworkPolicy.class).getSpec().getIngress()).flatExtracting(rule -> rule.getPorts())
                .extracting(port -> port.getPort().getIntVal()).containsExactlyInAnyOrder(http, grpc);

        // what the pod refers to exists: config maps in the render, secrets among those README names
        Set<String> configMaps = new java.util.HashSet<>();
        objects.stream().filter(ConfigMap.class::isInstance).forEach(c -> configMaps.add(c.getMetadata().getName()));
        for (Container container : pod.getContainers()) {
            container.getEnv().stream().filter(e -> e.getValueFrom() != null).forEach(e -> {
                if (e.getValueFrom().getSecretKeyRef() != null) {
                    assertThat(EXTERNAL_SECRETS).contains(e.getValueFrom().getSecretKeyRef().getName());
                }
            });
            container.getEnvFrom().forEach(from -> assertThat(configMaps).contains(from.getConfigMapRef().getName()));
        }
        pod.getVolumes().stream().filter(v -> v.getConfigMap() != null)
                .forEach(v -> assertThat(configMaps).contains(v.getConfigMap().getName()));
    }

    @Test
    void cloudNativePgRunsTheDatabaseAndTheReplicasReadItsSecret() throws Exception {
        List<HasMetadata> objects = render(KUBERNETES.resolve("overlays/cloudnative-pg"));
        GenericKubernetesResource cluster = objects.stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).filter(o -> o.getKind().equals("Cluster")).findFirst()
                .orElseThrow();
        assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        JsonNode spec = YAML.valueToTree(cluster.getAdditionalProperties().get("spec"));
        assertThat(spec.path("instances").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(spec.path("storage").path("size").asText()).isNotEmpty();
        assertThat(spec.path("bootstrap").path("initdb").path("database").asText()).isEqualTo("lakeward");
        // the operator names the application's secret <cluster>-app, with username, password and jdbc-uri
        Container lakeward = one(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(lakeward.getEnv()).filteredOn(e -> e.getName().startsWith("LAKEWARD_DB_"))
                .extracting(e -> e.getValueFrom().getSecretKeyRef().getName() + "/"
                        + e.getValueFrom().getSecretKeyRef().getKey())
                .containsExactlyInAnyOrder(cluster.getMetadata().getName() + "-app/jdbc-uri",
                        cluster.getMetadata().getName() + "-app/username", cluster.getMetadata().getName() + "-app/password");
    }

    @Test
    void theOpaSidecarPollsTheBundleThisServiceServesAndTheServiceAsksIt() throws Exception {
        List<HasMetadata> objects = render(KUBERNETES.resolve("overlays/opa"));
        var containers = one(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers();
        Container lakeward = containers.stream().filter(c -> c.getName().equals("lakeward")).findFirst().orElseThrow();
        Container opa = containers.stream().filter(c -> c.getName().equals("opa")).findFirst().orElseThrow();
        Map<String, String> env = new java.util.HashMap<>();
        lakeward.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        assertThat(env).containsEntry("LAKEWARD_AUTHZ_ENGINE", "opa")
                .containsEntry("LAKEWARD_AUTHZ_OPA_URL", "http://127.0.0.1:" + opa.getPorts().get(0).getContainerPort());
        String opaConfig = one(objects, Deployment.class).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null && v.getName().equals("opa-config")).findFirst().orElseThrow()
                .getConfigMap().getName();
        JsonNode config = YAML.readTree(objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(opaConfig)).findFirst().orElseThrow().getData()
                .get("opa.yaml"));
        String base = config.path("services").path("lakeward").path("url").asText();
        String resource = config.path("bundles").path("lakeward").path("resource").asText();
        assertThat(base).startsWith("http://127.0.0.1:8080/");
        String path = base.substring("http://127.0.0.1:8080".length()) + "/" + resource;
        asAdmin().get(path).then().statusCode(200).contentType("application/gzip");
        assertThat(config.path("services").path("lakeward").path("credentials").path("bearer").path("token").asText())
                .isEqualTo("${LAKEWARD_OPA_TOKEN}");
        assertThat(opa.getEnv()).anyMatch(e -> e.getName().equals("LAKEWARD_OPA_TOKEN"));
    }

    @Test
    void aFieldTheApiDoesNotDefineIsRefused() {
        assertThatThrownBy(() -> STRICT.readValue("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
                """, Deployment.class)).isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("\"readinesProbe\"");
    }

    /** The overlay as {@code kubectl kustomize} renders it, each object in its typed model (a custom resource generic). */
    private static List<HasMetadata> render(Path overlay) throws IOException, InterruptedException {
        Process kustomize;
        try {
            kustomize = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(true).start();
        } catch (IOException noKubectl) {
            RealStorage.unavailable("No kubectl on PATH to render " + overlay + ": " + noKubectl.getMessage());
            throw noKubectl;
        }
        String rendered = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kustomize.exitValue()).as(rendered).isZero();
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(rendered)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                Class<? extends HasMetadata> kind = KINDS.getOrDefault(document.path("kind").asText(),
                        GenericKubernetesResource.class);
                // the API's own objects strictly; a custom resource's fields are its operator's
                objects.add((kind == GenericKubernetesResource.class ? YAML : STRICT).treeToValue(document, kind));
            }
        }
        return objects;
    }

    private static <T> T one(List<HasMetadata> objects, Class<T> kind) {
        List<T> found = objects.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(found).as(kind.getSimpleName()).hasSize(1);
        return found.getFirst();
    }
}
