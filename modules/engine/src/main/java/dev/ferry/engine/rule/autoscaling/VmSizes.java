package dev.ferry.engine.rule.autoscaling;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Azure VM size → EC2 instance type table of EDGES.md §7.7, as data. Explicit rows come first; sizes of a
 * family listed in the family table but not in the size table are derived from the family and the vCPU count, and
 * say so, because the EC2 size may not exist in every family.
 */
final class VmSizes {

    /** How trustworthy a match is. */
    enum Fit {
        /** Same vCPU and memory (§7.7 size table). */
        SAME_SHAPE,
        /** A §7.7 row whose EC2 shape differs (closest size, GPU rows matched on the accelerator). */
        CLOSEST,
        /** Derived from the §7.7 family table and the vCPU count; not a listed row. */
        DERIVED
    }

    /** An EC2 instance type for an Azure size; vCPU and memory (GiB) of the EC2 type, or 0 when not listed. */
    record Match(String azureSize, String ec2Type, int ec2Cpu, int ec2MemoryGiB, Fit fit) {
    }

    private static final Map<String, Match> SIZES = new LinkedHashMap<>();
    private static final Map<String, String> FAMILIES = new LinkedHashMap<>();
    private static final Map<Integer, String> EC2_SIZE_BY_CPU = Map.of(2, "large", 4, "xlarge", 8, "2xlarge",
            16, "4xlarge", 32, "8xlarge", 48, "12xlarge", 64, "16xlarge", 96, "24xlarge");
    /** Reverse lookups (EC2 → Azure), filled from the same rows: a same-shape row wins over a closest one. */
    private static final Map<String, Match> BY_EC2 = new LinkedHashMap<>();
    private static final Map<String, String> SERIES_BY_EC2_FAMILY = new LinkedHashMap<>();
    private static final Pattern AZURE_SIZE = Pattern.compile("standard_([a-z]+?)(\\d+)([a-z]*)(?:_v(\\d))?");

    static {
        same("B2s", "t3.medium", 2, 4);
        same("B2ms", "t3.large", 2, 8);
        same("B4ms", "t3.xlarge", 4, 16);
        same("B8ms", "t3.2xlarge", 8, 32);
        closest("DS2_v2", "m5.large", 2, 8);
        int[][] general = {{2, 8}, {4, 16}, {8, 32}, {16, 64}, {32, 128}, {48, 192}, {64, 256}};
        for (int[] row : general) {
            String size = EC2_SIZE_BY_CPU.get(row[0]);
            same("D" + row[0] + "s_v3", "m5." + size, row[0], row[1]);
            same("D" + row[0] + "s_v4", "m5." + size, row[0], row[1]);
            same("D" + row[0] + "s_v5", "m6i." + size, row[0], row[1]);
        }
        same("D96s_v5", "m6i.24xlarge", 96, 384);
        int[][] memory = {{2, 16}, {4, 32}, {8, 64}, {16, 128}, {32, 256}, {48, 384}};
        for (int[] row : memory) {
            String size = EC2_SIZE_BY_CPU.get(row[0]);
            same("E" + row[0] + "s_v3", "r5." + size, row[0], row[1]);
            same("E" + row[0] + "s_v5", "r6i." + size, row[0], row[1]);
        }
        closest("E64s_v3", "r5.16xlarge", 64, 512);
        same("E64s_v5", "r6i.16xlarge", 64, 512);
        closest("E96s_v5", "r6i.24xlarge", 96, 768);
        same("F2s_v2", "c5.large", 2, 4);
        same("F4s_v2", "c5.xlarge", 4, 8);
        same("F8s_v2", "c5.2xlarge", 8, 16);
        same("F16s_v2", "c5.4xlarge", 16, 32);
        same("F32s_v2", "c6i.8xlarge", 32, 64);
        same("F48s_v2", "c5.12xlarge", 48, 96);
        same("F64s_v2", "c6i.16xlarge", 64, 128);
        same("F72s_v2", "c5.18xlarge", 72, 144);
        closest("NC6s_v3", "p3.2xlarge", 8, 61);
        closest("NC12s_v3", "p3.8xlarge", 32, 244);
        closest("NC24s_v3", "p3.8xlarge", 32, 244);
        closest("NC4as_T4_v3", "g4dn.xlarge", 4, 16);
        closest("NC8as_T4_v3", "g4dn.2xlarge", 8, 32);
        closest("NC16as_T4_v3", "g4dn.4xlarge", 16, 64);
        closest("NC64as_T4_v3", "g4dn.12xlarge", 48, 192);
        closest("NV36ads_A10_v5", "g5.8xlarge", 32, 128);
        closest("NC24ads_A100_v4", "p4de.24xlarge", 96, 1152);
        closest("ND96asr_v4", "p4d.24xlarge", 96, 1152);
        closest("ND96isr_H100_v5", "p5.48xlarge", 192, 2048);

        // family table: series key (letters after the vCPU count, then the version) -> EC2 family
        family("m5", "D_v3", "Ds_v3", "D_v4", "Ds_v4");
        family("m5d", "Dd_v4", "Dds_v4");
        family("m6i", "D_v5", "Ds_v5");
        family("m6id", "Dd_v5", "Dds_v5");
        family("m6a", "Da_v5", "Das_v5", "Dads_v5");
        family("m7i", "D_v6", "Ds_v6");
        family("m7a", "Da_v6", "Das_v6", "Fas_v6");
        family("m7g", "Dps_v5");
        family("m8g", "Dps_v6");
        family("r5", "E_v3", "Es_v3", "E_v4", "Es_v4");
        family("r5d", "Ed_v4", "Eds_v4");
        family("r6i", "E_v5", "Es_v5");
        family("r6id", "Ed_v5", "Eds_v5");
        family("r6a", "Ea_v5", "Eas_v5");
        family("r7i", "E_v6", "Es_v6");
        family("c5", "F_v2", "Fs_v2");
        family("c7a", "Fals_v6");
        family("r7a", "Fams_v6");
    }

