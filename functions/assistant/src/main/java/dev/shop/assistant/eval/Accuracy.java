package dev.shop.assistant.eval;

/** The two parsing figures every evaluation reports, as fractions (0..1). */
public interface Accuracy {

    int intentCases();

    int intentPass();

    int clarifyCases();

    int clarifyPass();

    default double intentAccuracy() {
        return (double) intentPass() / Math.max(1, intentCases());
    }

    default double clarificationAccuracy() {
        return (double) clarifyPass() / Math.max(1, clarifyCases());
    }
}
