package dev.shop.localstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The local stack's demo catalog: about 240 products in nine categories, generated in code from a fixed seed, so
 * every developer sees the same SKUs, names, prices and stock levels without a data file.
 *
 * <p>SKUs read as what they are: {@code KIT-MUG-RED} (kitchen, mug, red), {@code APP-TEE-BLU-M} (apparel, tee,
 * blue, size M), {@code FTW-RUN-BLK-42} (footwear, running shoe, black, EU 42), {@code BOK-RIVERS-PB} (book,
 * paperback). They never change between runs or releases of this generator unless a model is added or removed.
 */
public final class DemoCatalog {

    /** The seed of the stock levels; change it and every developer's stock changes. */
    public static final long SEED = 20_261_122L;
    public static final String CURRENCY = "USD";

    private static final List<String> APPAREL_SIZES = List.of("S", "M", "L", "XL");
    private static final List<String> FOOTWEAR_SIZES = IntStream.rangeClosed(38, 46).mapToObj(Integer::toString).toList();

    private static final Map<String, String> COLORS = Map.ofEntries(
            Map.entry("RED", "Red"), Map.entry("BLU", "Blue"), Map.entry("GRN", "Green"), Map.entry("WHT", "White"),
            Map.entry("BLK", "Black"), Map.entry("GRY", "Grey"), Map.entry("NAV", "Navy"), Map.entry("YEL", "Yellow"),
            Map.entry("ORG", "Orange"), Map.entry("PNK", "Pink"), Map.entry("BRN", "Brown"), Map.entry("BEI", "Beige"));

    private static final Map<String, String> CATEGORY_CODES = Map.of(
            "kitchen", "KIT", "office", "OFF", "apparel", "APP", "footwear", "FTW", "electronics", "ELE",
            "outdoor", "OUT", "home", "HOM", "toys", "TOY", "books", "BOK");

    private static final List<DemoProduct> PRODUCTS = generate();

    private DemoCatalog() {
    }

    /** Every demo product, in a fixed order (the first is a red mug with stock); the same list on every call. */
    public static List<DemoProduct> products() {
        return PRODUCTS;
    }

    /** A product line, multiplied out by its colors and sizes. {@code {color}} in the description is filled in. */
    private record Model(String category, String code, String brand, String noun, long priceCents, String colors,
                         List<String> sizes, String description, String tags) {
    }

    private record Book(String code, String title, String author, String publisher, int pages, long paperbackCents,
                        String blurb, String tags) {
    }

