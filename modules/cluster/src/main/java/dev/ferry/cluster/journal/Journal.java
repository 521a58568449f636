package dev.ferry.cluster.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.ResourceKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal of one wave: {@code <dir>/journal/wave-<N>.jsonl}, one JSON object per line. Every append
 * is forced to disk before it returns, so a line written means the action it records happened (or was about to) even
 * if the machine stops right after. A line torn by a crash mid-write is dropped when the journal is opened.
 *
 * <p>A Secret's body is never written: an entry for a Secret that carries a {@code body} is refused (a bug, not an
 * input error). Secrets are recorded by the digests of their values only.
 */
public final class Journal implements AutoCloseable {

    /** Folder inside the directory given, as in the bundle layout. */
    public static final String FOLDER = "journal";

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final int wave;
    private final List<JournalEntry> entries;
    private FileChannel channel;

    private Journal(Path file, int wave, List<JournalEntry> entries) {
        this.file = file;
        this.wave = wave;
        this.entries = entries;
    }

    /** The journal file of {@code wave} inside {@code directory} (a bundle folder, or any folder). */
    public static Path fileOf(Path directory, int wave) {
        return directory.resolve(FOLDER).resolve("wave-" + wave + ".jsonl");
    }

    /** Opens (and reads) the journal of {@code wave}; the file is created on the first append. */
    public static Journal open(Path directory, int wave) throws JournalException {
        Path file = fileOf(directory, wave);
        return new Journal(file, wave, readFile(file, wave));
    }

    /** Reads a journal without opening it for writing; empty when there is none. */
    public static List<JournalEntry> read(Path directory, int wave) throws JournalException {
        return readFile(fileOf(directory, wave), wave);
    }

    private static List<JournalEntry> readFile(Path file, int wave) throws JournalException {
        List<JournalEntry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JournalException("Cannot read the journal `" + file + "` (" + e.getMessage()
                    + "). Check its permissions.", e);
        }
        boolean endsWithNewline = endsWithNewline(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            boolean last = i == lines.size() - 1;
            try {
                entries.add(parse(JSON.readTree(line), wave));
            } catch (IOException | RuntimeException e) {
                if (last && !endsWithNewline) {
                    // a crash while writing the last line: that action was never recorded as done
                    LOG.warn("dropping a torn last line of {}", file);
                    continue;
                }
                throw new JournalException("Line " + (i + 1) + " of the journal `" + file + "` is damaged ("
                        + e.getClass().getSimpleName() + "). Restore the file from a copy; Ferry will not guess "
                        + "what the wave did.", e);
            }
        }
        return entries;
    }

    private static boolean endsWithNewline(Path file) throws JournalException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, in.size() - 1);
            return last.get(0) == '\n';
        } catch (IOException e) {
            throw new JournalException("Cannot read the journal `" + file + "`: " + e.getMessage(), e);
        }
    }

    private static JournalEntry parse(JsonNode node, int wave) {
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        Instant time = Instant.parse(fields.remove("time").asText());
        JournalAction action = JournalAction.fromId(fields.remove("action").asText());
        JsonNode waveNode = fields.remove("wave");
        JsonNode keyNode = fields.remove("resource");
        ResourceKey key = keyNode == null || keyNode.isNull() ? null : ResourceKey.of(
                keyNode.path("apiVersion").asText(), keyNode.path("kind").asText(),
                keyNode.path("namespace").asText(""), keyNode.path("name").asText());
        return new JournalEntry(time, action, waveNode == null ? wave : waveNode.asInt(), key, fields);
    }

    public Path file() {
        return file;
    }

    public int wave() {
        return wave;
    }

    /** Every entry, oldest first, including those appended through this instance. */
    public List<JournalEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /**
     * Appends one entry and forces it to disk before returning.
     *
     * @throws JournalException when the line cannot be written; the caller must stop before its next action
     */
    public synchronized void append(JournalEntry entry) throws JournalException {
        refuseSecretBody(entry);
        ObjectNode line = JSON.createObjectNode();
        line.put("time", entry.time().toString());
        line.put("action", entry.action().id());
        line.put("wave", entry.wave());
        if (entry.key() != null) {
            ObjectNode resource = line.putObject("resource");
            resource.put("apiVersion", entry.key().apiVersion());
            resource.put("kind", entry.key().kind());
            if (!entry.key().namespace().isEmpty()) {
                resource.put("namespace", entry.key().namespace());
            }
            resource.put("name", entry.key().name());
        }
        Iterator<Map.Entry<String, JsonNode>> fields = entry.fields().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            line.set(field.getKey(), field.getValue());
        }
        byte[] bytes;
        try {
            bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        try {
            FileChannel out = channel();
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        } catch (IOException e) {
            throw new JournalException("Cannot write to the journal `" + file + "` (" + e.getMessage() + "). "
                    + "Ferry stopped before its next change to the cluster; free disk space or fix permissions and "
                    + "run again (it resumes from the journal).", e);
        }
        entries.add(entry);
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            Files.createDirectories(file.getParent());
            boolean created = !Files.exists(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (!created) {
                dropTornTail(channel);
            } else {
                syncDirectory(file.getParent());
            }
            channel.position(channel.size());
        }
        return channel;
    }

    /** Cuts a torn last line (no newline), so the next line does not glue onto it. */
    private static void dropTornTail(FileChannel channel) throws IOException {
        long size = channel.size();
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            channel.truncate(end);
            channel.force(true);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the file's own force still holds its content
            LOG.debug("cannot sync directory {}: {}", directory, e.getClass().getSimpleName());
        }
    }

    private static void refuseSecretBody(JournalEntry entry) {
        if (entry.key() != null && entry.key().isKind("", "Secret") && containsBody(entry.fields())) {
            throw new IllegalStateException("refusing to journal the body of " + entry.key()
                    + ": Secret values never leave memory");
        }
    }

    private static boolean containsBody(JsonNode node) {
        return node.has("body") || node.has("object") || node.has("data") || node.has("stringData");
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing the journal {} failed: {}", file, e.getMessage());
            }
            channel = null;
        }
    }
}
