package dev.ferry.cli.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.sandbox.DemoEstate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's round trip: the demo AKS estate proposed to EKS, and the proposed objects proposed back to AKS with
 * settings that name what the first run could not carry (the original client ids, Key Vault names, ACR). Portable
 * objects must come back byte for byte; every other difference must be one listed in {@link #EXPECTED} with its reason,
 * and every listed difference must still occur, so the list stays true.
 */
class AksRoundTripTest {

    static final String AKS_TO_EKS = """
            direction: aks-to-eks
            aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
            identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE}
            registry: {map: {shopacr.azurecr.io: 111122223333.dkr.ecr.eu-west-1.amazonaws.com}}
            ingress: {controller: alb, certificates: {shop-tls: "arn:aws:acm:eu-west-1:111122223333:certificate/0000"}}
            storage: {efsFileSystemId: fs-0123456789abcdef0}
            secrets:
              nameMap:
                shop-checkout-kv/checkout-signing-key: shop-checkout-kv/checkout-signing-key
                shop-checkout-kv/orders-servicebus-connection: shop-checkout-kv/orders-servicebus-connection
                shop-payments-kv/psp-api-key: shop-payments-kv/psp-api-key
                shop-payments-kv/payments-signing-cert: shop-payments-kv/payments-signing-cert
                shop-payments-kv/ledger-db-password: shop-payments-kv/ledger-db-password
            zones: {westeurope-1: eu-west-1a, westeurope-2: eu-west-1b, westeurope-3: eu-west-1c}
            """;

    static final String EKS_TO_AKS = """
            direction: eks-to-aks
            azure: {subscriptionId: 00000000-0000-0000-0000-000000000001, tenantId: 72f988bf-0000-4000-8000-00000000cafe,
                    resourceGroup: shop-rg, location: westeurope, clusterName: shop-aks}
            registry: {acrLoginServer: shopacr.azurecr.io}
            ingress: {controller: agic, certificates: {"arn:aws:acm:eu-west-1:111122223333:certificate/0000": shop-tls}}
            identity:
              clientIds:
                storefront/storefront-web: 3f2b6c1e-8d4a-4b7e-9a1c-2d5e6f708192
                storefront/storefront-bff: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
                checkout/checkout-api: 1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f
                checkout/order-worker: 6e5d4c3b-2a19-4f8e-9d7c-6b5a49382716
                catalog/catalog-api: 0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                catalog/catalog-importer: 2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819
                payments/payments-api: 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d
                payments/fraud-scoring: 8f9e0d1c-2b3a-4c4d-9e5f-6a7b8c9d0e1f
            keyVault: {names: {shop-checkout-kv/: shop-checkout-kv, shop-payments-kv/: shop-payments-kv}}
            zones: {eu-west-1a: westeurope-1, eu-west-1b: westeurope-2, eu-west-1c: westeurope-3}
            """;

    /** A difference the round trip is allowed to show: resource and path patterns, and why it remains. */
    record Expected(String resource, String path, String reason) {
        boolean matches(RoundTrip.Difference difference) {
            return difference.resource().matches(resource) && difference.path().matches(path);
        }
    }

    private static final String LOST = "\\(lost\\)";
    private static final String GAINED = "\\(gained\\)";
    private static final String POD_TEMPLATE = "(/spec/jobTemplate)?/spec/template/spec";

    static final List<Expected> EXPECTED = List.of(
            new Expected("StorageClass/(default|managed-csi|managed-csi-premium|azurefile-csi)", LOST,
                    "AKS creates its built-in StorageClasses itself; the way back leaves them to AKS (their "
                            + "parameters are immutable), so the AKS cluster has them as the original did"),
            new Expected("CustomResourceDefinition/secretproviderclasses\\.secrets-store\\.csi\\.x-k8s\\.io", LOST,
                    "the Secrets Store CSI driver's add-on installs its CRD on either cloud; carried neither way"),
            new Expected("CustomResourceDefinition/(pod|service)monitors\\.azmonitoring\\.coreos\\.com", LOST,
                    "the AKS managed Prometheus add-on installs its CRDs; nothing on EKS reads them"),
            new Expected("Secret/(checkout|catalog|data)/acr-pull", LOST,
                    "AKS pulls from ACR with the kubelet identity (--attach-acr), EKS from ECR with the node role: "
                            + "the ACR pull secret is dropped and not needed on the way back"),
            new Expected("(ServiceAccount|Deployment|StatefulSet|CronJob|Job)/.*",
                    "(/imagePullSecrets|" + POD_TEMPLATE + "/imagePullSecrets)",
                    "references to the dropped ACR pull secret are removed"),
            new Expected("ServiceAccount/storefront/storefront-web",
                    "/metadata/annotations/azure\\.workload\\.identity~1tenant-id",
                    "the tenant-id annotation repeated the cluster's tenant; Workload ID uses the cluster's tenant "
                            + "without it, so the way back does not write it"),
            new Expected("(Deployment|CronJob|DaemonSet)/.*", POD_TEMPLATE + "/tolerations",
                    "the AKS spot toleration became the Karpenter spot toleration on EKS; the way back adds the AKS "
                            + "toleration again and keeps the Karpenter one, which is harmless on AKS"),
            new Expected("IngressClass/azure-application-gateway", "/metadata/labels",
                    "the AGIC add-on's own labels on its IngressClass are not carried; the way back generates the "
                            + "class, which the add-on also creates"),
            new Expected("Ingress/storefront/storefront",
                    "/metadata/annotations/appgw\\.ingress\\.kubernetes\\.io~1waf-policy-for-path",
                    "the per-path WAF policy has no ALB annotation (a WAF web ACL is attached to the ALB), so it is "
                            + "lost with an action-required finding"),
            new Expected("Ingress/storefront/storefront",
                    "/metadata/annotations/appgw\\.ingress\\.kubernetes\\.io~1use-private-ip",
                    "the ALB scheme comes back as AGIC's explicit `use-private-ip: \"false\"`, its default"),
            new Expected("Ingress/(payments/payments-webhooks|ops/status-page)",
                    "/metadata/annotations/appgw\\.ingress\\.kubernetes\\.io~1health-probe-status-codes",
                    "AGIC's default probe status codes were written out for the ALB (whose default is 200) and come "
                            + "back written out"),
            new Expected("SecretProviderClass/(checkout/checkout-kv|payments/payments-kv)",
                    "/spec/parameters/tenantI[dD]",
                    "the tenant comes back under the provider's current key `tenantID` (`tenantId` is the "
                            + "deprecated spelling the provider still reads)"),
            new Expected("SecretProviderClass/payments/payments-kv", "/spec/parameters/usePodIdentity",
                    "the provider's default `usePodIdentity: \"false\"` is written out"),
            new Expected("SecretProviderClass/payments/payments-kv", "/spec/parameters/objects",
                    "a Key Vault certificate travels as a Secrets Manager secret and comes back as objectType "
                            + "secret (which returns the certificate with its private key)"),
            new Expected("Service/payments/payments-gateway",
                    "/metadata/annotations/service\\.beta\\.kubernetes\\.io~1azure-load-balancer-health-probe-"
                            + "(interval|num-of-probe)",
                    "the Azure load balancer's default probe interval and count were written out for the NLB and "
                            + "come back written out"),
            new Expected("Service/payments/payments-gateway",
                    "/metadata/annotations/service\\.beta\\.kubernetes\\.io~1azure-load-balancer-internal-subnet",
                    "the internal load balancer's subnet name has no NLB counterpart (NLB takes subnet ids, asked "
                            + "for as an action-required finding), so it is lost"));

    @TempDir
    Path dir;

    private RoundTrip roundTrip() throws Exception {
        Path estate = dir.resolve("demo");
        DemoEstate.writeTo(estate);
        ManifestSet input = new ManifestReader().read(List.of(estate));
        assertThat(input.problems()).isEmpty();
        return RoundTrip.run(input, MigrationSettings.of(Yaml.parse(AKS_TO_EKS)),
                MigrationSettings.of(Yaml.parse(EKS_TO_AKS)));
    }

    @Test
    void theDemoEstateComesBackFromEksWithOnlyTheListedDifferences() throws Exception {
        RoundTrip trip = roundTrip();
        List<RoundTrip.Difference> differences = trip.differences();

        List<String> unlisted = differences.stream().filter(d -> EXPECTED.stream().noneMatch(e -> e.matches(d)))
                .map(RoundTrip.Difference::toString).toList();
        List<String> stale = EXPECTED.stream().filter(e -> differences.stream().noneMatch(e::matches))
                .map(e -> e.resource() + " " + e.path() + " (" + e.reason() + ")").toList();

        assertThat(unlisted).as("differences the round trip shows that EXPECTED does not explain").isEmpty();
        assertThat(stale).as("EXPECTED differences that no longer occur: remove them").isEmpty();
        assertThat(trip.there.problems()).isEmpty();
        assertThat(trip.back.problems()).isEmpty();
    }

    @Test
    void portableObjectsComeBackByteForByte() throws Exception {
        RoundTrip trip = roundTrip();

        Map<String, String[]> portable = trip.portableTexts();

        assertThat(portable).hasSizeGreaterThan(20);
        portable.forEach((resource, texts) -> assertThat(texts[1]).as(resource).isEqualTo(texts[0]));
    }

    @Test
    void theCoupledObjectsComeBackEquivalent() throws Exception {
        RoundTrip trip = roundTrip();

        // identity, registry and Key Vault references return to what the AKS estate had
        assertThat(trip.returned.values().stream().map(o -> Yaml.write(o.body())))
                .noneMatch(text -> text.contains("dkr.ecr.") || text.contains("eks.amazonaws.com/role-arn")
                        || text.contains("alb.ingress.kubernetes.io") || text.contains("ebs.csi.aws.com")
                        || text.contains("client-id: 00000000-0000-0000-0000-000000000000")
                        || text.contains("clientID: 00000000-0000-0000-0000-000000000000")
                        || text.contains("KEY_VAULT_NAME"));
        List<String> identical = trip.original.entrySet().stream().filter(e -> !trip.there.isPortable(e.getKey()))
                .filter(e -> trip.returned.containsKey(e.getKey())
                        && trip.returned.get(e.getKey()).body().equals(e.getValue().body()))
                .map(e -> e.getKey().toString()).toList();
        // identity (client ids from settings), registry (ECR back to ACR), secrets, monitoring, zones
        assertThat(identical).contains("ServiceAccount/storefront/storefront-bff", "ServiceAccount/payments/payments-api",
                "ServiceAccount/payments/fraud-scoring", "ServiceAccount/catalog/catalog-importer",
                "Deployment/storefront/storefront-web", "Deployment/storefront/storefront-bff",
                "Deployment/catalog/catalog-api", "Deployment/payments/payments-api", "Deployment/payments/ledger",
                "StatefulSet/checkout/cart-redis", "DaemonSet/ops/log-shipper", "Deployment/ops/status-page",
                "Secret/data/postgres-credentials", "Secret/payments/payments-config-secrets",
                "PodMonitor/ops/node-exporter", "ServiceMonitor/ops/shop-apis");
    }
}
