package dev.shop.assistant.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.ProductIndex;
import dev.shop.assistant.parser.Intent;
import dev.shop.assistant.parser.IntentParser;
import dev.shop.assistant.parser.ParseResult;
import dev.shop.assistant.parser.SessionContext;

/**
 * The parser alone, in process, on an evaluation folder (catalog.json, cases.jsonl): a fresh index of the
 * folder's catalog, one in-memory session per case session, each case scored on its own. No servers; the
 * end-to-end tasks need the shop and run in {@link AssistantEvaluation}.
 */
public final class ParserEvaluation {

    /** Intent and clarification accuracy with the per-action scorecard and every failure. */
    public record Result(int intentCases, int intentPass, int clarifyCases, int clarifyPass, int unseenCases,
                         int unseenPass, Scorecard scorecard, List<String> failures) implements Accuracy {

        public void print(PrintStream out) {
            out.printf("intent accuracy        %.1f%% (%d/%d)%n", 100 * intentAccuracy(), intentPass, intentCases);
            out.printf("clarification accuracy %.1f%% (%d/%d)%n", 100 * clarificationAccuracy(), clarifyPass,
                    clarifyCases);
            if (unseenCases > 0) {
                out.printf("  of which worded as nothing in training: %.1f%% (%d/%d) pass%n",
                        100.0 * unseenPass / unseenCases, unseenPass, unseenCases);
            }
            scorecard.print(out);
            failures.forEach(f -> out.println("FAIL " + f));
        }
    }

    private ParserEvaluation() {
    }

    public static Result run(Path folder) {
        ProductIndex index = new ProductIndex();
        for (CatalogProduct p : DevSet.catalog(folder).products()) {
            index.upsert(p, 1);
        }
        IntentParser parser = new IntentParser(index);
        Map<String, SessionContext> sessions = new HashMap<>();
        int intentCases = 0, intentPass = 0, clarifyCases = 0, clarifyPass = 0, unseenCases = 0, unseenPass = 0;
        Scorecard scorecard = new Scorecard();
        List<String> failures = new ArrayList<>();
        for (DevSet.Case c : DevSet.cases(folder)) {
            SessionContext session = sessions.computeIfAbsent(c.session(), k -> new SessionContext());
            ParseResult result = parser.parse(c.text(), session);
            boolean pass = DevSet.passes(c, result);
            if (c.clarify()) {
                clarifyCases++;
                clarifyPass += pass ? 1 : 0;
            } else {
                intentCases++;
                intentPass += pass ? 1 : 0;
            }
            if (c.unseenWording()) {
                unseenCases++;
                unseenPass += pass ? 1 : 0;
            }
            scorecard.add(Scorecard.label(c.clarify(), DevSet.expectedActions(c)),
                    Scorecard.label(result.needsClarification(),
                            result.intents().stream().map(Intent::action).map(Enum::name).toList()), pass);
            if (!pass) {
                failures.add(c.id() + " \"" + c.text() + "\"\n    expected " + (c.clarify() ? "clarify"
                        : DevSet.expected(c)) + "\n    got      " + (result.needsClarification()
                        ? "clarify " + result.question() + " " + result.candidates() : DevSet.actual(result.intents())));
            }
        }
        return new Result(intentCases, intentPass, clarifyCases, clarifyPass, unseenCases, unseenPass, scorecard,
                failures);
    }

    /** Prints the evaluation of each folder given. */
    public static void main(String[] args) {
        for (String folder : args) {
            System.out.println("== " + folder);
            run(Path.of(folder)).print(System.out);
        }
    }
}
