package dev.shop.assistant.parser;


import dev.shop.assistant.parser.Intent.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Wording the parser's rules were not written from: size phrases, new requests during a question, negations. */
class UnseenWordingTest extends ParserConversation {


    @Test
    void anExplicitSizePhraseAfterACommaPicksTheSize() {
        assertThat(plan("I'd like three organic cotton tees in white, size L"))
                .containsExactly(Intent.add("TEE-ORG-WHT-L", 3));
        assertThat(plan("add a white organic cotton tee in size large")).containsExactly(Intent.add("TEE-ORG-WHT-L", 1));
        assertThat(plan("add a trail running shoe, size 44")).containsExactly(Intent.add("SHO-RUN-BLK-44", 1));
    }

    @Test
    void aNewRequestDuringAnOpenQuestionIsParsedOnItsOwn() {
        ask("add a white organic cotton tee");
        assertThat(plan("I want the lantern keeper")).containsExactly(Intent.add("BOO-HRB-01", 1));

        ask("add a white organic cotton tee");
        ParseResult hoodie = ask("add a fleece hoodie");
        assertThat(hoodie.candidates()).allMatch(sku -> sku.startsWith("HOO-ZIP"));
    }

    @Test
    void aTwoPartAnswerAnswersAColourAndSizeQuestion() {
        ask("add an organic cotton tee");
        assertThat(plan("navy, medium")).containsExactly(Intent.add("TEE-ORG-NAV-M", 1));

        ask("add an organic cotton tee");
        assertThat(plan("white, size L")).containsExactly(Intent.add("TEE-ORG-WHT-L", 1));

        ask("add a zip hoodie");
        assertThat(plan("grey, large")).containsExactly(Intent.add("HOO-ZIP-GRY-L", 1));
    }

    @Test
    void aColourOneAfterAnItemIsThatItemsFamily() {
        plan("add 2 red ceramic mugs");
        assertThat(plan("and a blue one")).containsExactly(Intent.add("KIT-MUG-BLU", 1));
    }

    @Test
    void noMoreOrDontWantRemovesAProductInTheCart() {
        plan("add a teddy bear");
        assertThat(plan("no more teddy bears")).containsExactly(Intent.remove("TOY-TED-BRN"));

        plan("add a teddy bear");
        assertThat(plan("no teddy bears, I don't want them")).containsExactly(Intent.remove("TOY-TED-BRN"));
    }

    @Test
    void aNegationOfAProductNotInTheCartDoesNothing() {
        assertThat(plan("no more teddy bears")).isEmpty();
        assertThat(plan("no teddy bears")).isEmpty();
    }

    @Test
    void theSameCartStepSaidTwiceIsOneStep() {
        assertThat(plan("clear my basket and start over")).containsExactly(Intent.of(Action.CLEAR_CART));
    }
}
