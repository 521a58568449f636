package dev.ferry.plan.settings;

/** A settings file that cannot be used, with a message naming the file and line. */
public class SettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
