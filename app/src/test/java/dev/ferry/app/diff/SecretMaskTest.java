package dev.ferry.app.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.model.sanitize.SecretRedactor;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    private static final String WITH_VALUES = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            data:
              password: aHVudGVyMg==
            stringData:
              user: admin-user
            """;

    @Test
    void removesValuesAndKeepsKeysWithDigests() {
        String shown = SecretMask.redact(WITH_VALUES);

        assertThat(shown).doesNotContain("aHVudGVyMg==").doesNotContain("admin-user").doesNotContain("hunter2")
                .contains(SecretRedactor.DIGESTS_ANNOTATION);
        assertThat(SecretMask.digests(shown)).containsOnlyKeys("password", "user");
        // SHA-256 of the decoded value "hunter2", as the sanitizer computes it
        assertThat(SecretMask.digests(shown).get("password"))
                .isEqualTo("sha256:f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7");
    }

    @Test
    void leavesOtherObjectsAndRedactedSecretsAsTheyAre() {
        String redacted = SecretMask.redact(WITH_VALUES);

        assertThat(SecretMask.redact(redacted)).isEqualTo(redacted);
        assertThat(SecretMask.redact(Fixtures.albIngress())).isEqualTo(Fixtures.albIngress());
        assertThat(SecretMask.isSecret(Fixtures.albIngress())).isFalse();
        assertThat(SecretMask.isSecret(redacted)).isTrue();
    }

    @Test
    void noteListsKeysAndShortDigestsButNoValue() {
        String note = SecretMask.note(WITH_VALUES);

        assertThat(note).contains("never shown").contains("2 keys").contains("password  sha256:f52fbd32b2b3")
                .contains("user  sha256:").doesNotContain("hunter2").doesNotContain("admin-user");
    }
}
