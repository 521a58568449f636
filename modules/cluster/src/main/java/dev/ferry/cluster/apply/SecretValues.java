package dev.ferry.cluster.apply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the operator supplies, at apply time, the values of Secrets that Ferry does not carry (a proposed Secret holds
 * key names and value digests only). Values are checked against the digests recorded at the source before anything
 * is written, held in memory only, and never logged, journaled or shown.
 *
 * <p>Two sources are built in and can be combined with {@link #firstOf}:
 * <ul>
 *   <li>a folder with one file per value, {@code DIR/<namespace>/<secret name>/<key>}, holding the raw value;</li>
 *   <li>environment variables {@code FERRY_SECRET_<NAMESPACE>__<NAME>__<KEY>} (upper case, every character other than
 *       a letter or digit replaced by {@code _}) holding the value as text, or {@code ..._BASE64} holding it in
 *       base64 (for binary values).</li>
 * </ul>
 */
public interface SecretValues {

    /** The value of {@code key} of Secret {@code namespace/name}, or empty when this source has none. */
    Optional<byte[]> value(String namespace, String name, String key) throws IOException;

    /** One sentence telling the operator where to put the value. */
    String howToSupply(String namespace, String name, String key);

    static SecretValues none() {
        return new SecretValues() {
            @Override
            public Optional<byte[]> value(String namespace, String name, String key) {
                return Optional.empty();
            }

            @Override
            public String howToSupply(String namespace, String name, String key) {
                return "give a folder of values with --secret-values DIR (file DIR/" + namespace + "/" + name + "/"
                        + key + ") or set " + EnvironmentSecretValues.variable(namespace, name, key);
            }
        };
    }

    static SecretValues fromDirectory(Path directory) {
        return new DirectorySecretValues(directory);
    }

    static SecretValues fromEnvironment(Map<String, String> environment) {
        return new EnvironmentSecretValues(environment);
    }

    /** Asks each source in turn; the first that has the value wins. */
    static SecretValues firstOf(SecretValues... sources) {
        List<SecretValues> list = List.of(sources);
        return new SecretValues() {
            @Override
            public Optional<byte[]> value(String namespace, String name, String key) throws IOException {
                for (SecretValues source : list) {
                    Optional<byte[]> value = source.value(namespace, name, key);
                    if (value.isPresent()) {
                        return value;
                    }
                }
                return Optional.empty();
            }

            @Override
            public String howToSupply(String namespace, String name, String key) {
                List<String> ways = new ArrayList<>();
                list.forEach(s -> ways.add(s.howToSupply(namespace, name, key)));
                return String.join(", or ", ways);
            }
        };
    }

    /** {@code DIR/<namespace>/<name>/<key>}. */
    final class DirectorySecretValues implements SecretValues {

        private final Path directory;

        DirectorySecretValues(Path directory) {
            this.directory = directory.toAbsolutePath().normalize();
        }

        @Override
        public Optional<byte[]> value(String namespace, String name, String key) throws IOException {
            Path file = directory.resolve(namespace).resolve(name).resolve(key).normalize();
            if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        }

        @Override
        public String howToSupply(String namespace, String name, String key) {
            return "put the value in the file " + directory.resolve(namespace).resolve(name).resolve(key);
        }

        @Override
        public String toString() {
            return "secret values in " + directory;
        }
    }

    /** {@code FERRY_SECRET_<NAMESPACE>__<NAME>__<KEY>} and {@code ..._BASE64}. */
    final class EnvironmentSecretValues implements SecretValues {

        private final Map<String, String> environment;

        EnvironmentSecretValues(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
        }

        static String variable(String namespace, String name, String key) {
            return "FERRY_SECRET_" + part(namespace) + "__" + part(name) + "__" + part(key);
        }

        private static String part(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
                out.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
            }
            return out.toString();
        }

        @Override
        public Optional<byte[]> value(String namespace, String name, String key) throws IOException {
            String variable = variable(namespace, name, key);
            String text = environment.get(variable);
            if (text != null) {
                return Optional.of(text.getBytes(StandardCharsets.UTF_8));
            }
            String encoded = environment.get(variable + "_BASE64");
            if (encoded != null) {
                try {
                    return Optional.of(Base64.getMimeDecoder().decode(encoded.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IOException(variable + "_BASE64 is not valid base64");
                }
            }
            return Optional.empty();
        }

        @Override
        public String howToSupply(String namespace, String name, String key) {
            String variable = variable(namespace, name, key);
            return "set the environment variable " + variable + " (or " + variable + "_BASE64)";
        }

        @Override
        public String toString() {
            return "secret values from FERRY_SECRET_* environment variables";
        }
    }
}
