package dev.ferry.cluster.connect;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether two API server URLs reach the same server, so Ferry never applies a migration back onto its source.
 * Two URLs are the same server when scheme, port and path agree (after normalizing case, default ports and trailing
 * slashes) and either the host names agree or they resolve to at least one common address. When in doubt the answer
 * is "same": a false "same" only stops an apply, a false "different" could overwrite the source.
 */
public final class SameServerCheck {

    /** Resolves a host name to its addresses; injectable for tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;

    public SameServerCheck() {
        this(host -> List.of(InetAddress.getAllByName(host)));
    }

    public SameServerCheck(Resolver resolver) {
        this.resolver = resolver;
    }

    /** True when both URLs reach the same API server (see the class comment). */
    public boolean sameServer(String first, String second) {
        Endpoint a = Endpoint.parse(first);
        Endpoint b = Endpoint.parse(second);
        if (a == null || b == null) {
            // unparseable: compare the text, and treat equal text as the same server
            return normalizeText(first).equals(normalizeText(second));
        }
        if (!a.scheme.equals(b.scheme) || a.port != b.port || !a.path.equals(b.path)) {
            return false;
        }
        if (a.host.equals(b.host)) {
            return true;
        }
        try {
            Set<InetAddress> left = new HashSet<>(resolver.resolve(a.host));
            for (InetAddress address : resolver.resolve(b.host)) {
                if (left.contains(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            // one name does not resolve here; the names differ, so they cannot be shown to be the same server
            return false;
        }
    }

    /** The URL in the form used for comparison: lower-case scheme and host, explicit port, no trailing slash. */
    public static String normalize(String url) {
        Endpoint endpoint = Endpoint.parse(url);
        return endpoint == null ? normalizeText(url) : endpoint.toString();
    }

    private static String normalizeText(String url) {
        String text = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private record Endpoint(String scheme, String host, int port, String path) {

        static Endpoint parse(String url) {
            if (url == null || url.isBlank()) {
                return null;
            }
            try {
                URI uri = new URI(url.trim());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    return null;
                }
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                String host = uri.getHost().toLowerCase(Locale.ROOT);
                if (host.endsWith(".")) {
                    host = host.substring(0, host.length() - 1);
                }
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
                String path = uri.getPath() == null ? "" : uri.getPath();
                while (path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                return new Endpoint(scheme, host, port, path);
            } catch (URISyntaxException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + path;
        }
    }
}
