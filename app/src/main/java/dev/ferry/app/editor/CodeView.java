package dev.ferry.app.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A read-only view of a YAML document drawn on one canvas: line numbers, syntax colors, line backgrounds with blank
 * filler rows, changed-word marks, and a selection that can be copied. It exists for speed. A RichTextFX area builds,
 * styles and lays out several nodes for every visible line whenever its text changes, which made each selection in
 * the review tree cost 50–200 ms on the FX thread; this view draws the visible rows only and holds no node per line.
 * {@link YamlEditor} shows it and switches to its RichTextFX area when the user starts editing.
 *
 * <p>Colors are CSS properties ({@code -ferry-code-*}, set in {@code yaml-editor.css} from the theme's looked-up
 * colors), so the view follows the light and dark themes.
 */
public final class CodeView extends Region {

    private static final StyleablePropertyFactory<CodeView> CSS = new StyleablePropertyFactory<>(
            Region.getClassCssMetaData());
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY_INSERT = new KeyCodeCombination(KeyCode.INSERT,
            KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);
    private static final double TEXT_PADDING = 4;
    private static final int TAB_COLUMNS = 8;

    /** Every color property by name, filled as the fields below are created (declared first for that). */
    private final Map<String, StyleableObjectProperty<Paint>> paints = new HashMap<>();
    private final StyleableObjectProperty<Paint> background = paint("background", "-ferry-code-background");
    private final StyleableObjectProperty<Paint> plain = paint("plain", "-ferry-code-text");
    private final StyleableObjectProperty<Paint> key = paint("key", "-ferry-code-key");
    private final StyleableObjectProperty<Paint> string = paint("string", "-ferry-code-string");
    private final StyleableObjectProperty<Paint> number = paint("number", "-ferry-code-number");
    private final StyleableObjectProperty<Paint> bool = paint("bool", "-ferry-code-boolean");
    private final StyleableObjectProperty<Paint> comment = paint("comment", "-ferry-code-comment");
    private final StyleableObjectProperty<Paint> punctuation = paint("punctuation", "-ferry-code-punctuation");
    private final StyleableObjectProperty<Paint> anchor = paint("anchor", "-ferry-code-anchor");
    private final StyleableObjectProperty<Paint> filler = paint("filler", "-ferry-code-filler");
    private final StyleableObjectProperty<Paint> added = paint("added", "-ferry-code-added");
    private final StyleableObjectProperty<Paint> removed = paint("removed", "-ferry-code-removed");
    private final StyleableObjectProperty<Paint> changed = paint("changed", "-ferry-code-changed");
    private final StyleableObjectProperty<Paint> wordAdded = paint("wordAdded", "-ferry-code-word-added");
    private final StyleableObjectProperty<Paint> wordRemoved = paint("wordRemoved", "-ferry-code-word-removed");
    private final StyleableObjectProperty<Paint> current = paint("current", "-ferry-code-current");
    private final StyleableObjectProperty<Paint> currentNumber = paint("currentNumber", "-ferry-code-current-number");
    private final StyleableObjectProperty<Paint> gutter = paint("gutter", "-ferry-code-gutter");
    private final StyleableObjectProperty<Paint> gutterBorder = paint("gutterBorder", "-ferry-code-gutter-border");
    private final StyleableObjectProperty<Paint> lineNumber = paint("lineNumber", "-ferry-code-line-number");
    private final StyleableObjectProperty<Paint> numberAdded = paint("numberAdded", "-ferry-code-number-added");
    private final StyleableObjectProperty<Paint> numberRemoved = paint("numberRemoved", "-ferry-code-number-removed");
    private final StyleableObjectProperty<Paint> numberChanged = paint("numberChanged", "-ferry-code-number-changed");
    private final StyleableObjectProperty<Paint> selection = paint("selection", "-ferry-code-selection");
    private final StyleableObjectProperty<Paint> caretColor = paint("caretColor", "-ferry-code-caret");

    private final Canvas canvas = new Canvas();
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private final Region corner = new Region();
    private final DoubleProperty scrollY = new SimpleDoubleProperty(this, "scrollY");
    private final Map<Character, Double> charWidths = new HashMap<>();

