package dev.ferry.plan.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image copy list from the registry edge's artifacts ({@code registry/*.tsv}: a header, then source and target
 * per line), each with a command that copies it in the migration's direction.
 */
final class ImageCopyList {

    private static final Pattern ECR = Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(/.*)?");

    private final Clouds clouds;
    private final List<ReportModel.ImageCopy> images = new ArrayList<>();
    private final Set<String> setup = new LinkedHashSet<>();

    ImageCopyList(Clouds clouds, Map<String, String> artifacts) {
        this.clouds = clouds;
        artifacts.forEach((path, content) -> {
            if (path.startsWith("registry/") && path.endsWith(".tsv")) {
                read(path, content);
            }
        });
    }

    List<ReportModel.ImageCopy> images() {
        return List.copyOf(images);
    }

    List<String> setup() {
        return List.copyOf(setup);
    }

    private void read(String path, String content) {
        content.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] columns = line.split("\t");
            if (columns.length >= 2) {
                images.add(new ReportModel.ImageCopy(columns[0], columns[1], command(columns[0], columns[1])));
            }
        });
        if (!images.isEmpty()) {
            setup.add("The full list is `artifacts/" + path + "`.");
        }
    }

    private String command(String source, String target) {
        String sourceHost = host(source);
        String targetHost = host(target);
        if (clouds.toEks()) {
            setup.add("Log in to the source registry: `az acr login --name " + sourceHost.replace(".azurecr.io", "")
                    + "`.");
            Matcher ecr = ECR.matcher(targetHost);
            String region = ecr.matches() ? ecr.group(2) : "REGION";
            setup.add("Log in to the target registry: `aws ecr get-login-password --region " + region
                    + " | crane auth login " + targetHost + " -u AWS --password-stdin`.");
            setup.add("Create each ECR repository first (ECR does not create them on push): `aws ecr "
                    + "create-repository --region " + region + " --repository-name REPO`, or run "
                    + "`artifacts/registry/copy-images.sh`, which does both.");
            return "crane copy " + source + " " + target;
        }
        String registry = targetHost.replace(".azurecr.io", "");
        Matcher ecr = ECR.matcher(sourceHost);
        String region = ecr.matches() ? ecr.group(2) : "REGION";
        setup.add("Log in to Azure (`az login`) and AWS (the ECR password is read with `aws ecr "
                + "get-login-password`); `az acr import` copies registry to registry without pulling locally.");
        return "az acr import --name " + registry + " --source " + source + " --image " + path(target)
                + " --username AWS --password \"$(aws ecr get-login-password --region " + region + ")\"";
    }

    private static String host(String image) {
        int slash = image.indexOf('/');
        return slash < 0 ? image : image.substring(0, slash);
    }

    private static String path(String image) {
        int slash = image.indexOf('/');
        return slash < 0 ? image : image.substring(slash + 1);
    }
}
