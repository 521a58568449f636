package dev.ferry.app.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditValidatorTest {

    private final EditValidator validator = new EditValidator();
    private final String original = Fixtures.albIngress();

    @Test
    void acceptsAValidEdit() {
        String edited = original.replace("target-type: ip", "target-type: instance");

        assertThat(validator.validate(original, edited, false)).isEqualTo(EditValidation.OK);
    }

    @Test
    void reportsMalformedYamlWithItsLine() {
        String edited = original.replace("  labels:\n", "  labels: [unclosed\n");

        EditValidation result = validator.validate(original, edited, false);

        assertThat(result.valid()).isFalse();
        assertThat(result.message()).contains("malformed YAML");
        assertThat(result.line()).isBetween(14, 16);
        assertThat(result.display()).startsWith("Line " + result.line() + ": ");
    }

    @Test
    void reportsADuplicateKeyAtTheSecondOccurrence() {
        String edited = original.replace("  labels:\n", "  name: again\n  labels:\n");

        EditValidation result = validator.validate(original, edited, false);

        assertThat(result.message()).contains("duplicate key `name`");
        assertThat(result.line()).isEqualTo(14);
    }

    @Test
    void requiresApiVersionKindAndName() {
        assertThat(validator.validate(original, original.replace("apiVersion: networking.k8s.io/v1\n", ""), false)
                .message()).contains("`apiVersion` is missing");
        EditValidation noName = validator.validate(original, original.replaceFirst("  name: storefront\n", ""), false);
        assertThat(noName.message()).contains("`metadata.name` is missing");
        assertThat(noName.line()).isEqualTo(3);
        assertThat(validator.validate(original, "- a\n- b\n", false).message()).contains("not a list");
        assertThat(validator.validate(original, "", false).message()).contains("empty");
    }

    @Test
    void refusesARenameUnlessAllowed() {
        String renamed = original.replace("name: storefront\n  namespace", "name: shopfront\n  namespace");

        EditValidation refused = validator.validate(original, renamed, false);

        assertThat(refused.valid()).isFalse();
        assertThat(refused.message()).contains("`metadata.name` must stay `storefront`").contains("`shopfront`");
        assertThat(refused.line()).isEqualTo(4);
        assertThat(validator.validate(original, renamed, true).valid()).isTrue();
        assertThat(validator.validate(original, original.replace("namespace: shop", "namespace: other"), false)
                .message()).contains("metadata.namespace");
        assertThat(validator.validate(original, original.replace("kind: Ingress", "kind: Service"), false)
                .line()).isEqualTo(2);
    }

    @Test
    void refusesValuesInASecretAndSaysWhy() {
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                  namespace: shop
                type: Opaque
                """;
        String withValue = secret + "stringData:\n  password: hunter2\n";

        EditValidation refused = validator.validate(secret, withValue, false);

        assertThat(refused.valid()).isFalse();
        assertThat(refused.message()).contains("cannot hold `stringData`").contains("never enter Ferry");
        assertThat(refused.line()).isEqualTo(7);
        assertThat(refused.display()).doesNotContain("hunter2");
        assertThat(validator.validate(secret, secret + "data:\n  password: aHVudGVyMg==\n", false).valid()).isFalse();
        assertThat(validator.validate(secret, secret.replace("type: Opaque", "type: Opaque\nimmutable: true"), false)
                .valid()).isTrue();
    }
}
