package dev.ferry.app.editor;

import java.time.Duration;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
import org.reactfx.EventStream;

/**
 * A YAML code editor: syntax highlighting, line numbers, read-only or editable, a monospace font whose size follows
 * {@link #fontSizeProperty()} (the shell binds it for presentation mode), per-line styles with filler rows (for
 * diffs) and character marks (changed words).
 *
 * <p>A document is shown in a {@link CodeView}, drawn on a canvas, which costs a few milliseconds however the text
 * looks. When the editor is editable and the user clicks into it, types or presses Enter, it switches to a RichTextFX
 * area holding the same text, styles and scroll position; showing the next document switches back. Highlighting of
 * documents above {@value #SYNC_LIMIT} characters is computed on a background executor; a stale result is dropped.
 *
 * <p>Styles come from {@code yaml-editor.css} and use AtlantaFX looked-up colors, so the editor follows the light
 * and dark themes.
 */
public final class YamlEditor extends StackPane {

    /** Documents up to this many characters are highlighted on the FX thread, at once. */
    public static final int SYNC_LIMIT = 20_000;

    private static final List<String> MONOSPACE_FAMILIES = List.of("JetBrains Mono", "Cascadia Mono", "Fira Code",
            "SF Mono", "Menlo", "Consolas", "DejaVu Sans Mono", "Liberation Mono", "Monospaced");

