package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo AKS estate written for Ferry: "shop", a web shop on AKS in westeurope with about two dozen services in six
 * namespaces ({@code storefront}, {@code checkout}, {@code catalog}, {@code payments}, {@code data}, {@code ops}),
 * chosen so that every edge shows up: public and private ingress through AGIC, Entra Workload ID, Key Vault secrets
 * through the Secrets Store CSI driver, ACR images and pull secrets, an in-cluster PostgreSQL on Azure Disk, shared
 * files on Azure Files, an internal load balancer, spot and system node pools, zone affinity and Azure Monitor
 * managed Prometheus. Secret values start with {@value #CANARY_PREFIX} so leak tests can search for them.
 *
 * <p>The estate lives as YAML files (one per namespace or concern) in this module's resources under
 * {@code dev/ferry/sandbox/demo/}; {@link #writeTo(Path)} copies them out so {@code ferry propose} can read them.
 */
public final class DemoEstate {

    /** The prefix of every Secret value in the estate. */
    public static final String CANARY_PREFIX = "FERRY-CANARY-demo-";

    /** The estate's files, in load order. */
    public static final List<String> FILES = List.of("00-platform.yaml", "01-crds.yaml", "02-nodes.yaml",
            "10-storefront.yaml", "11-checkout.yaml", "12-catalog.yaml", "13-payments.yaml", "14-data.yaml",
            "15-ops.yaml");

    /** The namespaces of the shop's workloads. */
    public static final List<String> NAMESPACES = List.of("storefront", "checkout", "catalog", "payments", "data",
            "ops");

    private static final String RESOURCE_DIR = "/dev/ferry/sandbox/demo/";

    private DemoEstate() {
    }

    /** Every object of the estate, in file order; each call returns fresh copies. */
    public static List<JsonNode> objects() {
        List<JsonNode> objects = new ArrayList<>();
        texts().forEach((file, text) -> {
            ManifestSet set = new ManifestReader().readText(file, text);
            if (!set.problems().isEmpty()) {
                throw new IllegalStateException("The demo estate file " + file + " does not parse: "
                        + set.problems().get(0));
            }
            set.objects().stream().map(KubeObject::copyBody).forEach(objects::add);
        });
        return objects;
    }

    /**
     * The CustomResourceDefinitions of the third-party kinds the estate uses (SecretProviderClass, and Azure Monitor's
     * PodMonitor and ServiceMonitor): load them first to seed a sandbox with other AKS estates that use these kinds.
     */
    public static List<JsonNode> customResourceDefinitions() {
        return objects().stream().filter(o -> o.path("kind").asText().equals("CustomResourceDefinition")).toList();
    }

    /**
     * Writes the estate's files into {@code dir} (created when missing), each to a temporary file first and then
     * moved into place; returns the paths written.
     */
    public static List<Path> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> file : texts().entrySet()) {
            Path target = dir.resolve(file.getKey());
            Path temp = Files.createTempFile(dir, "." + file.getKey(), ".tmp");
            try {
                Files.writeString(temp, file.getValue(), StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            written.add(target);
        }
        return written;
    }

    private static Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = DemoEstate.class.getResourceAsStream(RESOURCE_DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("The demo estate file " + file + " is missing from the build");
                }
                texts.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }
}
