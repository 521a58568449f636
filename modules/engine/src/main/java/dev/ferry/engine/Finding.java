package dev.ferry.engine;

import java.util.Objects;

/**
 * Something a reviewer should know about a change.
 *
 * @param severity   info, warning or action-required
 * @param message    what was found and what to do, for a user
 * @param settingKey the settings key that would resolve it (for example {@code aws.accountId}), or empty
 */
public record Finding(Severity severity, String message, String settingKey) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        settingKey = settingKey == null ? "" : settingKey;
    }

    public static Finding info(String message) {
        return new Finding(Severity.INFO, message, "");
    }

    public static Finding warning(String message) {
        return new Finding(Severity.WARNING, message, "");
    }

    public static Finding actionRequired(String message) {
        return new Finding(Severity.ACTION_REQUIRED, message, "");
    }

    public static Finding missingSetting(String settingKey, String message) {
        return new Finding(Severity.ACTION_REQUIRED, message, settingKey);
    }
}
