package dev.ferry.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry rbac}: the minimal ClusterRole and ClusterRoleBinding Ferry needs on the source or the target. */
@Command(name = "rbac",
        mixinStandardHelpOptions = true,
        description = {"Prints the ClusterRole and ClusterRoleBinding (YAML) Ferry needs on one side: read only on "
                + "the source; on the target, only what apply and rollback use.",
                "Apply it with `ferry rbac --role target | kubectl apply -f -` as a cluster admin."})
final class RbacCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "source or target.")
    String role;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Name of the ClusterRole and its binding (default ferry-source or ferry-target).")
    String name;

    @CommandLine.ArgGroup(exclusive = true)
    Subject subject;

    static final class Subject {
        @Option(names = "--group", paramLabel = "GROUP",
                description = "Bind the role to this group (default: a group named like the role).")
        String group;

        @Option(names = "--user", paramLabel = "USER", description = "Bind the role to this user instead.")
        String user;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RbacRole chosen;
        try {
            chosen = RbacRole.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("ferry rbac: unknown role `" + role + "`. Use --role source or --role target.");
            return ExitCodes.BAD_INPUT;
        }
        String roleName = name == null ? "ferry-" + chosen.id() : name;
        if (!NAME.matcher(roleName).matches()) {
            err.println("ferry rbac: `" + roleName + "` is not a valid ClusterRole name. Use lower-case letters, "
                    + "digits, '-' and '.', starting and ending with a letter or digit.");
            return ExitCodes.BAD_INPUT;
        }
        String subjectKind = subject != null && subject.user != null ? "User" : "Group";
        String subjectName = subject == null ? roleName : subject.user != null ? subject.user : subject.group;
        out.print(render(chosen, roleName, subjectKind, subjectName));
        out.flush();
        return ExitCodes.OK;
    }

    static String render(RbacRole role, String name, String subjectKind, String subjectName) {
        StringBuilder yaml = new StringBuilder();
        VersionProvider.Build build = VersionProvider.build();
        yaml.append("# The RBAC Ferry needs on the ").append(role.id()).append(" cluster: `ferry rbac --role ")
                .append(role.id()).append("` of ferry ").append(build.version()).append(" (commit ")
                .append(build.commit()).append(").\n");
        role.explanation().lines().forEach(line -> yaml.append("# ").append(line).append('\n'));
        yaml.append("# Bind it to the identity Ferry connects as: on AKS with Entra ID a group's object id, on EKS the\n"
                + "# group an access entry (or aws-auth) maps your IAM role to.\n");
        yaml.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ")
                .append(quote(name)).append("\n  labels:\n    app.kubernetes.io/name: ferry\nrules:\n");
        for (RbacRule rule : role.rules()) {
            if (rule.nonResourceUrls().isEmpty()) {
                yaml.append("  - apiGroups: ").append(flow(rule.apiGroups())).append('\n')
                        .append("    resources: ").append(flow(rule.resources())).append('\n');
            } else {
                yaml.append("  - nonResourceURLs: ").append(flow(rule.nonResourceUrls())).append('\n');
            }
            yaml.append("    verbs: ").append(flow(rule.verbs())).append('\n');
        }
        yaml.append("---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ")
                .append(quote(name)).append("\n  labels:\n    app.kubernetes.io/name: ferry\n")
                .append("roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ")
                .append(quote(name)).append("\nsubjects:\n  - apiGroup: rbac.authorization.k8s.io\n    kind: ")
                .append(subjectKind).append("\n    name: ").append(quote(subjectName)).append('\n');
        return yaml.toString();
    }

    private static String flow(List<String> values) {
        return values.stream().map(RbacCommand::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Double-quoted YAML scalar: safe for {@code *}, {@code /api/*}, ':' in user names and anything else. */
    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