    private VmSizes() {
    }

    private static void same(String azure, String ec2, int cpu, int memory) {
        put(azure, ec2, cpu, memory, Fit.SAME_SHAPE);
    }

    private static void closest(String azure, String ec2, int cpu, int memory) {
        put(azure, ec2, cpu, memory, Fit.CLOSEST);
    }

    private static void put(String azure, String ec2, int cpu, int memory, Fit fit) {
        Match match = new Match("Standard_" + azure, ec2, cpu, memory, fit);
        SIZES.put(("standard_" + azure).toLowerCase(Locale.ROOT), match);
        Match reverse = BY_EC2.get(ec2);
        // first same-shape row wins (D4s_v3 for m5.xlarge); among closest rows the last (larger GPU count) wins
        if (reverse == null || reverse.fit() != Fit.SAME_SHAPE && fit == Fit.CLOSEST || fit == Fit.SAME_SHAPE
                && reverse.fit() != Fit.SAME_SHAPE) {
            BY_EC2.put(ec2, match);
        }
    }

    private static void family(String ec2Family, String... series) {
        for (String s : series) {
            FAMILIES.put(s.toLowerCase(Locale.ROOT), ec2Family);
            // reverse: the first premium-storage series ("s" before the version) of the family, else the first
            if (!SERIES_BY_EC2_FAMILY.containsKey(ec2Family) || s.matches("[A-Z][a-z]*s_v\\d")
                    && !SERIES_BY_EC2_FAMILY.get(ec2Family).matches("[A-Z][a-z]*s_v\\d")) {
                SERIES_BY_EC2_FAMILY.put(ec2Family, s);
            }
        }
    }

    /**
     * The Azure VM size for an EC2 instance type (reverse of {@link #ec2For}): a §7.7 row, else derived from the
     * family table and the size's vCPU count. Empty for a type neither table covers. In the returned match,
     * {@code ec2Cpu}/{@code ec2MemoryGiB} describe the EC2 type when a row lists it, 0 when derived.
     */
    static Optional<Match> azureFor(String ec2Type) {
        if (ec2Type == null) {
            return Optional.empty();
        }
        String key = ec2Type.strip().toLowerCase(Locale.ROOT);
        Match exact = BY_EC2.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        int dot = key.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String series = SERIES_BY_EC2_FAMILY.get(key.substring(0, dot));
        Integer cpu = EC2_SIZE_BY_CPU.entrySet().stream().filter(e -> e.getValue().equals(key.substring(dot + 1)))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (series == null || cpu == null) {
            return Optional.empty();
        }
        String azure = "Standard_" + series.charAt(0) + cpu + series.substring(1);
        return Optional.of(new Match(azure, key, cpu, 0, Fit.DERIVED));
    }

    /** The Azure series ({@code Ds_v5}) the §7.7 family table pairs with an EC2 family ({@code m6i}), if any. */
    static Optional<String> azureSeriesFor(String ec2Family) {
        return Optional.ofNullable(ec2Family == null ? null
                : SERIES_BY_EC2_FAMILY.get(ec2Family.strip().toLowerCase(Locale.ROOT)));
    }

    /** True for a value that names an Azure VM size ({@code Standard_D4s_v5}), whatever its case. */
    static boolean isAzureSize(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).startsWith("standard_");
    }

    /** The EC2 type for an Azure VM size, or empty when neither the size table nor the family table covers it. */
    static Optional<Match> ec2For(String azureSize) {
        if (azureSize == null) {
            return Optional.empty();
        }
        String key = azureSize.toLowerCase(Locale.ROOT);
        Match exact = SIZES.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        Matcher m = AZURE_SIZE.matcher(key);
        if (!m.matches() || m.group(4) == null) {
            return Optional.empty();
        }
        String ec2Family = FAMILIES.get(m.group(1) + m.group(3) + "_v" + m.group(4));
        int cpu = Integer.parseInt(m.group(2));
        String size = EC2_SIZE_BY_CPU.get(cpu);
        if (ec2Family == null || size == null) {
            return Optional.empty();
        }
        return Optional.of(new Match(azureSize, ec2Family + "." + size, cpu, 0, Fit.DERIVED));
    }
}
