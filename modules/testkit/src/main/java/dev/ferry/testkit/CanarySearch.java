package dev.ferry.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Searches text, files and zips for secret canaries in every form a leak could take: plain, URL-encoded, and base64
 * (standard and URL-safe, padded or not) of the canary on its own or inside a longer value at any of the three byte
 * alignments. For an alignment the characters that depend on the neighbouring bytes are dropped, so what is searched is
 * exactly what any encoding of a value holding the canary must contain.
 */
public final class CanarySearch {

    /** One form of one canary: what to look for and what it is, for the report (never the canary itself). */
    public record Needle(String text, String label) {
    }

    private final List<Needle> needles = new ArrayList<>();

    /** {@code names} maps each canary to a name safe to print (its index, its Secret and key...). */
    public CanarySearch(Map<String, String> named) {
        for (Map.Entry<String, String> canary : named.entrySet()) {
            needles.addAll(forms(canary.getKey(), canary.getValue()));
        }
    }

    public static List<Needle> forms(String canary, String name) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put(canary, "plain");
        forms.putIfAbsent(URLEncoder.encode(canary, StandardCharsets.UTF_8), "URL-encoded");
        byte[] bytes = canary.getBytes(StandardCharsets.UTF_8);
        forms.putIfAbsent(Base64.getEncoder().encodeToString(bytes), "base64");
        forms.putIfAbsent(Base64.getUrlEncoder().encodeToString(bytes), "base64url");
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // groups of three bytes that hold canary bytes only: from the first whole group to the last
            int from = 4 * ((shift + 2) / 3);
            int to = 4 * ((shift + bytes.length) / 3);
            String stable = encoded.substring(from, to);
            String alignment = "at alignment " + shift;
            forms.putIfAbsent(stable, "base64 " + alignment);
            forms.putIfAbsent(stable.replace('+', '-').replace('/', '_'), "base64url " + alignment);
            forms.putIfAbsent(URLEncoder.encode(stable, StandardCharsets.UTF_8), "URL-encoded base64 " + alignment);
        }
        List<Needle> needles = new ArrayList<>();
        forms.forEach((text, label) -> needles.add(new Needle(text, label + " of " + name)));
        return needles;
    }

    /** What canary forms the text holds, each as "where: form of name". */
    public List<String> find(String where, String text) {
        List<String> hits = new ArrayList<>();
        for (Needle needle : needles) {
            if (text.contains(needle.text())) {
                hits.add(where + ": " + needle.label());
            }
        }
        return hits;
    }

    /** Searches every file under {@code root}, and every entry of every zip among them. */
    public List<String> findInFiles(Path root) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                String where = root.relativize(file).toString();
                hits.addAll(find(where, text(content)));
                if (isZip(content)) {
                    hits.addAll(findInZip(where, content));
                }
            }
        }
        return hits;
    }

    private List<String> findInZip(String where, byte[] zip) throws IOException {
        List<String> hits = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = readAll(in);
                String inner = where + "!" + entry.getName();
                hits.addAll(find(inner, text(content)));
                if (isZip(content)) {
                    hits.addAll(findInZip(inner, content));
                }
            }
        }
        return hits;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static boolean isZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** Bytes as text one-to-one, so that no byte sequence is lost to decoding. */
    private static String text(byte[] content) {
        return new String(content, StandardCharsets.ISO_8859_1);
    }
}
