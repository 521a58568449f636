package dev.ferry.cli.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.sandbox.DemoEstate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path dir;

    @Test
    void dump() throws Exception {
        Path estate = dir.resolve("demo");
        DemoEstate.writeTo(estate);
        ManifestSet input = new ManifestReader().read(List.of(estate));
        RoundTrip trip = RoundTrip.run(input, MigrationSettings.of(Yaml.parse(AKS_TO_EKS)),
                MigrationSettings.of(Yaml.parse(EKS_TO_AKS)));
        trip.differences().forEach(d -> System.out.println("DIFF " + d));
        for (var o : trip.there.proposed()) {
            if (o.kind().equals("SecretProviderClass") || o.name().equals("recommendations") || o.name().equals("node-exporter")) {
                System.out.println("FWD " + Yaml.write(o.body()));
            }
        }
        for (var o : trip.back.proposed()) {
            if (o.kind().equals("SecretProviderClass") || o.name().equals("recommendations") || o.name().equals("node-exporter")) {
                System.out.println("BACK " + Yaml.write(o.body()));
            }
        }
        trip.back.changes().stream().flatMap(c -> c.findings().stream()).forEach(f -> System.out.println("FIND " + f.severity() + " " + f.message()));
        assertThat(trip.original).isNotEmpty();
    }
}
