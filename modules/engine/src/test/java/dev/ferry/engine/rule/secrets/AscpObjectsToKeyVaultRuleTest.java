package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AscpObjectsToKeyVaultRuleTest {

    private static final String SETTINGS = RuleHarness.EKS_TO_AKS_SETTINGS + "keyVault: {names: {prod/: shop-kv}}\n";

    @Test
    void mapsObjectsKeepingFileNamesAndSplitsJmesPath() {
        Proposal proposal = RuleHarness.of(new AscpObjectsToKeyVaultRule()).settings(SETTINGS).run("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: db, namespace: shop}
                spec:
                  provider: aws
                  parameters:
                    objects: |
                      - objectName: prod/db
                        objectType: secretsmanager
                        jmesPath:
                          - path: password
                            objectAlias: DB_PASSWORD
                      - objectName: /prod/api_key
                        objectType: ssmparameter
                        objectAlias: api-key
                        filePermission: "0640"
                      - objectName: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/tls-AbCdEf"
                        objectAlias: tls
                        objectVersionLabel: AWSPREVIOUS
                  secretObjects:
                  - secretName: db
                    type: Opaque
                    data: [{objectName: DB_PASSWORD, key: password}]
                """);
        var spc = proposal.proposed().get(0);
        assertThat(spc.at("/spec/parameters/objects").asText()).isEqualTo("""
                array:
                  - |
                    objectName: db
                    objectType: secret
                    objectAlias: prod_db
                  - |
                    objectName: db-password
                    objectType: secret
                    objectAlias: DB_PASSWORD
                  - |
                    objectName: prod-api-key
                    objectType: secret
                    objectAlias: api-key
                    filePermission: "0640"
                  - |
                    objectName: tls
                    objectType: secret
                """);
        assertThat(spc.at("/spec/secretObjects/0/data/0/objectName").asText()).isEqualTo("DB_PASSWORD");
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "db").findings())
                .filteredOn(f -> f.severity() == Severity.ACTION_REQUIRED).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("jmesPath `password`").contains("`db-password`"))
                .anySatisfy(m -> assertThat(m).contains("objectVersionLabel"));
    }

    @Test
    void reportsUnreadableObjects() {
        Proposal proposal = RuleHarness.of(new AscpObjectsToKeyVaultRule()).rewriteRun("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: bad, namespace: shop}
                spec: {provider: aws, parameters: {objects: "not: [a list"}}
                """);
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "bad").findings())
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED));
    }
}
