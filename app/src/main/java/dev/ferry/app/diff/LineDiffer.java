package dev.ferry.app.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.ferry.app.editor.LineStyle;
import dev.ferry.app.editor.StyleRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes a {@link DiffResult} with java-diff-utils: lines first, then words inside each pair of changed lines.
 * Pure and thread-safe, so big documents are diffed off the FX thread.
 */
public final class LineDiffer {

    public static final String ADDED = "diff-added";
    public static final String REMOVED = "diff-removed";
    public static final String CHANGED = "diff-changed";
    public static final String WORD_ADDED = "diff-word-added";
    public static final String WORD_REMOVED = "diff-word-removed";

    /** Lines longer than this are marked whole, without a word diff. */
    private static final int WORD_DIFF_LIMIT = 2_000;
    /** Word marks are shown only when at most this share of the longer line changed. */
    private static final double MAX_CHANGED_SHARE = 0.75;
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}_]+|\\s+|.");

    private LineDiffer() {
    }

    /** Lines of {@code text} as the editor shows them: split on {@code \n}, a trailing newline ends in an empty line. */
    public static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    public static DiffResult diff(String source, String proposed) {
        List<String> left = lines(source);
        List<String> right = lines(proposed);
        List<AbstractDelta<String>> deltas = DiffUtils.diff(left, right).getDeltas();
        int[] leftStarts = lineStarts(left);
        int[] rightStarts = lineStarts(right);
        List<Hunk> hunks = new ArrayList<>();
        String[] leftClass = new String[left.size()];
        String[] rightClass = new String[right.size()];
        int[] leftFillerAbove = new int[left.size() + 1];
        int[] rightFillerAbove = new int[right.size() + 1];
        List<StyleRange> leftWords = new ArrayList<>();
        List<StyleRange> rightWords = new ArrayList<>();
        for (AbstractDelta<String> delta : deltas) {
            int ls = delta.getSource().getPosition();
            int le = ls + delta.getSource().size();
            int rs = delta.getTarget().getPosition();
            int re = rs + delta.getTarget().size();
            Hunk.Kind kind = delta.getType() == DeltaType.INSERT ? Hunk.Kind.ADDED
                    : delta.getType() == DeltaType.DELETE ? Hunk.Kind.REMOVED : Hunk.Kind.CHANGED;
            hunks.add(new Hunk(kind, ls, le, rs, re));
            String leftStyle = kind == Hunk.Kind.CHANGED ? CHANGED : REMOVED;
            String rightStyle = kind == Hunk.Kind.CHANGED ? CHANGED : ADDED;
            Arrays.fill(leftClass, ls, le, leftStyle);
            Arrays.fill(rightClass, rs, re, rightStyle);
            // the shorter side gets filler rows after its part of the hunk, i.e. above its next line
            int missing = (le - ls) - (re - rs);
            if (missing > 0) {
                rightFillerAbove[re] += missing;
            } else if (missing < 0) {
                leftFillerAbove[le] += -missing;
            }
            if (kind == Hunk.Kind.CHANGED) {
                for (int k = 0; k < Math.min(le - ls, re - rs); k++) {
                    words(left.get(ls + k), leftStarts[ls + k], right.get(rs + k), rightStarts[rs + k],
                            leftWords, rightWords);
                }
            }
        }
        return new DiffResult(source, proposed, hunks, styles(leftClass, leftFillerAbove),
                styles(rightClass, rightFillerAbove), leftWords, rightWords);
    }

    private static List<LineStyle> styles(String[] classes, int[] fillerAbove) {
        List<LineStyle> styles = new ArrayList<>(classes.length);
        for (int i = 0; i < classes.length; i++) {
            int below = i == classes.length - 1 ? fillerAbove[classes.length] : 0;
            if (classes[i] == null && fillerAbove[i] == 0 && below == 0) {
                styles.add(LineStyle.PLAIN);
            } else {
                styles.add(new LineStyle(classes[i] == null ? List.of() : List.of(classes[i]), fillerAbove[i], below));
            }
        }
        return styles;
    }

    private static void words(String left, int leftOffset, String right, int rightOffset,
                              List<StyleRange> leftWords, List<StyleRange> rightWords) {
        if (left.length() > WORD_DIFF_LIMIT || right.length() > WORD_DIFF_LIMIT) {
            return;
        }
        List<String> a = tokens(left);
        List<String> b = tokens(right);
        int[] aStarts = tokenStarts(a);
        int[] bStarts = tokenStarts(b);
        List<AbstractDelta<String>> deltas = DiffUtils.diff(a, b).getDeltas();
        int changed = 0;
        for (AbstractDelta<String> delta : deltas) {
            changed += Math.max(span(delta.getSource().getPosition(), delta.getSource().size(), aStarts),
                    span(delta.getTarget().getPosition(), delta.getTarget().size(), bStarts));
        }
        int longer = Math.max(left.strip().length(), right.strip().length());
        if (longer == 0 || changed > longer * MAX_CHANGED_SHARE) {
            // two unrelated lines that merely share a hunk: marking words would be noise
            return;
        }
        for (AbstractDelta<String> delta : deltas) {
            mark(delta.getSource().getPosition(), delta.getSource().size(), aStarts, leftOffset, WORD_REMOVED, leftWords);
            mark(delta.getTarget().getPosition(), delta.getTarget().size(), bStarts, rightOffset, WORD_ADDED, rightWords);
        }
    }

    private static int span(int position, int size, int[] starts) {
        return starts[position + size] - starts[position];
    }

    private static void mark(int position, int size, int[] starts, int offset, String style, List<StyleRange> out) {
        if (size > 0) {
            out.add(new StyleRange(offset + starts[position], offset + starts[position + size], style));
        }
    }

    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = WORDS.matcher(line);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static int[] tokenStarts(List<String> tokens) {
        int[] starts = new int[tokens.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            starts[i + 1] = starts[i] + tokens.get(i).length();
        }
        return starts;
    }

    private static int[] lineStarts(List<String> lines) {
        int[] starts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            starts[i + 1] = starts[i] + lines.get(i).length() + 1;
        }
        return starts;
    }
}
