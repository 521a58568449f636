package dev.ferry.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPreferencesTest {

    @TempDir
    Path folder;

    @Test
    void reviewerDefaultsToTheOsUserAndIsRemembered() {
        assertThat(new UserPreferences(folder).reviewerName()).isEqualTo(System.getProperty("user.name"));

        new UserPreferences(folder).setReviewerName("  alice ");

        assertThat(new UserPreferences(folder).reviewerName()).isEqualTo("alice");
    }

    @Test
    void recentBundlesAreNewestFirstWithoutDuplicatesAndSurviveARestart() {
        UserPreferences preferences = new UserPreferences(folder);
        preferences.addRecentBundle(folder.resolve("a"));
        preferences.addRecentBundle(folder.resolve("b"));
        preferences.addRecentBundle(folder.resolve("a"));

        assertThat(new UserPreferences(folder).recentBundles())
                .containsExactly(folder.resolve("a").toAbsolutePath(), folder.resolve("b").toAbsolutePath());
    }

    @Test
    void keepsAtMostEightRecentBundles() {
        UserPreferences preferences = new UserPreferences(folder);
        for (int i = 0; i < 12; i++) {
            preferences.addRecentBundle(folder.resolve("b" + i));
        }

        assertThat(preferences.recentBundles()).hasSize(8).first().isEqualTo(folder.resolve("b11").toAbsolutePath());
    }

    @Test
    void forgetsABundle() {
        UserPreferences preferences = new UserPreferences(folder);
        preferences.addRecentBundle(folder.resolve("gone"));

        preferences.removeRecentBundle(folder.resolve("gone"));

        assertThat(new UserPreferences(folder).recentBundles()).isEmpty();
    }
}
