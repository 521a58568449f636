package dev.ferry.app.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Native file choosers behind an interface, so views can be tested without a native dialog. */
public interface FileChoosers {

    Optional<Path> chooseFolder(String title);

    Optional<Path> chooseFile(String title, String description, String... extensions);

    Optional<Path> saveFile(String title, String initialName, String description, String... extensions);

    /** The real choosers, owned by {@code owner}'s window. */
    static FileChoosers of(Supplier<Window> owner) {
        return new FileChoosers() {
            @Override
            public Optional<Path> chooseFolder(String title) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseFile(String title, String description, String... extensions) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extensions));
                return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
            }

            @Override
            public Optional<Path> saveFile(String title, String initialName, String description, String... extensions) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(initialName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extensions));
                return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
            }
        };
    }
}
