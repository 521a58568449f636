package dev.ferry.model;

/**
 * Where an object was read from: a file, the 1-based document number inside it and the line the document starts.
 * Objects read from a live cluster carry the cluster context as their file and document 0.
 */
public record Origin(String file, int document, int line) {

    public static Origin unknown() {
        return new Origin("", 0, 0);
    }

    @Override
    public String toString() {
        if (file.isEmpty()) {
            return "(generated)";
        }
        return document == 0 ? file : file + ":" + line + " (document " + document + ")";
    }
}
