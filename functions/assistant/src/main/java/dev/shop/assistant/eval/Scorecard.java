package dev.shop.assistant.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-action results of an evaluation: every case counts under the action it expects (its first intent's, or
 * CLARIFY for a question, NONE for a plan with no step) against the action the assistant answered with; a case
 * passes only when the whole plan matches. Prints per-action accuracy and the confusion matrix.
 */
public final class Scorecard {

    public static final String CLARIFY = "CLARIFY";
    public static final String NONE = "NONE";

    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    private final Map<String, int[]> perAction = new TreeMap<>();

    public synchronized void add(String expected, String actual, boolean pass) {
        confusion.computeIfAbsent(expected, k -> new TreeMap<>()).merge(actual, 1, Integer::sum);
        int[] counts = perAction.computeIfAbsent(expected, k -> new int[2]);
        counts[0]++;
        counts[1] += pass ? 1 : 0;
    }

    /** The label of a plan: its first action, CLARIFY or NONE. */
    public static String label(boolean clarify, List<String> actions) {
        return clarify ? CLARIFY : actions.isEmpty() ? NONE : actions.getFirst();
    }

    /** Fraction of the cases expecting {@code action} that passed. */
    public synchronized double accuracy(String action) {
        int[] c = perAction.get(action);
        return c == null ? Double.NaN : (double) c[1] / c[0];
    }

    public synchronized Map<String, int[]> perAction() {
        Map<String, int[]> copy = new TreeMap<>();
        perAction.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    public synchronized void print(PrintStream out) {
        out.println("per action (by the first expected step)   pass/cases");
        perAction.forEach((action, c) -> out.printf(Locale.ROOT, "  %-16s %6.1f%%  %d/%d%n", action,
                100.0 * c[1] / c[0], c[1], c[0]));
        List<String> columns = new ArrayList<>(perAction.keySet());
        confusion.values().forEach(row -> row.keySet().stream().filter(k -> !columns.contains(k))
                .forEach(columns::add));
        out.println("confusion (rows: expected, columns: answered)");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-16s", ""));
        for (String col : columns) {
            header.append(String.format(Locale.ROOT, " %6s", abbreviate(col)));
        }
        out.println(header);
        for (String row : perAction.keySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-16s", row));
            for (String col : columns) {
                int n = confusion.getOrDefault(row, Map.of()).getOrDefault(col, 0);
                line.append(String.format(Locale.ROOT, " %6s", n == 0 ? "." : Integer.toString(n)));
            }
            out.println(line);
        }
    }

    private static String abbreviate(String action) {
        return switch (action) {
            case "ADD_TO_CART" -> "ADD";
            case "REMOVE_FROM_CART" -> "REMOVE";
            case "SET_QUANTITY" -> "SET";
            case "VIEW_CART" -> "VIEW";
            case "CLEAR_CART" -> "CLEAR";
            case "CHECKOUT" -> "CHKOUT";
            case "ORDER_STATUS" -> "STATUS";
            case "CLARIFY" -> "ASK";
            default -> action.length() > 6 ? action.substring(0, 6) : action;
        };
    }
}
