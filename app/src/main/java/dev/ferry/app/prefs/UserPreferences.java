package dev.ferry.app.prefs;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's own settings (reviewer name, theme, recent bundles) in a small properties file under the user's
 * config folder: {@code $XDG_CONFIG_HOME/ferry} or {@code ~/.config/ferry} (on Windows {@code %APPDATA%\Ferry}).
 * The system property {@code ferry.config.dir} overrides the folder, which tests use. Written atomically; a file that
 * cannot be read or written costs the preferences, never the session (logged, not thrown).
 */
public final class UserPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(UserPreferences.class);
    private static final String FILE = "workbench.properties";
    private static final int RECENT_LIMIT = 8;

    private final Path file;
    private final Properties values = new Properties();

    public UserPreferences(Path folder) {
        this.file = folder.resolve(FILE);
        load();
    }

    /** Preferences at the default place (see the class comment). */
    public static UserPreferences atDefaultLocation() {
        return new UserPreferences(defaultFolder());
    }

    public static Path defaultFolder() {
        String override = System.getProperty("ferry.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = System.getProperty("user.home");
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "Ferry");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("ferry");
    }

    public Path file() {
        return file;
    }

    /** The name recorded on approvals: the saved one, else the OS user name. */
    public String reviewerName() {
        String saved = values.getProperty("reviewer.name", "").strip();
        return saved.isEmpty() ? System.getProperty("user.name", "reviewer") : saved;
    }

    public void setReviewerName(String name) {
        values.setProperty("reviewer.name", name == null ? "" : name.strip());
        save();
    }

    public Optional<String> theme() {
        return Optional.ofNullable(values.getProperty("theme"));
    }

    public void setTheme(String theme) {
        values.setProperty("theme", theme);
        save();
    }

    /** Recently opened bundles, newest first. */
    public List<Path> recentBundles() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < RECENT_LIMIT; i++) {
            String value = values.getProperty("recent." + i);
            if (value != null && !value.isBlank()) {
                recent.add(Path.of(value));
            }
        }
        return recent;
    }

    /** Puts {@code bundle} first in the recent list (moving it if already there) and saves. */
    public void addRecentBundle(Path bundle) {
        List<Path> recent = new ArrayList<>(recentBundles());
        Path absolute = bundle.toAbsolutePath().normalize();
        recent.remove(absolute);
        recent.add(0, absolute);
        setRecent(recent);
    }

    public void removeRecentBundle(Path bundle) {
        List<Path> recent = new ArrayList<>(recentBundles());
        recent.remove(bundle.toAbsolutePath().normalize());
        setRecent(recent);
    }

    private void setRecent(List<Path> recent) {
        for (int i = 0; i < RECENT_LIMIT; i++) {
            if (i < recent.size()) {
                values.setProperty("recent." + i, recent.get(i).toString());
            } else {
                values.remove("recent." + i);
            }
        }
        save();
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Cannot read the workbench preferences {}; starting with defaults: {}", file, e.getMessage());
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, "Ferry workbench preferences");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Cannot save the workbench preferences to {}: {}", file, e.getMessage());
        }
    }
}
