package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Change;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class KeyVaultObjectsToAscpRuleTest {

    private final RuleHarness harness = RuleHarness.of(new KeyVaultObjectsToAscpRule());

    @Test
    void rewritesArrayOfYamlStringsAsAscpListKeepingFileNames() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: shop-kv, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    keyvaultName: fake-vault
                    objects: |
                      array:
                        - |
                          objectName: db-password
                          objectType: secret
                          objectAlias: DB_PASSWORD
                        - |
                          objectName: api-token
                          objectType: secret      # comment inside the nested string
                          objectVersion: ""
                          filePermission: "0600"
                """, """
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: shop-kv, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    keyvaultName: fake-vault
                    objects: |
                      - objectName: db-password
                        objectType: secretsmanager
                        objectAlias: DB_PASSWORD
                      - objectName: api-token
                        objectType: secretsmanager
                        objectAlias: api-token
                        filePermission: "0600"
                """);
        Change change = RuleHarness.changeFor(proposal, "SecretProviderClass", "shop-kv");
        assertThat(change.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.message()).contains("`db-password`, `api-token`", "fake-vault", "eu-west-1");
        });
        assertThat(change.rationale()).contains("EDGES.md §6.2");
    }

    @Test
    void mapsKeysAndCertsToPemSecretsWithActionRequired() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: certs, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    keyvaultName: fake-vault
                    objects: |
                      array:
                        - |
                          objectName: fake-cert
                          objectType: cert
                        - |
                          objectName: fake-cert
                          objectType: key
                          objectAlias: fake-cert-pub
                        - |
                          objectName: fake-cert
                          objectType: secret
                          objectAlias: fake-cert-full
                """, """
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: certs, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    keyvaultName: fake-vault
                    objects: |
                      - objectName: fake-cert-certificate
                        objectType: secretsmanager
                        objectAlias: fake-cert
                      - objectName: fake-cert-public-key
                        objectType: secretsmanager
                        objectAlias: fake-cert-pub
                      - objectName: fake-cert
                        objectType: secretsmanager
                        objectAlias: fake-cert-full
                """);
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "certs").findings())
                .filteredOn(f -> f.severity() == Severity.ACTION_REQUIRED)
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("certificate PEM", "`fake-cert-certificate`"))
                .anySatisfy(m -> assertThat(m).contains("KMS keys cannot be exported", "`fake-cert-public-key`"));
    }

    @Test
    void dropsVersionPinAndFormatWithActionRequired() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: pinned, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    keyvaultName: fake-vault
                    objects: |
                      array:
                        - |
                          objectName: fake-pfx
                          objectType: secret
                          objectVersion: 0123abcdfakeversion
                          objectFormat: pfx
                          objectEncoding: base64
                          objectVersionHistory: 3
                """, """
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: pinned, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    keyvaultName: fake-vault
                    objects: |
                      - objectName: fake-pfx
                        objectType: secretsmanager
                        objectAlias: fake-pfx
                """);
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "pinned").findings())
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("pinned Key Vault version `0123abcdfakeversion`"))
                .anySatisfy(m -> assertThat(m).contains("objectFormat `pfx`", "objectEncoding `base64`", "SecretBinary"))
                .anySatisfy(m -> assertThat(m).contains("objectVersionHistory"));
    }

    @Test
    void sameObjectReadInTwoFormsGetsTwoSecrets() {
        Proposal proposal = harness.run("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: pfx, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    keyvaultName: fake-vault
                    objects: |
                      array:
                        - |
                          objectName: fake-pfx
                          objectType: secret
                          objectFormat: pfx
                          objectAlias: as-text
                        - |
                          objectName: fake-pfx
                          objectType: secret
                          objectFormat: pfx
                          objectEncoding: base64
                          objectAlias: as-binary
                """);
        assertThat(proposal.proposed().get(0).at("/spec/parameters/objects").asText())
                .contains("objectName: fake-pfx\n", "objectName: fake-pfx-as-binary\n");
    }

    @Test
    void usesNameMapSetting() {
        harness.settings(RuleHarness.DEFAULT_SETTINGS + "secrets: {nameMap: {fake-vault/db-password: prod/shop/db}}")
                .rewriteRun("""
                        apiVersion: secrets-store.csi.x-k8s.io/v1
                        kind: SecretProviderClass
                        metadata: {name: mapped, namespace: shop}
                        spec:
                          provider: azure
                          parameters:
                            keyvaultName: fake-vault
                            objects: |
                              array:
                                - |
                                  objectName: db-password
                                  objectType: secret
                        """, """
                        apiVersion: secrets-store.csi.x-k8s.io/v1
                        kind: SecretProviderClass
                        metadata: {name: mapped, namespace: shop}
                        spec:
                          provider: azure
                          parameters:
                            keyvaultName: fake-vault
                            objects: |
                              - objectName: prod/shop/db
                                objectType: secretsmanager
                                objectAlias: db-password
                        """);
    }

    @Test
    void malformedObjectsLeaveTheFieldAndRequireAction() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: broken, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    keyvaultName: fake-vault
                    objects: |
                      array:
                        - objectName: fake-secret
                          objectType: secret
                """);
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "broken").findings())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.message()).contains("element 1 of `objects.array` is a mapping", "EDGES.md §6.3");
                });
    }

    @Test
    void reportsMissingArrayAndUnknownType() {
        Proposal proposal = harness.run("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: no-array, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    objects: "- objectName: fake"
                ---
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: bad-type, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    objects: |
                      array:
                        - |
                          objectName: fake
                          objectType: blob
                ---
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: no-objects, namespace: shop}
                spec:
                  provider: azure
                ---
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: bad-yaml, namespace: shop}
                spec:
                  provider: azure
                  parameters: {objects: "array: [unclosed"}
                """);
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "bad-yaml").findings().get(0).message())
                .contains("is not valid YAML (line 1");
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "no-array").findings().get(0).message())
                .contains("has no `array:` list");
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "bad-type").findings().get(0).message())
                .contains("objectType `blob`");
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "no-objects").findings().get(0).message())
                .contains("is missing");
        assertThat(proposal.changes()).allSatisfy(c -> assertThat(c.patch()).isEmpty());
    }

    @Test
    void warnsWhenSecretObjectsReadAFileNoObjectMounts() {
        Proposal proposal = harness.run("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: sync, namespace: shop}
                spec:
                  provider: azure
                  secretObjects:
                    - secretName: fake-synced
                      type: Opaque
                      data:
                        - {objectName: DB_PASSWORD, key: password}
                        - {objectName: typo-name, key: user}
                  parameters:
                    keyvaultName: fake-vault
                    objects: |
                      array:
                        - |
                          objectName: db-password
                          objectType: secret
                          objectAlias: DB_PASSWORD
                """);
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "sync").findings())
                .filteredOn(f -> f.severity() == Severity.WARNING)
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("key `user` reads `typo-name`"));
        assertThat(proposal.proposed().get(0).at("/spec/secretObjects").size()).isEqualTo(1);
    }

    @Test
    void writesArtifactWithNamesOnly() {
        Proposal proposal = harness.run("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: shop-kv, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    keyvaultName: fake-vault
                    objects: |
                      array:
                        - |
                          objectName: db-password
                          objectType: secret
                          objectAlias: DB_PASSWORD
                        - |
                          objectName: fake-key
                          objectType: key
                """);
        Artifact artifact = proposal.artifacts().stream()
                .filter(a -> a.path().equals(KeyVaultObjectsToAscpRule.ARTIFACT)).findFirst().orElseThrow();
        assertThat(artifact.content())
                .contains("| shop/shop-kv | fake-vault | db-password | secret | db-password | DB_PASSWORD |  |")
                .contains("| shop/shop-kv | fake-vault | fake-key | key | fake-key-public-key | fake-key | "
                        + "store the public key PEM |")
                .contains("--region eu-west-1");
    }

    @Test
    void leavesAwsClassesAlone() {
        harness.rewriteRun("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: already-aws, namespace: shop}
                spec:
                  provider: aws
                  parameters:
                    objects: |
                      - objectName: fake
                        objectType: secretsmanager
                """);
    }
}
