package dev.ferry.cli;

/** Who is acting when a command does not say: {@code FERRY_REVIEWER}, else the operating system's user name. */
final class Reviewer {

    private Reviewer() {
    }

    static String current() {
        String named = System.getenv("FERRY_REVIEWER");
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        return System.getProperty("user.name", "unknown");
    }
}