    private static List<Model> models() {
        List<String> none = List.of();
        return List.of(
                // kitchen
                new Model("kitchen", "MUG", "Hearth", "Ceramic Mug", 1499, "RED BLU GRN WHT", none,
                        "A 350 ml stoneware mug with a wide, comfortable handle, glazed in {color}. Dishwasher and microwave safe.",
                        "mug ceramic coffee tea"),
                new Model("kitchen", "TEA", "Hearth", "Cast Iron Teapot", 4999, "BLK RED", none,
                        "A 900 ml cast iron teapot with a stainless steel infuser and an enamelled {color} finish.",
                        "teapot tea cast-iron"),
                new Model("kitchen", "KNF", "Copperline", "Chef's Knife 20 cm", 6999, "", none,
                        "A forged high-carbon stainless chef's knife with a full tang and a riveted pakkawood handle.",
                        "knife cutlery chef"),
                new Model("kitchen", "BRD", "Fernwood", "Walnut Cutting Board", 3999, "", none,
                        "An end-grain walnut board, 40 x 28 cm, finished with food-safe mineral oil and beeswax.",
                        "cutting-board wood walnut"),
                new Model("kitchen", "SKL", "Copperline", "Carbon Steel Skillet 28 cm", 5499, "", none,
                        "A pre-seasoned carbon steel skillet that heats fast and works on induction, gas and open fire.",
                        "skillet pan cookware"),
                new Model("kitchen", "PRS", "Hearth", "French Press 1 L", 3499, "BLK RED", none,
                        "A double-walled stainless steel French press in {color} that keeps coffee hot for an hour.",
                        "coffee french-press"),
                new Model("kitchen", "BWL", "Fernwood", "Mixing Bowl Set", 2999, "WHT GRN BLU", none,
                        "Three nesting melamine mixing bowls (1, 2 and 4 L) in {color}, with non-slip bases and pour spouts.",
                        "bowls baking mixing"),
                new Model("kitchen", "DUT", "Copperline", "Enamel Dutch Oven 5 L", 11999, "RED BLU GRN YEL", none,
                        "A 5 litre enamelled cast iron Dutch oven in {color}, oven safe to 260 °C, for braises and bread.",
                        "dutch-oven cast-iron cookware"),
                new Model("kitchen", "KET", "Hearth", "Gooseneck Kettle", 5999, "BLK WHT", none,
                        "An electric gooseneck kettle in {color} with a temperature dial from 40 to 100 °C for pour-over coffee.",
                        "kettle coffee tea electric"),
                new Model("kitchen", "TWL", "Fernwood", "Linen Tea Towel", 1299, "GRY NAV RED", none,
                        "A stonewashed pure linen tea towel in {color}, absorbent and lint-free, with a hanging loop.",
                        "towel linen"),
                // office
                new Model("office", "NTB", "Quillmark", "Dot Grid Notebook A5", 1999, "BLK NAV GRN RED", none,
                        "A lay-flat A5 notebook with 192 numbered dot-grid pages of 100 g paper and a {color} linen cover.",
                        "notebook paper stationery"),
                new Model("office", "PEN", "Quillmark", "Fountain Pen", 4499, "BLK BLU", none,
                        "A brass fountain pen with a fine steel nib, a converter and two ink cartridges; {color} lacquer.",
                        "pen fountain-pen writing"),
                new Model("office", "LMP", "Lumen & Co", "LED Desk Lamp", 5999, "BLK WHT", none,
                        "A dimmable LED desk lamp in {color} with five colour temperatures and a USB-C charging port.",
                        "lamp lighting desk"),
                new Model("office", "DOR", "Quillmark", "Bamboo Desk Organizer", 2499, "", none,
                        "A five-compartment bamboo organizer for pens, notes and a phone, sanded smooth and oiled.",
                        "organizer desk bamboo"),
                new Model("office", "CHR", "Postura", "Ergonomic Office Chair", 28999, "BLK GRY", none,
                        "A mesh-back office chair in {color} with adjustable lumbar support, 3D armrests and a seat slider.",
                        "chair ergonomic furniture"),
                new Model("office", "MST", "Postura", "Monitor Stand", 4999, "", none,
                        "A steel and oak monitor riser that lifts a screen 12 cm and stores a keyboard underneath.",
                        "monitor-stand desk ergonomic"),
                new Model("office", "GEL", "Quillmark", "Gel Pens 10-Pack", 1199, "", none,
                        "Ten 0.5 mm gel pens in assorted colours with quick-drying, smudge-resistant ink.",
                        "pens gel stationery"),
                new Model("office", "STN", "Quillmark", "Sticky Notes 12-Pack", 899, "YEL PNK", none,
                        "Twelve pads of 100 repositionable 76 x 76 mm notes in {color}.",
                        "sticky-notes paper stationery"),
                new Model("office", "STP", "Postura", "Heavy-Duty Stapler", 2299, "BLK RED", none,
                        "A full-strip metal stapler in {color} that binds up to 40 sheets with little effort.",
                        "stapler office"),
                new Model("office", "TRY", "Quillmark", "Stacking Document Tray", 1799, "", none,
                        "A powder-coated steel A4 letter tray that stacks three high.",
                        "tray desk storage"),
                // apparel
                new Model("apparel", "TEE", "Northwind", "Organic Cotton Tee", 2499, "BLU BLK WHT", APPAREL_SIZES,
                        "A midweight 180 g organic cotton crew-neck tee in {color}, garment-washed for a soft hand.",
                        "t-shirt cotton organic"),
                new Model("apparel", "HOD", "Northwind", "Fleece Hoodie", 5999, "GRY NAV", APPAREL_SIZES,
                        "A brushed-back fleece hoodie in {color} with a lined hood and a kangaroo pocket.",
                        "hoodie fleece"),
                new Model("apparel", "JKT", "Tidewater", "Packable Rain Jacket", 8999, "YEL NAV", APPAREL_SIZES,
                        "A waterproof, breathable 2.5-layer shell in {color} that packs into its own chest pocket.",
                        "jacket rain waterproof"),
                new Model("apparel", "CHN", "Tidewater", "Slim Stretch Chinos", 6999, "BEI NAV", APPAREL_SIZES,
                        "Slim-fit chinos in {color} cotton twill with 2% stretch and a hidden coin pocket.",
                        "trousers chinos cotton"),
                new Model("apparel", "SWT", "Northwind", "Merino Crew Sweater", 8999, "GRN GRY", APPAREL_SIZES,
                        "A fine-gauge extra-fine merino crew-neck sweater in {color}; warm, light and machine washable.",
                        "sweater merino wool"),
                new Model("apparel", "FLN", "Tidewater", "Flannel Shirt", 4999, "RED BLU", APPAREL_SIZES,
                        "A heavyweight brushed cotton flannel shirt in a {color} check with two button-flap pockets.",
                        "shirt flannel cotton"),
                // footwear
                new Model("footwear", "RUN", "Stride", "Road Running Shoe", 11999, "BLK BLU", FOOTWEAR_SIZES,
                        "A cushioned neutral road running shoe in {color} with an engineered mesh upper and an 8 mm drop.",
                        "running shoes sport"),
                new Model("footwear", "BOT", "Oakhollow", "Leather Chelsea Boot", 15999, "BRN", FOOTWEAR_SIZES,
                        "A Goodyear-welted Chelsea boot in {color} full-grain leather with elastic gussets and a rubber sole.",
                        "boots leather"),
                new Model("footwear", "SNK", "Stride", "Canvas Sneaker", 5999, "WHT RED", FOOTWEAR_SIZES,
                        "A low-top vulcanised canvas sneaker in {color} with a cushioned insole and a natural rubber sole.",
                        "sneakers canvas casual"),
                new Model("footwear", "TRL", "Stride", "Trail Running Shoe", 13999, "GRY", FOOTWEAR_SIZES,
                        "A trail shoe in {color} with 4 mm lugs, a rock plate and a gusseted tongue that keeps out grit.",
                        "running trail shoes outdoor"),
                // electronics
                new Model("electronics", "EAR", "Voltwave", "Wireless Earbuds", 12999, "BLK WHT", none,
                        "True wireless earbuds in {color} with active noise cancelling, 8 hours of play and a wireless charging case.",
                        "audio earbuds bluetooth"),
                new Model("electronics", "SPK", "Voltwave", "Portable Bluetooth Speaker", 7999, "BLK BLU RED", none,
                        "A waterproof (IP67) {color} speaker with 360° sound and 15 hours of battery.",
                        "audio speaker bluetooth"),
                new Model("electronics", "CHG", "Ampere", "USB-C Charger 65 W", 3999, "", none,
                        "A compact GaN charger with two USB-C ports and one USB-A port; charges a laptop and a phone at once.",
                        "charger usb-c power"),
                new Model("electronics", "PWB", "Ampere", "Power Bank 10000 mAh", 3499, "BLK WHT", none,
                        "A slim 10000 mAh power bank in {color} with 20 W USB-C power delivery.",
                        "power-bank battery usb-c"),
                new Model("electronics", "KBD", "Voltwave", "Mechanical Keyboard", 10999, "", none,
                        "A 75% hot-swappable mechanical keyboard with tactile switches, PBT keycaps and USB-C or Bluetooth.",
                        "keyboard mechanical computer"),
                new Model("electronics", "MSE", "Voltwave", "Wireless Mouse", 4999, "BLK GRY", none,
                        "An ergonomic wireless mouse in {color} with silent clicks and a 70-day battery.",
                        "mouse computer wireless"),
                new Model("electronics", "CBL", "Ampere", "Braided USB-C Cable 2 m", 1499, "", none,
                        "A nylon-braided USB-C to USB-C cable rated for 100 W and 10 Gbit/s.",
                        "cable usb-c"),
                new Model("electronics", "PLG", "Ampere", "Smart Plug 2-Pack", 2999, "", none,
                        "Two Wi-Fi smart plugs with energy monitoring and schedules; no hub needed.",
                        "smart-home plug"),
                new Model("electronics", "RDR", "Voltwave", "E-Reader 6 in", 13999, "", none,
                        "A glare-free 300 ppi e-ink reader with a warm front light and weeks of battery.",
                        "e-reader reading"),
                new Model("electronics", "CAM", "Voltwave", "1080p Webcam", 5999, "", none,
                        "A full HD webcam with autofocus, dual microphones and a privacy shutter.",
                        "webcam video computer"),
                // outdoor
                new Model("outdoor", "TNT", "Ridgeline", "Two-Person Tent", 24999, "GRN ORG", none,
                        "A freestanding three-season tent in {color} for two, 1.9 kg packed, with two doors and two vestibules.",
                        "tent camping hiking"),
                new Model("outdoor", "SLB", "Ridgeline", "Down Sleeping Bag", 19999, "BLU RED", none,
                        "A 650-fill down mummy bag in {color}, comfortable to -2 °C, with a compression sack.",
                        "sleeping-bag camping down"),
                new Model("outdoor", "DPK", "Ridgeline", "Daypack 24 L", 7999, "BLK GRN ORG", none,
                        "A 24 litre daypack in {color} with a ventilated back panel, hip belt and hydration sleeve.",
                        "backpack hiking"),
                new Model("outdoor", "HLP", "Lumen & Co", "Rechargeable Headlamp", 3999, "", none,
                        "A 400 lumen headlamp with red night mode and a USB-C rechargeable battery.",
                        "headlamp lighting camping"),
                new Model("outdoor", "BTL", "Ridgeline", "Insulated Water Bottle 750 ml", 2999, "BLU GRN GRY RED", none,
                        "A vacuum-insulated stainless steel bottle in {color}: cold for 24 hours, hot for 12.",
                        "bottle hydration"),
                new Model("outdoor", "STV", "Ridgeline", "Compact Camp Stove", 4999, "", none,
                        "A 75 g canister stove with a piezo igniter that boils a litre in under four minutes.",
                        "stove camping cooking"),
                new Model("outdoor", "TRK", "Ridgeline", "Carbon Trekking Poles", 8999, "", none,
                        "A pair of three-section carbon trekking poles with cork grips and flick locks.",
                        "trekking-poles hiking"),
                new Model("outdoor", "HMK", "Tidewater", "Travel Hammock", 5499, "GRN ORG", none,
                        "A ripstop nylon hammock in {color} with tree-friendly straps; holds 180 kg.",
                        "hammock camping"),
                new Model("outdoor", "PNC", "Tidewater", "Rain Poncho", 2999, "YEL GRN", none,
                        "A lightweight waterproof poncho in {color} that covers you and your pack.",
                        "poncho rain"),
                // home
                new Model("home", "THR", "Loomhouse", "Wool Throw Blanket", 8999, "GRY GRN RED", none,
                        "A 130 x 170 cm lambswool throw in {color} herringbone with fringed edges.",
                        "blanket throw wool"),
                new Model("home", "CND", "Loomhouse", "Cedar & Sage Candle", 2999, "", none,
                        "A hand-poured soy wax candle in a reusable glass tumbler; about 50 hours of burn time.",
                        "candle fragrance"),
                new Model("home", "PLW", "Loomhouse", "Linen Pillowcase Pair", 4999, "WHT GRY BLU", none,
                        "Two stonewashed French linen pillowcases in {color} with envelope closures.",
                        "bedding linen pillowcase"),
                new Model("home", "TLP", "Lumen & Co", "Ceramic Table Lamp", 7999, "BLK WHT", none,
                        "A ceramic table lamp with a matte {color} glaze and a natural linen shade.",
                        "lamp lighting ceramic"),
                new Model("home", "BTW", "Loomhouse", "Organic Bath Towel", 3499, "WHT GRY NAV GRN", none,
                        "A 600 g/m² organic cotton bath towel in {color}, 70 x 140 cm, that gets softer with every wash.",
                        "towel bath cotton"),
                new Model("home", "MAT", "Loomhouse", "Coir Doormat", 2499, "", none,
                        "A natural coir doormat, 45 x 75 cm, with a non-slip backing.",
                        "doormat entryway"),
                new Model("home", "CLK", "Lumen & Co", "Silent Wall Clock", 3999, "BLK WHT", none,
                        "A 30 cm wall clock in {color} with a silent sweep movement and an oak frame.",
                        "clock wall decor"),
                new Model("home", "PLT", "Fernwood", "Ceramic Planter", 2499, "WHT GRN", none,
                        "A 15 cm ceramic planter in {color} with a drainage hole and a cork saucer.",
                        "planter plants ceramic"),
                new Model("home", "BSK", "Fernwood", "Seagrass Storage Basket", 3499, "", none,
                        "A hand-woven seagrass basket with handles for blankets, toys or laundry.",
                        "basket storage"),
                // toys
                new Model("toys", "BLD", "Tinker Town", "Wooden Building Blocks 50-Piece", 3499, "", none,
                        "Fifty beech wood blocks in eleven shapes, finished with water-based paint. Ages 2+.",
                        "blocks wooden toddler"),
                new Model("toys", "BER", "Tinker Town", "Plush Teddy Bear", 2499, "BRN WHT", none,
                        "A 30 cm {color} teddy bear, soft and washable, with embroidered eyes. All ages.",
                        "plush teddy-bear"),
                new Model("toys", "PZL", "Puzzlewright", "1000-Piece Jigsaw Puzzle", 1999, "", none,
                        "A 1000-piece puzzle of an alpine lake, printed on thick recycled board. Ages 12+.",
                        "puzzle jigsaw"),
                new Model("toys", "TRN", "Tinker Town", "Wooden Train Set", 5999, "", none,
                        "A 40-piece wooden railway with a bridge, a station and a magnetic locomotive. Ages 3+.",
                        "train wooden"),
                new Model("toys", "KTE", "Skyward", "Delta Kite", 2999, "RED BLU", none,
                        "A ripstop nylon delta kite in {color} with 30 m of line; easy to fly in light wind. Ages 6+.",
                        "kite outdoor-play"),
                new Model("toys", "BRK", "Tinker Town", "Building Bricks 500-Piece", 3999, "", none,
                        "Five hundred compatible building bricks in bright colours, with idea cards. Ages 5+.",
                        "bricks construction"),
                new Model("toys", "YOY", "Skyward", "Ball-Bearing Yo-Yo", 999, "RED BLU GRN", none,
                        "A responsive metal yo-yo in {color} with a ball bearing for long spins. Ages 8+.",
                        "yo-yo skill-toy"),
                new Model("toys", "GME", "Puzzlewright", "Harbour Traders Board Game", 4499, "", none,
                        "A trading and route-building board game for 2-5 players; games take about 45 minutes. Ages 10+.",
                        "board-game family"),
                new Model("toys", "JMP", "Skyward", "Speed Jump Rope", 1299, "", none,
                        "An adjustable speed rope with ball-bearing handles. Ages 6+.",
                        "jump-rope fitness"));
    }

