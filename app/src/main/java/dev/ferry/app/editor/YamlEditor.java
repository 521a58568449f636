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

/**
 * A YAML code editor: syntax highlighting, line numbers, read-only or editable, a monospace font whose size follows
 * {@link #fontSizeProperty()} (the shell binds it for presentation mode), per-line styles with filler rows (for
 * diffs) and character marks (changed words). Highlighting of documents above {@value #SYNC_LIMIT} characters is
 * computed on a background executor and applied on the FX thread; a stale result is dropped.
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
    private final YamlCodeArea area;
    private final String fontFamily;
    private List<StyleRange> marks = List.of();
    private long textVersion;
    private boolean measureScheduled;
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
        getChildren().add(new EditorScrollPane(area));
        getStyleClass().add("yaml-editor");
        getStylesheets().add(Objects.requireNonNull(
                YamlEditor.class.getResource("yaml-editor.css"), "yaml-editor.css").toExternalForm());
        fontSize.addListener((obs, old, size) -> applyFont());
        applyFont();
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
        this.marks = List.copyOf(textMarks);
        area.replaceText(text);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
        highlight();
    }

    /**
     * Replaces the text together with its highlighting, character marks and line styles in one change of the area,
     * for documents up to {@link #SYNC_LIMIT} characters (larger ones: {@link #setText} and {@link #setLineStyles}).
     * RichTextFX rebuilds every visible line's cell on each change of its paragraphs, so text, then highlighting,
     * then line styles would build them three times over; one replace builds them once.
     */
    public void setDocument(String text, List<StyleRange> textMarks, List<LineStyle> lineStyles) {
        if (text.length() > SYNC_LIMIT) {
            setText(text, textMarks);
            setLineStyles(lineStyles);
            return;
        }
        this.marks = List.copyOf(textMarks);
        StyleSpans<Collection<String>> spans =
                StyleLayers.merge(text.length(), YamlTokenizer.tokenRuns(text), this.marks);
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
            LineStyle style = line < lineStyles.size() ? lineStyles.get(line) : LineStyle.PLAIN;
            Paragraph<LineStyle, String, Collection<String>> restyled = paragraph.length() == 0 ? paragraph
                    : paragraph.restyle(0, spans.subView(starts[line], starts[line] + paragraph.length()));
            return restyled.setParagraphStyle(style);
        });
        area.replace(0, area.getLength(), styled);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
        requestedVersion = textVersion; // what the replace carries is this version's highlighting
        requestedMarks = this.marks;
        highlighted.set(true);
    }

    public String getText() {
        return area.getText();
    }

    /** The text as the user sees it; changes with every keystroke. */
    public ObservableValue<String> textProperty() {
        return area.textProperty();
    }

    /** Character marks over the current text (e.g. changed words), shown over the syntax colors. */
    public void setMarks(List<StyleRange> textMarks) {
        this.marks = List.copyOf(textMarks);
        highlight();
    }

    /**
     * Styles every line: index {@code i} of {@code styles} styles line {@code i}; lines beyond the list are plain.
     * Only lines whose style changes are touched.
     */
    public void setLineStyles(List<LineStyle> styles) {
        int count = area.getParagraphs().size();
        for (int i = 0; i < count; i++) {
            LineStyle style = i < styles.size() ? styles.get(i) : LineStyle.PLAIN;
            if (!area.getParagraph(i).getParagraphStyle().equals(style)) {
                area.setParagraphStyle(i, style);
            }
        }
    }

    public LineStyle getLineStyle(int line) {
        return area.getParagraph(line).getParagraphStyle();
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
        int target = Math.max(0, Math.min(line, area.getParagraphs().size() - 1));
        area.moveTo(target, 0);
        area.showParagraphAtCenter(target);
    }

    /** The line (0-based) the caret is on. */
    public int caretLine() {
        return area.getCurrentParagraph();
    }

    /** The RichTextFX area, for scrolling, caret and key handling by the views that embed the editor. */
    public YamlCodeArea area() {
        return area;
    }

    private void applyFont() {
        double size = fontSize.get();
        area.setStyle(String.format(Locale.ROOT, "-fx-font-family: '%s'; -fx-font-size: %.1fpx;", fontFamily, size));
        lineHeight.set(measureLineHeight(Font.font(fontFamily, size)));
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

    /** The height of an unpadded paragraph: a one-line text flow with the area's line spacing. */
    private static double measureLineHeight(Font font) {
        Text probe = new Text("Xg");
        probe.setFont(font);
        TextFlow flow = new TextFlow(probe);
        flow.setLineSpacing(1);
        return flow.prefHeight(-1);
    }

    private static String monospaceFamily() {
        Set<String> installed = Set.copyOf(Font.getFamilies());
        return MONOSPACE_FAMILIES.stream().filter(installed::contains).findFirst().orElse("Monospaced");
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