    private CodeDocument document = CodeDocument.EMPTY;
    private Font font = Font.font("Monospaced", 13);
    private Font bold = font;
    private Font italic = font;
    private double charWidth = 8;
    private double baseline = 12;
    private double lineHeight = 16;
    private double scrollX;
    private int anchorOffset;
    private int caretOffset;
    private boolean repaintWanted = true;
    private EditRequest onEditRequest = (offset, typed) -> { };
    private boolean editRequestsEnabled;

    public CodeView() {
        getStyleClass().add("code-view");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TEXT_AREA);
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        corner.getStyleClass().add("corner");
        getChildren().addAll(canvas, vertical, horizontal, corner);
        vertical.valueProperty().addListener((obs, old, value) -> scrollY.set(value.doubleValue()));
        horizontal.valueProperty().addListener((obs, old, value) -> {
            scrollX = value.doubleValue();
            repaint();
        });
        scrollY.addListener((obs, old, value) -> {
            vertical.setValue(value.doubleValue());
            repaint();
        });
        for (StyleableObjectProperty<Paint> color : paints.values()) {
            color.addListener(obs -> repaint()); // a theme switch restyles the view: draw it in the new colors
        }
        focusedProperty().addListener(obs -> repaint());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        addEventHandler(KeyEvent.KEY_TYPED, this::onTyped);
    }

    /** Shows {@code next}; the selection is cleared and the view returns to the top. */
    public void setDocument(CodeDocument next) {
        document = next;
        anchorOffset = 0;
        caretOffset = 0;
        scrollX = 0;
        horizontal.setValue(0);
        scrollY.set(0);
        charWidths.clear();
        repaint();
        requestLayout();
    }

    /** Keeps the text but restyles it: new highlighting, marks or line styles of the same document. */
    public void restyle(CodeDocument next) {
        document = next;
        caretOffset = Math.min(caretOffset, next.text().length());
        anchorOffset = Math.min(anchorOffset, next.text().length());
        repaint();
        requestLayout();
    }

    public CodeDocument document() {
        return document;
    }

    /** The font of the text; {@code lineHeight} is the row unit shared with the RichTextFX area. */
    public void setFont(Font regular, double rowHeight) {
        font = regular;
        bold = Font.font(regular.getFamily(), FontWeight.BOLD, regular.getSize());
        italic = Font.font(regular.getFamily(), FontPosture.ITALIC, regular.getSize());
        Text probe = new Text("0".repeat(64));
        probe.setFont(regular);
        charWidth = probe.getLayoutBounds().getWidth() / 64;
        baseline = probe.getBaselineOffset();
        lineHeight = rowHeight;
        charWidths.clear();
        repaint();
        requestLayout();
    }

    /** The row unit alone, when the area measured its rendered rows at a pixel more or less than the font gave. */
    public void setLineHeight(double rowHeight) {
        lineHeight = rowHeight;
        repaint();
        requestLayout();
    }

    public double lineHeight() {
        return lineHeight;
    }

    /** Rows scrolled away at the top (filler rows included), fractional. */
    public double scrolledRows() {
        return scrollY.get() / lineHeight;
    }

    /** The line whose text or filler row is at the top. */
    public int topLine() {
        return document.lineAtRow((int) Math.floor(scrolledRows() + 0.001));
    }

    /** Vertical scroll position in pixels from the top; rows are {@link #lineHeight()} high. */
    public DoubleProperty scrollYProperty() {
        return scrollY;
    }

    /** Scrolls so that {@code line} (0-based) sits in the middle and puts the caret at its start. */
    public void showLineAtCenter(int line) {
        int target = Math.max(0, Math.min(line, document.lineCount() - 1));
        caretOffset = document.lineStart(target);
        anchorOffset = caretOffset;
        double rowTop = (document.rowStart(target) + document.lineStyle(target).fillerAbove()) * lineHeight;
        setScrollY(rowTop - (viewportHeight() - lineHeight) / 2);
    }

    /** The line (0-based) the caret is on. */
    public int caretLine() {
        return document.lineOf(caretOffset);
    }

    /** The selected text, "" for none. */
    public String selectedText() {
        return document.text().substring(Math.min(anchorOffset, caretOffset), Math.max(anchorOffset, caretOffset));
    }

    public void selectAll() {
        anchorOffset = 0;
        caretOffset = document.text().length();
        repaint();
    }

    /** Copies the selection to the system clipboard; nothing when there is none. */
    public void copy() {
        String selected = selectedText();
        if (!selected.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(selected);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /** What the owner does when the user asks to edit: swap in its editor, with the caret at {@code offset}. */
    @FunctionalInterface
    public interface EditRequest {
        /**
         * @param offset where the user clicked, or the caret for a key
         * @param typed  the character the user typed to start, "" for a click or Enter
         */
        void editAt(int offset, String typed);
    }

    /** Called when the user clicks, types or presses Enter while edit requests are enabled. */
    public void setOnEditRequest(EditRequest handler) {
        this.onEditRequest = handler;
    }

    /** Off by default: clicks select and keys scroll. */
    public void setEditRequestsEnabled(boolean enabled) {
        this.editRequestsEnabled = enabled;
    }

    /** The text offset under a point of this view, for clicks. */
    private int offsetAt(double x, double y) {
        int row = (int) Math.floor(Math.max(0, y + scrollY.get()) / lineHeight);
        int line = document.lineAtRow(row);
        String text = document.line(line);
        double within = x - gutterWidth() - TEXT_PADDING + scrollX;
        if (isPlain(text)) {
            int column = (int) Math.round(within / charWidth);
            return document.lineStart(line) + Math.max(0, Math.min(column, text.length()));
        }
        double at = 0;
        for (int column = 0; column < text.length(); column++) {
            double width = width(text.charAt(column), at);
            if (within < at + width / 2) {
                return document.lineStart(line) + column;
            }
            at += width;
        }
        return document.lineStart(line) + text.length();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        if (attribute == AccessibleAttribute.TEXT) {
            return document.text();
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double bar = Math.max(vertical.prefWidth(-1), 8);
        double contentHeight = document.rowCount() * lineHeight;
        double contentWidth = gutterWidth() + TEXT_PADDING * 2 + document.longestLine() * charWidth;
        boolean needV = contentHeight > height;
        boolean needH = contentWidth > width - (needV ? bar : 0);
        needV = needV || (needH && contentHeight > height - bar);
        double viewWidth = Math.max(0, width - (needV ? bar : 0));
        double viewHeight = Math.max(0, height - (needH ? bar : 0));
        vertical.setVisible(needV);
        horizontal.setVisible(needH);
        corner.setVisible(needV && needH);
        vertical.resizeRelocate(viewWidth, 0, bar, viewHeight);
        horizontal.resizeRelocate(0, viewHeight, viewWidth, bar);
        corner.resizeRelocate(viewWidth, viewHeight, bar, bar);
        vertical.setMax(Math.max(0, contentHeight - viewHeight));
        vertical.setVisibleAmount(viewHeight / Math.max(1, contentHeight) * vertical.getMax());
        vertical.setUnitIncrement(lineHeight);
        vertical.setBlockIncrement(Math.max(lineHeight, viewHeight - lineHeight));
        horizontal.setMax(Math.max(0, contentWidth - viewWidth));
        horizontal.setVisibleAmount(viewWidth / Math.max(1, contentWidth) * horizontal.getMax());
        horizontal.setUnitIncrement(charWidth * 4);
        if (scrollY.get() > vertical.getMax()) {
            scrollY.set(vertical.getMax());
        }
        if (scrollX > horizontal.getMax()) {
            scrollX = horizontal.getMax();
            horizontal.setValue(scrollX);
        }
        if (canvas.getWidth() != viewWidth || canvas.getHeight() != viewHeight) {
            canvas.setWidth(viewWidth);
            canvas.setHeight(viewHeight);
            repaintWanted = true;
        }
        if (repaintWanted) {
            paint();
        }
    }

    private void repaint() {
        if (!repaintWanted) {
            repaintWanted = true;
            requestLayout(); // painted at the end of the next layout pass, once however many changes came before
        }
    }

    private void setScrollY(double y) {
        scrollY.set(Math.max(0, Math.min(y, Math.max(0, document.rowCount() * lineHeight - viewportHeight()))));
    }

    private double viewportHeight() {
        return canvas.getHeight() > 0 ? canvas.getHeight() : getHeight();
    }

    /** The gutter fits the largest line number: at least two digits, and a margin each side. */
    private double gutterWidth() {
        int digits = Math.max(2, Integer.toString(document.lineCount()).length());
        return digits * charWidth + 14;
    }

    private void paint() {
        repaintWanted = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height); // drops the drawing commands not yet rendered: all are drawn over
        g.setFill(background.get());
        g.fillRect(0, 0, width, height);
        if (width <= 0 || height <= 0) {
            return;
        }
        double gutterWidth = gutterWidth();
        g.setTextBaseline(VPos.BASELINE);
        double top = scrollY.get();
        int firstRow = (int) Math.floor(top / lineHeight);
        int lastRow = (int) Math.ceil((top + height) / lineHeight);
        int firstLine = document.lineAtRow(firstRow);
        int selectionStart = Math.min(anchorOffset, caretOffset);
        int selectionEnd = Math.max(anchorOffset, caretOffset);
        int line = firstLine;
        for (; line < document.lineCount() && document.rowStart(line) <= lastRow; line++) {
            LineStyle style = document.lineStyle(line);
            double lineTop = document.rowStart(line) * lineHeight - top;
            double textTop = lineTop + style.fillerAbove() * lineHeight;
            if (style.fillerAbove() > 0) {
                g.setFill(filler.get());
                g.fillRect(gutterWidth, lineTop, width - gutterWidth, style.fillerAbove() * lineHeight);
            }
            if (style.fillerBelow() > 0) {
                g.setFill(filler.get());
                g.fillRect(gutterWidth, textTop + lineHeight, width - gutterWidth, style.fillerBelow() * lineHeight);
            }
            Paint lineBackground = lineBackground(style);
            if (lineBackground != null) {
                g.setFill(lineBackground);
                g.fillRect(gutterWidth, textTop, width - gutterWidth, lineHeight);
            }
            paintText(g, line, textTop, gutterWidth, selectionStart, selectionEnd);
        }
        // the gutter last, over any text scrolled left under it: no clipping, which costs the canvas a mask
        // texture the size of the view each time
        g.setFill(gutter.get());
        g.fillRect(0, 0, gutterWidth, height);
        for (int numbered = firstLine; numbered < line; numbered++) {
            LineStyle style = document.lineStyle(numbered);
            double textTop = (document.rowStart(numbered) + style.fillerAbove()) * lineHeight - top;
            paintNumber(g, numbered, style, textTop, gutterWidth);
        }
        g.setStroke(gutterBorder.get());
        g.setLineWidth(1);
        g.strokeLine(gutterWidth - 0.5, 0, gutterWidth - 0.5, height);
    }

    private void paintText(GraphicsContext g, int line, double textTop, double gutterWidth, int selectionStart,
                           int selectionEnd) {
        String text = document.line(line);
        int lineStart = document.lineStart(line);
        double left = gutterWidth + TEXT_PADDING - scrollX;
        boolean plainWidths = isPlain(text);
        for (StyleRange mark : document.marksOn(line)) {
            Paint fill = CodeDocument.WORD_ADDED.equals(mark.styleClass()) ? wordAdded.get()
                    : CodeDocument.WORD_REMOVED.equals(mark.styleClass()) ? wordRemoved.get() : null;
            if (fill != null) {
                double from = x(text, mark.start() - lineStart, plainWidths);
                double to = x(text, mark.end() - lineStart, plainWidths);
                g.setFill(fill);
                g.fillRect(left + from, textTop, to - from, lineHeight);
            }
        }
        int lineEnd = lineStart + text.length();
        if (selectionEnd > selectionStart && selectionStart <= lineEnd && selectionEnd > lineStart) {
            double from = x(text, Math.max(selectionStart, lineStart) - lineStart, plainWidths);
            double to = selectionEnd > lineEnd ? x(text, text.length(), plainWidths) + charWidth
                    : x(text, selectionEnd - lineStart, plainWidths);
            g.setFill(selection.get());
            g.fillRect(left + from, textTop, to - from, lineHeight);
        }
        int column = 0;
        for (StyleRange token : document.tokensOn(line)) {
            int start = token.start() - lineStart;
            if (start > column) {
                drawRun(g, text, column, start, null, left, textTop, plainWidths);
            }
            drawRun(g, text, start, token.end() - lineStart, token.styleClass(), left, textTop, plainWidths);
            column = token.end() - lineStart;
        }
        if (column < text.length()) {
            drawRun(g, text, column, text.length(), null, left, textTop, plainWidths);
        }
        if (isFocused() && caretOffset >= lineStart && caretOffset <= lineEnd) {
            double caretX = left + x(text, caretOffset - lineStart, plainWidths);
            g.setStroke(caretColor.get());
            g.setLineWidth(1);
            g.strokeLine(Math.floor(caretX) + 0.5, textTop, Math.floor(caretX) + 0.5, textTop + lineHeight);
        }
    }

    private void drawRun(GraphicsContext g, String text, int from, int to, String styleClass, double left,
                         double textTop, boolean plainWidths) {
        if (to <= from) {
            return;
        }
        String run = text.substring(from, to);
        if (run.isBlank()) {
            return;
        }
        g.setFill(tokenFill(styleClass));
        g.setFont(tokenFont(styleClass));
        if (run.indexOf('\t') < 0) {
            g.fillText(run, left + x(text, from, plainWidths), textTop + baseline);
            return;
        }
        for (int i = from; i < to; i++) { // tabs advance to the next tab stop, so draw around them
            char c = text.charAt(i);
            if (c != '\t' && !Character.isWhitespace(c)) {
                g.fillText(String.valueOf(c), left + x(text, i, false), textTop + baseline);
            }
        }
    }

    private void paintNumber(GraphicsContext g, int line, LineStyle style, double textTop, double gutterWidth) {
        List<String> classes = style.styleClasses();
        boolean isCurrent = classes.contains(CodeDocument.CURRENT);
        if (isCurrent) {
            g.setFill(current.get());
            g.fillRect(0, textTop, gutterWidth - 1, lineHeight);
        }
        Paint fill = isCurrent ? currentNumber.get()
                : classes.contains(CodeDocument.LINE_ADDED) ? numberAdded.get()
                : classes.contains(CodeDocument.LINE_REMOVED) ? numberRemoved.get()
                : classes.contains(CodeDocument.LINE_CHANGED) ? numberChanged.get() : lineNumber.get();
        String shown = Integer.toString(line + 1);
        g.setFill(fill);
        g.setFont(isCurrent ? bold : font);
        g.fillText(shown, gutterWidth - 7 - shown.length() * charWidth, textTop + baseline);
    }

    private Paint lineBackground(LineStyle style) {
        List<String> classes = style.styleClasses();
        if (classes.contains(CodeDocument.LINE_ADDED)) {
            return added.get();
        }
        if (classes.contains(CodeDocument.LINE_REMOVED)) {
            return removed.get();
        }
        return classes.contains(CodeDocument.LINE_CHANGED) ? changed.get() : null;
    }

    private Paint tokenFill(String styleClass) {
        if (styleClass == null) {
            return plain.get();
        }
        return switch (styleClass) {
            case YamlTokenizer.KEY -> key.get();
            case YamlTokenizer.STRING -> string.get();
            case YamlTokenizer.NUMBER -> number.get();
            case YamlTokenizer.BOOLEAN, YamlTokenizer.NULL -> bool.get();
            case YamlTokenizer.COMMENT -> comment.get();
            case YamlTokenizer.DOCUMENT, YamlTokenizer.PUNCTUATION -> punctuation.get();
            case YamlTokenizer.ANCHOR, YamlTokenizer.TAG -> anchor.get();
            default -> plain.get();
        };
    }

    private Font tokenFont(String styleClass) {
        if (styleClass == null) {
            return font;
        }
        return switch (styleClass) {
            case YamlTokenizer.COMMENT, YamlTokenizer.ANCHOR, YamlTokenizer.TAG -> italic;
            case YamlTokenizer.DOCUMENT -> bold;
            default -> font;
        };
    }

    /** The x of a column of a line, from the start of its text. */
    private double x(String text, int column, boolean plainWidths) {
        if (plainWidths) {
            return column * charWidth;
        }
        double at = 0;
        for (int i = 0; i < column && i < text.length(); i++) {
            at += width(text.charAt(i), at);
        }
        return at;
    }

    /** Width of one character drawn at {@code at}: tabs to the next stop, others measured once in this font. */
    private double width(char c, double at) {
        if (c == '\t') {
            double stop = TAB_COLUMNS * charWidth;
            return stop - (at % stop);
        }
        if (c < 0x80) {
            return charWidth;
        }
        return charWidths.computeIfAbsent(c, ch -> {
            Text probe = new Text(String.valueOf(ch));
            probe.setFont(font);
            return probe.getLayoutBounds().getWidth();
        });
    }

    /** Whether every character of the line is one column wide in a monospace font. */
    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '\t') {
                return false;
            }
        }
        return true;
    }

    private void onPress(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || !onText(event)) {
            return;
        }
        requestFocus();
        int offset = offsetAt(event.getX(), event.getY());
        if (editRequestsEnabled) {
            onEditRequest.editAt(offset, "");
            event.consume();
            return;
        }
        caretOffset = offset;
        if (!event.isShiftDown()) {
            anchorOffset = offset;
        }
        repaint();
        event.consume();
    }

    private void onDrag(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double y = event.getY();
        if (y < 0) {
            setScrollY(scrollY.get() - lineHeight);
        } else if (y > viewportHeight()) {
            setScrollY(scrollY.get() + lineHeight);
        }
        caretOffset = offsetAt(event.getX(), Math.max(0, Math.min(y, viewportHeight() - 1)));
        repaint();
        event.consume();
    }

    private boolean onText(MouseEvent event) {
        return event.getX() < canvas.getWidth() && event.getY() < canvas.getHeight();
    }

    private void onScroll(ScrollEvent event) {
        if (event.getDeltaY() != 0) {
            setScrollY(scrollY.get() - event.getDeltaY());
        }
        if (event.getDeltaX() != 0 && horizontal.getMax() > 0) {
            horizontal.setValue(Math.max(0, Math.min(horizontal.getMax(), scrollX - event.getDeltaX())));
        }
        event.consume();
    }

    private void onKey(KeyEvent event) {
        if (COPY.match(event) || COPY_INSERT.match(event)) {
            copy();
        } else if (SELECT_ALL.match(event)) {
            selectAll();
        } else if (event.getCode() == KeyCode.ENTER && editRequestsEnabled) {
            onEditRequest.editAt(caretOffset, "");
        } else if (!event.isShortcutDown() && !event.isAltDown() && scrollKey(event.getCode())) {
            event.consume();
        } else if (event.isShortcutDown() && (event.getCode() == KeyCode.HOME || event.getCode() == KeyCode.END)) {
            setScrollY(event.getCode() == KeyCode.HOME ? 0 : Double.MAX_VALUE);
        } else {
            return;
        }
        event.consume();
    }

    /** Arrow and page keys scroll the view: it has no caret to move but the one a click sets. */
    private boolean scrollKey(KeyCode code) {
        double page = Math.max(lineHeight, viewportHeight() - lineHeight);
        switch (code) {
            case UP -> setScrollY(scrollY.get() - lineHeight);
            case DOWN -> setScrollY(scrollY.get() + lineHeight);
            case PAGE_UP -> setScrollY(scrollY.get() - page);
            case PAGE_DOWN -> setScrollY(scrollY.get() + page);
            case LEFT -> horizontal.setValue(Math.max(0, scrollX - charWidth * 4));
            case RIGHT -> horizontal.setValue(Math.min(horizontal.getMax(), scrollX + charWidth * 4));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void onTyped(KeyEvent event) {
        String typed = event.getCharacter();
        if (!editRequestsEnabled || event.isShortcutDown() || typed.isEmpty() || Character.isISOControl(
                typed.charAt(0))) {
            return;
        }
        onEditRequest.editAt(caretOffset, typed);
        event.consume();
    }

    private StyleableObjectProperty<Paint> paint(String name, String cssName) {
        var property = (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, name, cssName,
                view -> view.paints.get(name), Color.GRAY);
        paints.put(name, property);
        return property;
    }

    /** For tests: the color a CSS property of the view resolved to, by property name ("key", "added", …). */
    Paint color(String name) {
        return paints.get(name).getValue();
    }

    /** For tests: where the text of every line starts, right of the gutter. */
    double textLeft() {
        return gutterWidth() + TEXT_PADDING - scrollX;
    }

    double charWidth() {
        return charWidth;
    }

    /** For tests: the runs drawn for a line, as {@code class:text}, classless runs as {@code text}. */
    List<String> runsOf(int line) {
        String text = document.line(line);
        int lineStart = document.lineStart(line);
        List<String> runs = new ArrayList<>();
        int column = 0;
        for (StyleRange token : document.tokensOn(line)) {
            int start = token.start() - lineStart;
            if (start > column) {
                runs.add(text.substring(column, start));
            }
            runs.add(token.styleClass() + ":" + text.substring(start, token.end() - lineStart));
            column = token.end() - lineStart;
        }
        if (column < text.length()) {
            runs.add(text.substring(column));
        }
        return runs;
    }
}
