package dev.shop.assistant.parser;

import java.util.List;

import dev.shop.assistant.parser.Intent.Action;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntentParserTest extends ParserConversation {

    @Nested
    class Quantities {
        @Test
        void digitsAndNumberWordsAreQuantities() {
            assertThat(plan("add 4 green markers")).containsExactly(Intent.add("STA-MRK-GRN", 4));
            assertThat(plan("add seven red markers")).containsExactly(Intent.add("STA-MRK-RED", 7));
        }

        @Test
        void dozensCouplesAndMultipliers() {
            assertThat(plan("a dozen red markers")).containsExactly(Intent.add("STA-MRK-RED", 12));
            assertThat(plan("half a dozen espresso cups in black")).containsExactly(Intent.add("KIT-CUP-ESP-BLK", 6));
            assertThat(plan("a couple of frying pans")).containsExactly(Intent.add("KIT-PAN-FRY", 2));
            assertThat(plan("olive oil x3")).containsExactly(Intent.add("KIT-OIL-500", 3));
            assertThat(plan("2x whiteboard eraser")).containsExactly(Intent.add("STA-ERS-WHT", 2));
        }

        @Test
        void numbersThatDescribeTheProductAreNotQuantities() {
            assertThat(plan("add the 500 piece building blocks")).containsExactly(Intent.add("TOY-BLK-SET", 1));
            assertThat(plan("add the 500ml olive oil")).containsExactly(Intent.add("KIT-OIL-500", 1));
        }

        @Test
        void aPairIsTwoUnlessTheProductIsSoldByThePair() {
            assertThat(plan("a pair of frying pans")).containsExactly(Intent.add("KIT-PAN-FRY", 2));
            assertThat(plan("two pairs of leather gloves")).containsExactly(Intent.add("APP-GLV-BLK", 2));
        }

        @Test
        void countingUnitsAreNotProductWords() {
            assertThat(plan("3 bottles of olive oil")).containsExactly(Intent.add("KIT-OIL-500", 3));
        }
    }

    @Nested
    class SeveralIntents {
        @Test
        void intentsComeInTheOrderSaid() {
            assertThat(plan("add a frying pan and 2 red markers, then show me my cart")).containsExactly(
                    Intent.add("KIT-PAN-FRY", 1), Intent.add("STA-MRK-RED", 2), Intent.of(Action.VIEW_CART));
        }

        @Test
        void buyingAddsThenChecksOut() {
            assertThat(plan("buy a frying pan and olive oil")).containsExactly(Intent.add("KIT-PAN-FRY", 1),
                    Intent.add("KIT-OIL-500", 1), Intent.of(Action.CHECKOUT));
        }

        @Test
        void removingSeveralItems() {
            plan("add a frying pan, olive oil and a whiteboard eraser");
            assertThat(plan("remove the oil and the pan")).containsExactly(Intent.remove("KIT-OIL-500"),
                    Intent.remove("KIT-PAN-FRY"));
        }
    }

    @Nested
    class Negation {
        @Test
        void negatedItemsGiveNoIntent() {
            assertThat(plan("don't add the eraser, just the green markers, 5 of them"))
                    .containsExactly(Intent.add("STA-MRK-GRN", 5));
            assertThat(plan("add a frying pan - not the olive oil")).containsExactly(Intent.add("KIT-PAN-FRY", 1));
            assertThat(plan("I'll take the red marker, not the green one")).containsExactly(Intent.add("STA-MRK-RED", 1));
        }

        @Test
        void notWantingSomethingInTheCartRemovesIt() {
            plan("add a frying pan");
            assertThat(plan("I don't want the pan anymore")).containsExactly(Intent.remove("KIT-PAN-FRY"));
        }
    }

    @Nested
    class FollowUps {
        @Test
        void makeItSetsTheNewTotal() {
            plan("add 2 red markers");
            assertThat(plan("make it five")).containsExactly(Intent.set("STA-MRK-RED", 5));
            assertThat(plan("one less")).containsExactly(Intent.set("STA-MRK-RED", 4));
        }

        @Test
        void anotherOneAddsOne() {
            plan("add the frying pan");
            assertThat(plan("another one")).containsExactly(Intent.add("KIT-PAN-FRY", 1));
        }

        @Test
        void removeThatRemovesTheLastItem() {
            plan("add the frying pan");
            assertThat(plan("remove that")).containsExactly(Intent.remove("KIT-PAN-FRY"));
        }

        @Test
        void theOtherColourInsteadSwapsKeepingTheQuantity() {
            plan("add 3 red markers");
            assertThat(plan("the green ones instead")).containsExactly(Intent.remove("STA-MRK-RED"),
                    Intent.add("STA-MRK-GRN", 3));
        }

        @Test
        void swapXForY() {
            plan("add a whiteboard eraser");
            assertThat(plan("swap the eraser for a black espresso cup")).containsExactly(
                    Intent.remove("STA-ERS-WHT"), Intent.add("KIT-CUP-ESP-BLK", 1));
        }

        @Test
        void theSameInAnotherSize() {
            plan("add a grey hoodie in small");
            assertThat(plan("and the same in large")).containsExactly(Intent.add("HOO-ZIP-GRY-L", 1));
        }
    }

    @Nested
    class Clarification {
        @Test
        void ambiguousColourAsksAndTheAnswerCompletesTheRequest() {
            ParseResult question = ask("add 3 espresso cups");
            assertThat(question.candidates()).containsExactlyInAnyOrder("KIT-CUP-ESP-WHT", "KIT-CUP-ESP-BLK");
            assertThat(plan("white")).containsExactly(Intent.add("KIT-CUP-ESP-WHT", 3));
        }

        @Test
        void ambiguousSizeAsks() {
            ask("add a black trail running shoe");
            assertThat(plan("44")).containsExactly(Intent.add("SHO-RUN-BLK-44", 1));
        }

        @Test
        void ambiguousBrandAsks() {
            ask("add a mechanical keyboard");
            assertThat(plan("the Acme one")).containsExactly(Intent.add("ELE-KBD-ACM", 1));
        }

        @Test
        void cheaperPicksTheLowerPrice() {
            assertThat(plan("add the cheaper mechanical keyboard")).containsExactly(Intent.add("ELE-KBD-ZEN", 1));
        }

        @Test
        void aPartlyClearRequestIsAQuestionAsAWhole() {
            ask("add a frying pan and a marker");
            assertThat(plan("red")).containsExactly(Intent.add("KIT-PAN-FRY", 1), Intent.add("STA-MRK-RED", 1));
        }

        @Test
        void thatAfterTwoItemsIsAmbiguous() {
            plan("add a frying pan and olive oil");
            ask("remove that");
            assertThat(plan("the pan")).containsExactly(Intent.remove("KIT-PAN-FRY"));
        }

        @Test
        void aFollowUpWithNothingToReferToAsks() {
            ask("make it 5");
        }
    }

    @Nested
    class Matching {
        @Test
        void pluralsCaseAndTypos() {
            assertThat(plan("ADD 2 FRYING PANS")).containsExactly(Intent.add("KIT-PAN-FRY", 2));
            assertThat(plan("add a whitebord erasr")).containsExactly(Intent.add("STA-ERS-WHT", 1));
            assertThat(plan("add olive oyl")).containsExactly(Intent.add("KIT-OIL-500", 1));
        }

        @Test
        void synonyms() {
            assertThat(plan("add a pink sweatshirt")).containsExactly(Intent.add("HOO-ZIP-PNK-L", 1));
            assertThat(plan("add a skillet")).containsExactly(Intent.add("KIT-PAN-FRY", 1));
            assertThat(plan("add zentek earphones")).containsExactly(Intent.add("ELE-HDP-BLK", 1));
        }

        @Test
        void attributeWordsPickTheVariant() {
            assertThat(plan("add a large pink hoodie")).containsExactly(Intent.add("HOO-ZIP-PNK-L", 1));
            assertThat(plan("add a Zentek keyboard")).containsExactly(Intent.add("ELE-KBD-ZEN", 1));
        }

        @Test
        void removalsPreferWhatIsInTheCart() {
            plan("add a red marker and a frying pan");
            assertThat(plan("drop the marker")).containsExactly(Intent.remove("STA-MRK-RED"));
        }
    }

    @Nested
    class CartPhrases {
        @Test
        void viewAndClearTheCart() {
            assertThat(plan("what's in my basket?")).containsExactly(Intent.of(Action.VIEW_CART));
            assertThat(plan("show my cart")).containsExactly(Intent.of(Action.VIEW_CART));
            assertThat(plan("empty my cart")).containsExactly(Intent.of(Action.CLEAR_CART));
            assertThat(plan("clear everything")).containsExactly(Intent.of(Action.CLEAR_CART));
        }

        @Test
        void checkoutPhrases() {
            for (String text : List.of("check out", "checkout please", "place my order", "pay now", "ring me up",
                    "complete my purchase", "proceed to checkout")) {
                assertThat(plan(text)).as(text).containsExactly(Intent.of(Action.CHECKOUT));
            }
            plan("add a frying pan");
            assertThat(plan("buy it")).containsExactly(Intent.of(Action.CHECKOUT));
        }

        @Test
        void orderStatusAndSearch() {
            assertThat(plan("where is my order?")).containsExactly(Intent.of(Action.ORDER_STATUS));
            assertThat(plan("has it shipped yet")).containsExactly(Intent.of(Action.ORDER_STATUS));
            List<Intent> search = plan("do you sell keyboards?");
            assertThat(search).extracting(Intent::action).containsExactly(Action.SEARCH);
            assertThat(search.getFirst().query()).isEqualTo("keyboards");
            assertThat(plan("add the Acme one")).containsExactly(Intent.add("ELE-KBD-ACM", 1));
        }
    }
}
