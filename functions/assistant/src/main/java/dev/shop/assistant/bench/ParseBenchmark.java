package dev.shop.assistant.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.ProductIndex;
import dev.shop.assistant.parser.IntentParser;
import dev.shop.assistant.parser.SessionContext;
import org.HdrHistogram.Histogram;

/**
 * parseIntent latency without JMH: a generated catalog (default 240 products: 20 kinds × colours × sizes ×
 * brands), a warm-up, then utterances of every kind, recorded in an HdrHistogram. Prints p50/p99/max.
 * Run: java -cp ... dev.shop.assistant.bench.ParseBenchmark [products] [iterations]
 */
public final class ParseBenchmark {

    private static final String[] KINDS = {"mug", "notebook", "pen", "t-shirt", "hoodie", "sock", "cap", "towel",
            "candle", "bottle", "backpack", "headlamp", "mouse", "keyboard", "cable", "puzzle", "kettle", "pan",
            "blanket", "lamp"};
    private static final String[] COLORS = {"red", "blue", "green", "black", "white", "grey"};
    private static final String[] SIZES = {"S", "M", "L"};
    private static final String[] BRANDS = {"Acme", "Northwind", "Globex", "Initech"};

    private ParseBenchmark() {
    }

    public static ProductIndex catalog(int count) {
        ProductIndex index = new ProductIndex();
        int n = 0;
        outer:
        for (String brand : BRANDS) {
            for (String kind : KINDS) {
                for (String color : COLORS) {
                    boolean sized = kind.equals("t-shirt") || kind.equals("hoodie");
                    for (String size : sized ? SIZES : new String[] {null}) {
                        if (n >= count) {
                            break outer;
                        }
                        String sku = String.format("GEN-%04d", n++);
                        index.upsert(new CatalogProduct(sku, cap(kind), brand, "category" + (n % 8), color, size,
                                500 + n, "A " + color + " " + kind + " by " + brand + ".", List.of(kind, "gift")), 1);
                    }
                }
            }
        }
        return index;
    }

    public static void main(String[] args) {
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        ProductIndex index = catalog(products);
        IntentParser parser = new IntentParser(index);
        List<String> utterances = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            String color = COLORS[random.nextInt(COLORS.length)];
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            utterances.add(switch (i % 8) {
                case 0 -> "add 2 " + color + " " + brand + " " + kind + "s";
                case 1 -> "make it three";
                case 2 -> "I'd like a dozen " + color + " " + kind + "s and a " + brand + " cap, then check out";
                case 3 -> "don't add the " + kind + ", just the " + color + " ones, 4 of them";
                case 4 -> "remove the " + kind;
                case 5 -> "do you sell " + kind + "s?";
                case 6 -> "add a " + kind.substring(0, kind.length() - 1) + "e";
                default -> "what's in my cart?";
            });
        }
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        SessionContext session = new SessionContext();
        for (int i = 0; i < 5_000; i++) {
            parser.parse(utterances.get(i % utterances.size()), session);
            if (i % 50 == 0) {
                session = new SessionContext();
            }
        }
        for (int i = 0; i < iterations; i++) {
            if (i % 50 == 0) {
                session = new SessionContext();
            }
            long start = System.nanoTime();
            parser.parse(utterances.get(i % utterances.size()), session);
            histogram.recordValue(System.nanoTime() - start);
        }
        System.out.printf("parseIntent on %d products, %d calls: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                index.size(), iterations, histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6, histogram.getMaxValue() / 1e6);
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