    private final Executor background;
    private final ReadOnlyDoubleWrapper lineHeight = new ReadOnlyDoubleWrapper(16);
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 13);
    private final ReadOnlyBooleanWrapper highlighted = new ReadOnlyBooleanWrapper(this, "highlighted", true);
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing", false);
    private final YamlCodeArea area;
    private final EditorScrollPane areaPane;
    private final CodeView view = new CodeView();
    private final String fontFamily;
    private List<StyleRange> marks = List.of();
    private long textVersion;
    private long viewVersion;
    private boolean measureScheduled;
    private boolean loadingArea;
    private long requestedVersion = -1;
    private List<StyleRange> requestedMarks;

    /** An editor that highlights big documents on {@link EditorExecutor#shared()}. */
    public YamlEditor() {
        this(EditorExecutor.shared());
    }

    public YamlEditor(Executor background) {
        this.background = Objects.requireNonNull(background, "background");
        this.fontFamily = monospaceFamily();
        area = new YamlCodeArea(lineHeight.getReadOnlyProperty());
        area.setParagraphGraphicFactory(new Gutter());
        area.setEditable(false);
        areaPane = new EditorScrollPane(area);
        getChildren().add(view);
        getStyleClass().add("yaml-editor");
        getStylesheets().add(Objects.requireNonNull(
                YamlEditor.class.getResource("yaml-editor.css"), "yaml-editor.css").toExternalForm());
        fontSize.addListener((obs, old, size) -> applyFont());
        lineHeight.addListener((obs, old, height) -> view.setLineHeight(height.doubleValue()));
        applyFont();
        view.setOnEditRequest(this::startEditingAt);
        area.editableProperty().addListener((obs, old, editable) -> view.setEditRequestsEnabled(editable));
        area.getVisibleParagraphs().addListener((javafx.beans.InvalidationListener) obs -> scheduleMeasure());
        area.multiPlainChanges().subscribe(changes -> {
            textVersion++;
            highlighted.set(false);
        });
        area.multiPlainChanges().successionEnds(Duration.ofMillis(80)).subscribe(changes -> highlight());
    }

    /** Replaces the whole text (and forgets undo history); highlighting follows at once or from the background. */
    public void setText(String text) {
        setText(text, List.of());
    }

    /** Replaces the text and its character marks together, so the marks never refer to another text. */
    public void setText(String text, List<StyleRange> textMarks) {
        setDocument(text, textMarks, List.of());
    }

    /**
     * Shows a document with its character marks and line styles, read-only until the user starts editing. Documents
     * up to {@link #SYNC_LIMIT} characters are highlighted at once; larger ones are shown plain and highlighted from
     * the background.
     */
    public void setDocument(String text, List<StyleRange> textMarks, List<LineStyle> lineStyles) {
        stopEditing();
        this.marks = List.copyOf(textMarks);
        long version = ++viewVersion;
        if (text.length() <= SYNC_LIMIT) {
            view.setDocument(new CodeDocument(text, YamlTokenizer.tokenRuns(text), marks, lineStyles));
            highlighted.set(true);
            return;
        }
        view.setDocument(new CodeDocument(text, List.of(), marks, lineStyles));
        highlighted.set(false);
        background.execute(() -> {
            List<StyleRange> tokens = YamlTokenizer.tokenRuns(text);
            Platform.runLater(() -> {
                if (version == viewVersion && !editing.get()) {
                    CodeDocument shown = view.document();
                    view.restyle(shown.restyled(tokens, shown.marks(), shown.lineStyles()));
                    highlighted.set(true);
                }
            });
        });
    }

    public String getText() {
        return editing.get() ? area.getText() : view.document().text();
    }

    /** The user's changes of the text while editing; loading a document into the editor is not one. */
    public EventStream<?> edits() {
        return area.multiPlainChanges().filter(changes -> !loadingArea);
    }

    /** Character marks over the current text (e.g. changed words), shown over the syntax colors. */
    public void setMarks(List<StyleRange> textMarks) {
        this.marks = List.copyOf(textMarks);
        if (editing.get()) {
            highlight();
        } else {
            CodeDocument shown = view.document();
            view.restyle(shown.restyled(shown.tokens(), marks, shown.lineStyles()));
        }
    }

    /**
     * Styles every line: index {@code i} of {@code styles} styles line {@code i}; lines beyond the list are plain.
     * Only lines whose style changes are touched.
     */
    public void setLineStyles(List<LineStyle> styles) {
        if (!editing.get()) {
            CodeDocument shown = view.document();
            view.restyle(shown.restyled(shown.tokens(), shown.marks(), styles));
            return;
        }
        int count = area.getParagraphs().size();
        for (int i = 0; i < count; i++) {
            LineStyle style = i < styles.size() ? styles.get(i) : LineStyle.PLAIN;
            if (!area.getParagraph(i).getParagraphStyle().equals(style)) {
                area.setParagraphStyle(i, style);
            }
        }
    }

    public LineStyle getLineStyle(int line) {
        return editing.get() ? area.getParagraph(line).getParagraphStyle() : view.document().lineStyle(line);
    }

    public BooleanProperty editableProperty() {
        return area.editableProperty();
    }

    public void setEditable(boolean editable) {
        area.setEditable(editable);
    }

    public boolean isEditable() {
        return area.isEditable();
    }

    /** True while the RichTextFX area is shown, from the user's first click or keystroke until the next document. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** Switches to the RichTextFX area with the caret at the top line shown; see {@link #editingProperty()}. */
    public void startEditing() {
        startEditingAt(view.document().lineStart(view.topLine()), "");
    }

    /** Font size in pixels; the shell binds it to the app's font size (presentation mode enlarges it). */
    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** Height of one row in pixels for the current font: the unit of filler rows. */
    public ReadOnlyDoubleProperty lineHeightProperty() {
        return lineHeight.getReadOnlyProperty();
    }

    /** True once the current text carries its highlighting (tests wait on it). */
    public ReadOnlyBooleanProperty highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    /** Moves the caret to the start of {@code line} (0-based) and scrolls it into view. */
    public void moveCaretToLine(int line) {
        if (!editing.get()) {
            view.showLineAtCenter(line);
            return;
        }
        int target = Math.max(0, Math.min(line, area.getParagraphs().size() - 1));
        area.moveTo(target, 0);
        area.showParagraphAtCenter(target);
    }

    /** The line (0-based) the caret is on. */
    public int caretLine() {
        return editing.get() ? area.getCurrentParagraph() : view.caretLine();
    }

    /** Gives the keyboard focus to what is shown: the view or the area. */
    public void focusText() {
        if (editing.get()) {
            area.requestFocus();
        } else {
            view.requestFocus();
        }
    }

    /**
     * How far the text is scrolled down, in rows (filler rows included) as numbered by {@code rowStarts} (row of
     * each line's first row, then the total); NaN while the area has not laid out its lines.
     */
    public double scrolledRows(int[] rowStarts) {
        if (!editing.get()) {
            return view.scrolledRows();
        }
        Bounds bounds = area.localToScreen(area.getBoundsInLocal());
        if (bounds == null || area.getVisibleParagraphs().isEmpty()) {
            return Double.NaN;
        }
        int first = area.firstVisibleParToAllParIndex();
        if (first < 0 || first >= rowStarts.length - 1) {
            return Double.NaN;
        }
        Bounds box = area.getVisibleParagraphBoundsOnScreen(0);
        return box == null ? Double.NaN
                : rowStarts[first] + (bounds.getMinY() - box.getMinY()) / lineHeight.get();
    }

    /** Scrolls so that row {@code rows} (fractional; see {@link #scrolledRows}) is at the top. */
    public void scrollToRows(double rows, int[] rowStarts) {
        if (!editing.get()) {
            view.scrollYProperty().set(Math.max(0, rows * view.lineHeight()));
            return;
        }
        int target = paragraphAtRow(rowStarts, (int) Math.floor(rows));
        if (target >= area.getParagraphs().size()) {
            return;
        }
        area.showParagraphAtTop(target);
        double offset = (rows - rowStarts[target]) * lineHeight.get();
        if (offset > 0.5) {
            area.scrollYBy(offset);
        }
    }

    /** True when nothing is scrolled away at the top: cheap, and asks neither side to lay out its lines. */
    public boolean atTop() {
        return editing.get() ? area.getEstimatedScrollY() < 0.5 : view.scrollYProperty().get() < 0.5;
    }

    /** Calls {@code listener} whenever the shown text may have scrolled; see {@link #rearmScrollListener()}. */
    public void addScrollListener(InvalidationListener listener) {
        view.scrollYProperty().addListener(listener);
        // invalidation, not change: a change listener makes the flow recompute its estimate each time it measures
        // a line
        area.estimatedScrollYProperty().addListener(listener);
    }

    /** An invalidation listener hears nothing more until the value is read again: reads both scroll positions. */
    public void rearmScrollListener() {
        view.scrollYProperty().get();
        if (editing.get()) {
            area.estimatedScrollYProperty().getValue();
        }
    }

    /** The RichTextFX area used while editing; see {@link #startEditing()}. */
    public YamlCodeArea area() {
        return area;
    }

    /** The canvas view shown while not editing. */
    public CodeView view() {
        return view;
    }

    private void startEditingAt(int offset, String typed) {
        if (!editing.get()) {
            int topLine = view.topLine();
            loadArea(view.document());
            getChildren().setAll(areaPane);
            editing.set(true);
            rearmScrollListener();
            area.moveTo(Math.max(0, Math.min(offset, area.getLength())));
            // the area opens at the line the view had at its top (a part of a row scrolled away is not kept: the
            // area has no layout yet to scroll by pixels)
            area.showParagraphAtTop(topLine);
        } else {
            area.moveTo(Math.max(0, Math.min(offset, area.getLength())));
        }
        area.requestFocus();
        if (!typed.isEmpty()) {
            area.replaceSelection(typed);
        }
    }

    private void stopEditing() {
        if (editing.get()) {
            editing.set(false);
            getChildren().setAll(view);
        }
    }

    /** Puts the view's document into the area as one change, so the area builds each visible line's cell once. */
    private void loadArea(CodeDocument shown) {
        String text = shown.text();
        StyleSpans<Collection<String>> spans = StyleLayers.merge(text.length(), shown.tokens(), marks);
        ReadOnlyStyledDocument<LineStyle, String, Collection<String>> plain =
                ReadOnlyStyledDocument.fromString(text, LineStyle.PLAIN, List.of(), area.getSegOps());
        Map<Paragraph<LineStyle, String, Collection<String>>, Integer> lines = new IdentityHashMap<>();
        List<Paragraph<LineStyle, String, Collection<String>>> paragraphs = plain.getParagraphs();
        int[] starts = new int[paragraphs.size()];
        for (int i = 0, offset = 0; i < paragraphs.size(); i++) {
            lines.put(paragraphs.get(i), i);
            starts[i] = offset;
            offset += paragraphs.get(i).length() + 1;
        }
        ReadOnlyStyledDocument<LineStyle, String, Collection<String>> styled = plain.mapParagraphs(paragraph -> {
            int line = lines.get(paragraph);
            Paragraph<LineStyle, String, Collection<String>> restyled = paragraph.length() == 0 ? paragraph
                    : paragraph.restyle(0, spans.subView(starts[line], starts[line] + paragraph.length()));
            return restyled.setParagraphStyle(shown.lineStyle(line));
        });
        loadingArea = true;
        try {
            area.replace(0, area.getLength(), styled);
        } finally {
            loadingArea = false;
        }
        area.getUndoManager().forgetHistory();
        requestedVersion = textVersion; // what the replace carries is this version's highlighting
        requestedMarks = marks;
        highlighted.set(!shown.tokens().isEmpty() || text.isEmpty());
        if (!highlighted.get()) {
            highlight();
        }
    }

    private void applyFont() {
        double size = fontSize.get();
        area.setStyle(String.format(Locale.ROOT, "-fx-font-family: '%s'; -fx-font-size: %.1fpx;", fontFamily, size));
        Font font = Font.font(fontFamily, size);
        lineHeight.set(measureLineHeight(font));
        view.setFont(font, lineHeight.get());
    }

    private void scheduleMeasure() {
        if (!measureScheduled) {
            measureScheduled = true;
            Platform.runLater(() -> {
                measureScheduled = false;
                measureRenderedLine();
            });
        }
    }

    /**
     * Takes the row height from a rendered line without filler: the exact unit filler rows must use so both sides
     * of a diff stay level (the estimate from font metrics can be off by a pixel).
     */
    private void measureRenderedLine() {
        for (Node box : area.lookupAll(".paragraph-box")) {
            if (box instanceof javafx.scene.layout.Region region && region.getHeight() > 0
                    && region.lookup(".line-with-filler") == null) {
                if (Math.abs(region.getHeight() - lineHeight.get()) > 0.001) {
                    lineHeight.set(region.getHeight());
                }
                return;
            }
        }
    }

    /**
     * The height of an unpadded paragraph: a one-line text flow with the area's line spacing, rounded up to whole
     * pixels as the area lays its lines out, so the view and the area of the other side keep the same rows.
     */
    private static double measureLineHeight(Font font) {
        Text probe = new Text("Xg");
        probe.setFont(font);
        TextFlow flow = new TextFlow(probe);
        flow.setLineSpacing(1);
        return Math.ceil(flow.prefHeight(-1));
    }

    private static String monospaceFamily() {
        Set<String> installed = Set.copyOf(Font.getFamilies());
        return MONOSPACE_FAMILIES.stream().filter(installed::contains).findFirst().orElse("Monospaced");
    }

    private static int paragraphAtRow(int[] rowStarts, int row) {
        return CodeDocument.lastAtMost(rowStarts, rowStarts.length - 1, row);
    }

    private void highlight() {
        String text = area.getText();
        long version = textVersion;
        List<StyleRange> currentMarks = marks;
        if (version == requestedVersion && currentMarks == requestedMarks) {
            return; // already highlighted or on its way (a programmatic change also ends a typing succession)
        }
        requestedVersion = version;
        requestedMarks = currentMarks;
        if (text.length() <= SYNC_LIMIT) {
            apply(version, StyleLayers.merge(text.length(), YamlTokenizer.tokenRuns(text), currentMarks));
            return;
        }
        highlighted.set(false);
        background.execute(() -> {
            StyleSpans<Collection<String>> spans =
                    StyleLayers.merge(text.length(), YamlTokenizer.tokenRuns(text), currentMarks);
            Platform.runLater(() -> apply(version, spans));
        });
    }

    private void apply(long version, StyleSpans<Collection<String>> spans) {
        if (version != textVersion || spans.length() != area.getLength()) {
            return;
        }
        area.setStyleSpans(0, spans);
        highlighted.set(true);
    }

    /** Line numbers that sit level with their line's text, below any filler rows above it. */
    private final class Gutter implements IntFunction<Node> {
        @Override
        public Node apply(int index) {
            LineNumber number = new LineNumber(index + 1);
            // styled once in the scene: RichTextFX measures new cells before they join the editor, where the
            // theme's looked-up colors cannot resolve
            number.sceneProperty().addListener((obs, old, scene) -> {
                if (scene != null && !number.getStyleClass().contains("lineno")) {
                    number.getStyleClass().add("lineno");
                }
            });
            number.setMaxHeight(Double.MAX_VALUE);
            number.setMinWidth(Region.USE_PREF_SIZE);
            number.setMaxWidth(Region.USE_PREF_SIZE);
            Paragraph<LineStyle, String, Collection<String>> paragraph = area.getParagraph(index);
            LineStyle style = paragraph.getParagraphStyle();
            style.styleClasses().forEach(c -> number.getStyleClass().add("lineno-" + c));
            number.paddingProperty().bind(Bindings.createObjectBinding(
                    () -> new Insets(style.fillerAbove() * lineHeight.get(), 8, 0, 6), lineHeight));
            // the gutter is as wide as the number's preferred width: fix it so every line's text starts level
            number.prefWidthProperty().bind(width);
            return number;
        }

        /**
         * One width for every line number, from the line count and the font size. Shared, not one binding per
         * number: a binding on the paragraph list's size (a new observable per call in ReactFX) stays subscribed to
         * the list after its line scrolls away, and hundreds of them made every later change of the text slower.
         */
        private final DoubleBinding width;

        Gutter() {
            ObservableValue<Integer> lineCount = area.getParagraphs().sizeProperty();
            width = Bindings.createDoubleBinding(() -> digits(lineCount.getValue()) * 0.62 * fontSize.get() + 16,
                    lineCount, fontSize);
        }

        private int digits(int count) {
            return Math.max(2, Integer.toString(count).length());
        }
    }
}