    private static List<Book> books() {
        return List.of(
                new Book("RIVERS", "Field Notes on Rivers", "Maren Holt", "Larkspur Press", 288, 1799,
                        "A naturalist follows three rivers from source to sea over one year.", "nature essays"),
                new Book("ORCHARD", "The Quiet Orchard", "Tomas Ferrante", "Larkspur Press", 352, 1699,
                        "A family saga set across four generations of apple growers.", "fiction family"),
                new Book("BREAD", "Slow Bread", "Ines Calder", "Copperline Books", 240, 2499,
                        "Sourdough and long-fermented breads for home ovens, with 80 recipes.", "cookbook baking"),
                new Book("SYSTEMS", "Designing Calm Systems", "Priya Anand", "Northlight Technical", 416, 3999,
                        "How to build software services that fail gently and recover on their own.", "software engineering"),
                new Book("STARS", "A Pocket Guide to the Night Sky", "Jonah Reyes", "Northlight Technical", 176, 1499,
                        "Constellations, planets and meteor showers, season by season.", "astronomy guide"),
                new Book("TIDES", "Where the Tides Turn", "Elsa Marr", "Larkspur Press", 320, 1599,
                        "A mystery on a tidal island cut off from the mainland twice a day.", "fiction mystery"),
                new Book("GARDEN", "The Small Garden Year", "Hugo Lind", "Copperline Books", 224, 2299,
                        "Month-by-month planting for balconies, patios and small plots.", "gardening guide"),
                new Book("MAPS", "Lines on the Land", "Ada Okafor", "Northlight Technical", 304, 2799,
                        "A history of mapmaking from clay tablets to satellites.", "history maps"),
                new Book("FOXES", "The Fox Who Counted Stars", "Lena Brook", "Puzzlewright Books", 40, 1299,
                        "A bedtime picture book about a fox who cannot fall asleep.", "children picture-book"),
                new Book("CLIMB", "First Ascents", "Rafael Soto", "Ridgeline Books", 272, 1999,
                        "Stories of the climbers who first reached twelve famous summits.", "adventure mountains"),
                new Book("TEA", "The Tea Atlas", "Mei Tanaka", "Copperline Books", 256, 3499,
                        "Tea regions, cultivars and brewing, from Darjeeling to Uji.", "tea reference"),
                new Book("CODE", "Readable Code, Gently", "Sam Whitfield", "Northlight Technical", 368, 3499,
                        "Small habits that make code easier to change, with examples in Java and Python.", "software programming"));
    }

