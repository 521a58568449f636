package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Reports the build Maven filtered into {@code ferry-version.properties}: the project version, the short git commit
 * and the build date. A value the build could not fill (a source tree without {@code .git}) reads as "unknown".
 */
public final class VersionProvider implements CommandLine.IVersionProvider {

    private static final String UNKNOWN = "unknown";

    /** What one build of Ferry is. */
    public record Build(String version, String commit, String built) {

        /** One line, e.g. {@code ferry 0.1.0 (commit 1a2b3c4, built 2026-11-21T02:30:00Z)}. */
        public String describe() {
            return "ferry " + version + " (commit " + commit + ", built " + built + ")";
        }
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return build().version();
    }

    /** The build this code came from. */
    public static Build build() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/ferry-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return new Build(UNKNOWN, UNKNOWN, UNKNOWN);
        }
        return from(properties);
    }

    static Build from(Properties properties) {
        return new Build(value(properties, "version"), value(properties, "commit"), value(properties, "built"));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key, "").trim();
        return value.isEmpty() || value.contains("${") ? UNKNOWN : value;
    }

    @Override
    public String[] getVersion() {
        return new String[] {build().describe(), "Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vendor", UNKNOWN) + ")"};
    }
}
