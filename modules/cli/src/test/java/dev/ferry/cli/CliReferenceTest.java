package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code docs/cli.md} is the usage of every command, generated from the command definitions: this test fails when
 * they drift apart. Regenerate with {@code ./mvnw -q -pl modules/cli -am test -Dtest=CliReferenceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dferry.updateDocs=true}.
 */
class CliReferenceTest {

    private static final Path REFERENCE = Path.of("../../docs/cli.md");

    static String render() {
        StringBuilder text = new StringBuilder("""
                # `ferry` command reference

                Generated from the command definitions by `CliReferenceTest`; do not edit by hand.

                """);
        CommandLine root = FerryCommand.commandLine();
        root.setUsageHelpWidth(110);
        append(text, root);
        return text.toString();
    }

    private static void append(StringBuilder text, CommandLine command) {
        String name = command.getCommandSpec().qualifiedName();
        text.append("## `").append(name).append("`\n\n```\n")
                .append(command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n\n");
        command.getSubcommands().forEach((sub, child) -> {
            if (!sub.equals("help")) {
                child.setUsageHelpWidth(110);
                append(text, child);
            }
        });
    }

    @Test
    void theReferenceMatchesTheCommands() throws Exception {
        String rendered = render();
        if (Boolean.getBoolean("ferry.updateDocs")) {
            Files.writeString(REFERENCE, rendered);
        }
        assertThat(REFERENCE).as("docs/cli.md is stale; regenerate it (see this test's Javadoc)").hasContent(rendered);
    }
}
