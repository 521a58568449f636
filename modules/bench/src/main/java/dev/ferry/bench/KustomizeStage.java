package dev.ferry.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The baseline a user would reach for: {@code kubectl kustomize DIR > out.yaml} over the same estate with an
 * {@code images:} transformer that moves every ACR image to ECR (the registry edge only). The estate's files are
 * hard-linked into a kustomization folder beside a generated {@code kustomization.yaml}.
 */
final class KustomizeStage implements Stage {

    /** The registry mapping of {@code examples/settings.yaml}, which the Ferry stages run with. */
    static final String ACR = "shopacr.azurecr.io";
    static final String ECR = "111122223333.dkr.ecr.eu-west-1.amazonaws.com";

    private static final Pattern IMAGE = Pattern.compile("image:\\s*(" + Pattern.quote(ACR) + "/[^:@\\s]+)");

    @Override
    public String id() {
        return "kustomize";
    }

    @Override
    public String description() {
        return "kubectl kustomize with an images transformer (ACR to ECR), output to one file";
    }

    @Override
    public Run prepare(Fixture fixture) throws Exception {
        Path kubectl = kubectl().orElseThrow(() -> new SkippedException(
                "kubectl is not on the PATH, so the kustomize baseline was not measured"));
        Path estate = fixture.estate();
        int objects = fixture.objects();
        Path dir = fixture.scratch("kustomize");
        Files.createDirectories(dir);
        Path output = fixture.work().resolve("scratch-" + fixture.requested() + "-kustomize.yaml");
        Path errors = fixture.work().resolve("scratch-" + fixture.requested() + "-kustomize.err");
        Files.writeString(dir.resolve("kustomization.yaml"), kustomization(estate, dir), StandardCharsets.UTF_8);
        return rep -> {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException("kubectl kustomize failed (exit " + exit + "): "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
            if (rep == 0) {
                checkRewritten(output);
            }
            return objects;
        };
    }

    /** Links the estate's files into {@code dir} and returns a kustomization over them with one image entry each. */
    static String kustomization(Path estate, Path dir) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        TreeSet<String> images = new TreeSet<>();
        try (Stream<Path> listing = Files.list(estate)) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.createLink(dir.resolve(file.getFileName()), file);
                files.add(file.getFileName().toString());
                Matcher matcher = IMAGE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    images.add(matcher.group(1));
                }
            }
        }
        StringBuilder out = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
        out.append("resources:\n");
        files.forEach(f -> out.append("  - ").append(f).append('\n'));
        out.append("images:\n");
        for (String image : images) {
            out.append("  - name: ").append(image).append('\n')
                    .append("    newName: ").append(ECR).append(image.substring(ACR.length())).append('\n');
        }
        return out.toString();
    }

    private static void checkRewritten(Path output) throws IOException {
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (!text.contains("image: " + ECR + "/") || IMAGE.matcher(text).find()) {
            throw new IOException("kubectl kustomize did not move every image to ECR; see " + output);
        }
    }

    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return List.of(path.split(File.pathSeparator)).stream().map(d -> Path.of(d, "kubectl"))
                .filter(Files::isExecutable).findFirst();
    }
}
