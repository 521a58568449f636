package dev.ferry.cluster.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.model.ResourceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final ResourceKey WEB = ResourceKey.of("apps/v1", "Deployment", "shop", "web");
    private static final ResourceKey SECRET = ResourceKey.of("v1", "Secret", "shop", "db");

    @TempDir
    Path dir;

    @Test
    void appendsOneLinePerActionAndReadsThemBack() throws JournalException {
        try (Journal journal = Journal.open(dir, 2)) {
            journal.append(JournalEntry.of(JournalAction.BEFORE, 2, WEB).with("state", "absent"));
            journal.append(JournalEntry.of(JournalAction.APPLIED, 2, WEB).with("resourceVersion", "7"));
        }
        assertThat(Journal.fileOf(dir, 2)).isEqualTo(dir.resolve("journal/wave-2.jsonl"));
        assertThat(Journal.read(dir, 2)).extracting(JournalEntry::action, JournalEntry::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(JournalAction.BEFORE, WEB),
                        org.assertj.core.groups.Tuple.tuple(JournalAction.APPLIED, WEB));
        assertThat(Journal.read(dir, 2).get(1).text("resourceVersion")).isEqualTo("7");
    }

    @Test
    void dropsALineTornByACrashAndWritesOnCleanly() throws Exception {
        try (Journal journal = Journal.open(dir, 1)) {
            journal.append(JournalEntry.of(JournalAction.BEFORE, 1, WEB).with("state", "absent"));
        }
        Files.writeString(Journal.fileOf(dir, 1), "{\"time\":\"2026-01-01T00:00:00Z\",\"act",
                StandardOpenOption.APPEND);

        try (Journal journal = Journal.open(dir, 1)) {
            assertThat(journal.entries()).hasSize(1);
            journal.append(JournalEntry.of(JournalAction.APPLIED, 1, WEB));
        }
        assertThat(Journal.read(dir, 1)).extracting(JournalEntry::action)
                .containsExactly(JournalAction.BEFORE, JournalAction.APPLIED);
        assertThat(Files.readAllLines(Journal.fileOf(dir, 1))).hasSize(2);
    }

    @Test
    void refusesToGuessAboutADamagedLineInTheMiddle() throws IOException {
        Files.createDirectories(dir.resolve("journal"));
        Files.writeString(Journal.fileOf(dir, 3), "not json\n{\"time\":\"2026-01-01T00:00:00Z\",\"action\":\"ready\"}\n");
        assertThatThrownBy(() -> Journal.open(dir, 3)).isInstanceOf(JournalException.class)
                .hasMessageContaining("Line 1").hasMessageContaining("wave-3.jsonl");
    }

    @Test
    void neverWritesTheBodyOfASecret() throws JournalException {
        try (Journal journal = Journal.open(dir, 1)) {
            JournalEntry withBody = JournalEntry.of(JournalAction.BEFORE, 1, SECRET)
                    .with("object", JsonNodeFactory.instance.objectNode().put("data", "c2VjcmV0"));
            assertThatThrownBy(() -> journal.append(withBody)).isInstanceOf(IllegalStateException.class);
            journal.append(JournalEntry.of(JournalAction.BEFORE, 1, SECRET).with("state", "present")
                    .with("digests", JsonNodeFactory.instance.objectNode().put("password", "sha256:ab")));
        }
        assertThat(Journal.read(dir, 1)).hasSize(1);
    }

    @Test
    void replayKeepsTheFirstBeforeStateAndStartsAnewAfterARollback() throws JournalException {
        try (Journal journal = Journal.open(dir, 1)) {
            journal.append(JournalEntry.of(JournalAction.WAVE_STARTED, 1, null));
            journal.append(JournalEntry.of(JournalAction.BEFORE, 1, WEB).with("state", "absent"));
            journal.append(JournalEntry.of(JournalAction.WAVE_STARTED, 1, null));
            journal.append(JournalEntry.of(JournalAction.BEFORE, 1, WEB).with("state", "present"));
            journal.append(JournalEntry.of(JournalAction.APPLIED, 1, WEB));
            JournalState state = JournalState.replay(journal.entries());
            assertThat(state.started()).isTrue();
            assertThat(state.attempts()).isEqualTo(2);
            assertThat(state.before(WEB).orElseThrow().text("state")).isEqualTo("absent");
            assertThat(state.applied(WEB)).isTrue();

            journal.append(JournalEntry.of(JournalAction.ROLLBACK_STARTED, 1, null));
            assertThat(JournalState.replay(journal.entries()).rollbackUnfinished()).isTrue();
            journal.append(JournalEntry.of(JournalAction.DELETED, 1, WEB));
            journal.append(JournalEntry.of(JournalAction.ROLLED_BACK, 1, null));
            JournalState after = JournalState.replay(journal.entries());
            assertThat(after.started()).isFalse();
            assertThat(after.touched()).isEmpty();
            assertThat(after.rollbackUnfinished()).isFalse();
        }
    }
}