    private static List<DemoProduct> generate() {
        List<DemoProduct> products = new ArrayList<>();
        // One random sequence over the products in their fixed order: the stock of a SKU depends only on the seed.
        Random random = new Random(SEED);
        for (Model model : models()) {
            List<String> colors = model.colors().isBlank() ? Collections.singletonList(null)
                    : List.of(model.colors().split(" "));
            List<String> sizes = model.sizes().isEmpty() ? Collections.singletonList(null) : model.sizes();
            for (String color : colors) {
                for (String size : sizes) {
                    products.add(product(model, color, size, stock(random, products.isEmpty())));
                }
            }
        }
        for (Book book : books()) {
            products.add(book(book, "PB", "Paperback", book.paperbackCents(), stock(random, false)));
            products.add(book(book, "HC", "Hardcover", book.paperbackCents() + 1500, stock(random, false)));
        }
        return List.copyOf(products);
    }

    private static DemoProduct product(Model model, String colorCode, String size, int stock) {
        String colorName = colorCode == null ? null : COLORS.get(colorCode);
        StringBuilder sku = new StringBuilder(CATEGORY_CODES.get(model.category())).append('-').append(model.code());
        StringBuilder name = new StringBuilder(model.brand()).append(' ').append(model.noun());
        if (colorCode != null) {
            sku.append('-').append(colorCode);
            name.append(" — ").append(colorName);
        }
        if (size != null) {
            sku.append('-').append(size);
            boolean footwear = model.category().equals("footwear");
            name.append(colorCode != null ? ", " : " — ").append(footwear ? "EU " + size : size);
        }
        String description = model.description()
                .replace("{color}", colorName == null ? "" : colorName.toLowerCase(Locale.ROOT));
        if (size != null) {
            description += model.category().equals("footwear")
                    ? " True to size; this is EU " + size + "."
                    : " Regular fit; this is size " + size + ".";
        }
        Set<String> tags = new LinkedHashSet<>(List.of(model.tags().split(" ")));
        tags.add(model.category());
        if (colorName != null) {
            tags.add(colorName.toLowerCase(Locale.ROOT));
        }
        return new DemoProduct(sku.toString(), name.toString(), description, model.brand(), model.category(),
                colorName, size, model.priceCents(), CURRENCY, List.copyOf(tags), stock);
    }

    private static DemoProduct book(Book book, String formatCode, String format, long priceCents, int stock) {
        Set<String> tags = new LinkedHashSet<>(List.of(book.tags().split(" ")));
        tags.add("books");
        tags.add(format.toLowerCase(Locale.ROOT));
        String description = book.blurb() + " By " + book.author() + "; " + format.toLowerCase(Locale.ROOT) + ", "
                + book.pages() + " pages.";
        return new DemoProduct("BOK-" + book.code() + "-" + formatCode, book.title() + " — " + format, description,
                book.publisher(), "books", null, null, priceCents, CURRENCY, List.copyOf(tags), stock);
    }

    /** Most SKUs hold 5..200 units; about one in twelve is sold out. The first product always has stock. */
    private static int stock(Random random, boolean first) {
        boolean soldOut = random.nextInt(12) == 0;
        int units = 5 + random.nextInt(196);
        return soldOut && !first ? 0 : units;
    }
}
