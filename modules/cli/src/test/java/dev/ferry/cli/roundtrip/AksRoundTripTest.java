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
            zones: {westeurope-1: eu-west-1a, westeurope-2: eu-west-1b, westeurope-3: eu-west-1c}
            """;

    static final String EKS_TO_AKS = """
            direction: eks-to-aks
            azure: {subscriptionId: 00000000-0000-0000-0000-000000000001, tenantId: 72f988bf-0000-4000-8000-00000000cafe,
                    resourceGroup: shop-rg, location: westeurope, clusterName: shop-aks}
            registry: {acrLoginServer: shopacr.azurecr.io}
            ingress: {controller: agic, certificates: {"arn:aws:acm:eu-west-1:111122223333:certificate/0000": shop-tls}}
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
