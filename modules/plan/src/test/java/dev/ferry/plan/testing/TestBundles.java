package dev.ferry.plan.testing;

import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.bundle.BundleContent;
import dev.ferry.plan.bundle.BundleWriter;
import dev.ferry.plan.report.ProposeReport;
import dev.ferry.plan.propose.ProposeService;
import java.nio.file.Path;
import java.time.Instant;

/** Writes small bundles for tests, through the same path `ferry propose` takes. */
public final class TestBundles {

    public static final String SETTINGS = """
            direction: aks-to-eks
            aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
            identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE}
            zones: {westeurope-1: eu-west-1a}
            """;

    /** A web shop: an ACR image, a Workload Identity ServiceAccount, an AGIC Ingress, a portable ConfigMap. */
    public static final String SHOP = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: web
              namespace: shop
              annotations: {azure.workload.identity/client-id: 00000000-0000-0000-0000-00000000000a}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-config, namespace: shop}
            data: {greeting: hello}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web, azure.workload.identity/use: "true"}
                spec:
                  serviceAccountName: web
                  containers:
                    - name: web
                      image: shopacr.azurecr.io/web:1.4.2
                      envFrom: [{configMapRef: {name: web-config}}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 8080}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              namespace: shop
              annotations:
                kubernetes.io/ingress.class: azure/application-gateway
                appgw.ingress.kubernetes.io/health-probe-path: /healthz
            spec:
              rules:
                - host: shop.example.com
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: web, port: {number: 80}}}
            """;

    private TestBundles() {
    }

    public static Path write(Path target, String estate, String settingsYaml) throws Exception {
        ManifestSet input = new ManifestReader().readText("estate.yaml", estate);
        MigrationSettings settings = MigrationSettings.of(Yaml.parse(settingsYaml));
        new BundleWriter(new ProposeReport()).write(new BundleContent(new ProposeService().propose(input, settings), settings,
                "test estate", input.problems(), "test", Instant.parse("2026-11-21T00:00:00Z")), target);
        return target;
    }

    public static Path shop(Path target) throws Exception {
        return write(target, SHOP, SETTINGS);
    }
}
