package dev.ferry.app.theme;

/** The workbench's colour themes (AtlantaFX Primer). */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
