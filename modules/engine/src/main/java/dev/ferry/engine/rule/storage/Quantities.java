package dev.ferry.engine.rule.storage;

import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Kubernetes resource quantities ({@code 10Gi}, {@code 500G}, {@code 1Ti}) into GiB. */
final class Quantities {

    private static final Pattern QUANTITY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?(?:[eE][0-9]+)?)([KMGTPE]i?|k)?");
    private static final double GIB = 1024d * 1024 * 1024;
    private static final Map<String, Double> FACTORS = Map.ofEntries(
            Map.entry("", 1d), Map.entry("k", 1e3), Map.entry("K", 1e3), Map.entry("M", 1e6), Map.entry("G", 1e9),
            Map.entry("T", 1e12), Map.entry("P", 1e15), Map.entry("E", 1e18),
            Map.entry("Ki", 1024d), Map.entry("Mi", 1024d * 1024), Map.entry("Gi", GIB), Map.entry("Ti", GIB * 1024),
            Map.entry("Pi", GIB * 1024 * 1024), Map.entry("Ei", GIB * 1024 * 1024 * 1024));

    private Quantities() {
    }

    static OptionalDouble gib(String quantity) {
        Matcher matcher = QUANTITY.matcher(quantity.strip());
        if (!matcher.matches()) {
            return OptionalDouble.empty();
        }
        double number = new BigDecimal(matcher.group(1)).doubleValue();
        String suffix = matcher.group(2) == null ? "" : matcher.group(2);
        return OptionalDouble.of(number * FACTORS.get(suffix) / GIB);
    }
}
