package dev.ferry.app.main;

import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.app.state.WorkbenchState;
import dev.ferry.app.theme.Theme;
import dev.ferry.plan.bundle.BundleArchive;
import dev.ferry.plan.report.HtmlRenderer;
import dev.ferry.plan.report.ReportBuilder;
import dev.ferry.plan.review.ReviewMerge;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's own state and commands: title, status line, reviewer name, theme and presentation mode, closing the
 * review. Screen-specific commands live in their screens' view models.
 */
public final class MainViewModel {

    private final WorkbenchContext context;
    private final WorkbenchState state;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Ferry");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyStringWrapper reviewer = new ReadOnlyStringWrapper(this, "reviewer");
    private final ReadOnlyBooleanWrapper reviewOpen = new ReadOnlyBooleanWrapper(this, "reviewOpen");
    private final ReadOnlyStringWrapper tamperWarning = new ReadOnlyStringWrapper(this, "tamperWarning", "");

    public MainViewModel(WorkbenchContext context) {
        this.context = context;
        this.state = context.state();
        reviewer.set(context.preferences().reviewerName());
        context.preferences().theme().ifPresent(name -> {
            for (Theme theme : Theme.values()) {
                if (theme.name().equals(name)) {
                    state.setTheme(theme);
                }
            }
        });
        reviewOpen.bind(Bindings.isNotNull(state.reviewProperty()));
        state.reviewProperty().addListener((obs, old, now) -> reviewChanged(now));
        reviewChanged(state.review());
    }

    private void reviewChanged(ReviewSnapshot snapshot) {
        if (snapshot == null) {
            title.set("Ferry");
            status.set("Ready");
            tamperWarning.set("");
        } else {
            tamperWarning.set(snapshot.verification().intact() ? ""
                    : "This bundle was changed after Ferry wrote it. " + snapshot.verification()
                    + ". Review those files with care, or ask for the original bundle.");
            title.set("Ferry — " + snapshot.name() + " (" + snapshot.direction().id() + ")");
            status.set(String.format(java.util.Locale.ROOT, "%s: %,d objects", where(snapshot.location()),
                    snapshot.rows().size()));
        }
    }

    /**
     * Where the bundle lives, for the status bar: its path, except that a bundle in the temporary folder (the demo's)
     * says so and how to keep it, since the folder goes away with the machine's temporary files.
     */
    static String where(Path location) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        if (location.toAbsolutePath().startsWith(temp)) {
            return "Bundle " + location.getFileName() + " in a temporary folder (File → Export bundle as zip… keeps it)";
        }
        return location.toString();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewerProperty() {
        return reviewer.getReadOnlyProperty();
    }

    /** Names the files that differ from the bundle's recorded digests; empty for an intact bundle. */
    public ReadOnlyStringProperty tamperWarningProperty() {
        return tamperWarning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reviewOpenProperty() {
        return reviewOpen.getReadOnlyProperty();
    }

    /** Sets the name recorded on approvals; blank restores the OS user name. */
    public void setReviewer(String name) {
        context.preferences().setReviewerName(name);
        reviewer.set(context.preferences().reviewerName());
    }

    public void toggleTheme() {
        Theme next = state.themeProperty().get().other();
        state.setTheme(next);
        context.preferences().setTheme(next.name());
    }

    public void togglePresentation() {
        state.setPresentation(!state.presentationProperty().get());
    }

    /**
     * Renders the open review's report as it stands now (decisions, blockers, the runbook per wave) off the FX
     * thread and hands the self-contained HTML page to {@code show}.
     */
    public void renderReport(java.util.function.Consumer<String> show) {
        ReviewSnapshot review = state.review();
        if (review == null) {
            return;
        }
        context.runner().run("Rendering the report", progress -> html(review), show,
                failure -> context.errors().unexpected("Rendering the report", failure));
    }

    private static String html(ReviewSnapshot review) {
        return new HtmlRenderer().render(new ReportBuilder().build(review.session()));
    }

    /**
     * Writes the report as an HTML page to a temporary file (never into the bundle, whose files are digested) and
     * hands its location to {@code open}, for the browser.
     */
    public void exportReportForBrowser(java.util.function.Consumer<Path> open) {
        ReviewSnapshot review = state.review();
        if (review == null) {
            return;
        }
        context.runner().run("Preparing the report for the browser", progress -> {
            Path file = Files.createTempFile("ferry-report-", ".html");
            Files.writeString(file, html(review));
            file.toFile().deleteOnExit();
            return file;
        }, open, failure -> context.errors().notify("Cannot open the report in a browser", failure.getMessage()));
    }

    /**
     * Brings a reviewer's decisions back from their copy (folder or zip): a decision is taken only where the
     * reviewer saw exactly the content this bundle holds now. {@code report} gets the outcome, for the user.
     */
    public void mergeReviewerCopy(Path copy, java.util.function.Consumer<String> report) {
        ReviewSnapshot review = state.review();
        if (review == null) {
            return;
        }
        String by = context.preferences().reviewerName();
        context.runner().run("Merging decisions from " + copy.getFileName(), progress -> {
            ReviewMerge.Report merged = ReviewMerge.merge(review.session(), copy, by);
            return new Merged(merged, ReviewSnapshot.of(review.session()));
        }, result -> {
            if (state.review() != null && state.review().session() == review.session()) {
                state.setReview(result.snapshot());
            }
            report.accept(describe(result.report(), copy));
        }, failure -> {
            if (failure instanceof dev.ferry.plan.bundle.BundleException) {
                context.errors().notify("Cannot merge " + copy.getFileName(), failure.getMessage());
            } else {
                context.errors().unexpected("Merging " + copy.getFileName(), failure);
            }
        });
    }

    private record Merged(ReviewMerge.Report report, ReviewSnapshot snapshot) {
    }

    static String describe(ReviewMerge.Report merged, Path copy) {
        StringBuilder text = new StringBuilder();
        text.append(merged.taken().size()).append(merged.taken().size() == 1 ? " decision" : " decisions")
                .append(" taken from ").append(copy.getFileName()).append('.');
        if (!merged.notTaken().isEmpty()) {
            text.append("\n\nNot taken (").append(merged.notTaken().size()).append("):");
            merged.notTaken().stream().limit(20).forEach(o -> text.append("\n• ").append(o.resource()).append(": ")
                    .append(o.reason()));
            if (merged.notTaken().size() > 20) {
                text.append("\n… and ").append(merged.notTaken().size() - 20).append(" more");
            }
        }
        return text.toString();
    }

    /** Packs the open bundle, with every decision so far, into {@code zip} for a reviewer. */
    public void exportZip(Path zip) {
        ReviewSnapshot review = state.review();
        if (review == null) {
            return;
        }
        context.runner().run("Exporting " + review.name() + " to " + zip.getFileName(), progress -> {
            int files = BundleArchive.pack(review.session().folder(), zip);
            return files;
        }, files -> status.set("Exported " + files + " files to " + zip),
                failure -> context.errors().notify("Cannot export the bundle", failure.getMessage()));
    }
}
