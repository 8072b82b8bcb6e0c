"""The assistant set's own catalogs, written for it (none comes from the shared dev set).

Each product: sku, name, brand, category, color, size, priceCents, description, tags, plus two fields the
generator uses and drops from catalog.json: ref (how a shopper names the family) and stock.
Families (same name) differ by colour, size or brand, so that some requests need a question.
"""


def p(sku, name, brand, category, color, size, price, description, tags, ref, stock=50, pair=False):
    return dict(sku=sku, name=name, brand=brand, category=category, color=color, size=size, priceCents=price,
                description=description, tags=tags, ref=ref, stock=stock, pair=pair)


GARDEN = [
    p("GAR-CAN-GRN", "Watering Can", "Greenthumb", "garden", "green", None, 1899, "A 7 litre watering can with a long spout.", ["watering", "can", "plants"], "watering can"),
    p("GAR-CAN-BLU", "Watering Can", "Greenthumb", "garden", "blue", None, 1899, "A 7 litre watering can with a long spout.", ["watering", "can", "plants"], "watering can"),
    p("GAR-GLV-S", "Garden Gloves", "Greenthumb", "garden", "green", "S", 1299, "Thorn-proof garden gloves, sold as a pair.", ["gloves", "pair"], "garden gloves", pair=True),
    p("GAR-GLV-M", "Garden Gloves", "Greenthumb", "garden", "green", "M", 1299, "Thorn-proof garden gloves, sold as a pair.", ["gloves", "pair"], "garden gloves", pair=True),
    p("GAR-GLV-L", "Garden Gloves", "Greenthumb", "garden", "green", "L", 1299, "Thorn-proof garden gloves, sold as a pair.", ["gloves", "pair"], "garden gloves", pair=True),
    p("GAR-TRW-01", "Hand Trowel", "Fieldcraft", "garden", "silver", None, 999, "A stainless steel hand trowel with an ash handle.", ["trowel", "digging", "tool"], "hand trowel"),
    p("GAR-SHR-FLD", "Pruning Shears", "Fieldcraft", "garden", "red", None, 2499, "Bypass pruning shears for stems up to 20 mm.", ["secateurs", "pruner", "cutting"], "pruning shears"),
    p("GAR-SHR-ORC", "Pruning Shears", "Orchard", "garden", "black", None, 3999, "Forged bypass pruning shears with a sap groove.", ["secateurs", "pruner", "cutting"], "pruning shears"),
    p("GAR-SED-KIT", "Seed Starter Kit", "Sprout", "garden", None, None, 1599, "Tray, lid and 24 peat-free cells for seedlings.", ["seeds", "propagator", "seedling"], "seed starter kit"),
    p("GAR-POT-12", "Terracotta Plant Pot", "Claywell", "garden", "terracotta", "12 cm", 499, "A frost-proof terracotta plant pot.", ["pot", "planter", "flowerpot"], "terracotta pot"),
    p("GAR-POT-20", "Terracotta Plant Pot", "Claywell", "garden", "terracotta", "20 cm", 899, "A frost-proof terracotta plant pot.", ["pot", "planter", "flowerpot"], "terracotta pot"),
    p("GAR-HOS-15", "Garden Hose", "Flowline", "garden", "green", "15 m", 2999, "A kink-free garden hose with fittings.", ["hose", "watering"], "garden hose"),
    p("GAR-HOS-30", "Garden Hose", "Flowline", "garden", "green", "30 m", 4599, "A kink-free garden hose with fittings.", ["hose", "watering"], "garden hose"),
    p("GAR-CMP-40", "Peat-Free Compost", "Sprout", "garden", None, "40 l", 1099, "A 40 litre bag of peat-free multi-purpose compost.", ["compost", "soil"], "compost"),
    p("GAR-BRD-FDR", "Bird Feeder", "Wingsong", "garden", "grey", None, 1799, "A hanging seed feeder for small birds.", ["birds", "feeder", "wildlife"], "bird feeder"),
    p("GAR-KNP-01", "Kneeling Pad", "Greenthumb", "garden", "purple", None, 899, "A thick foam kneeling pad for weeding.", ["kneeler", "foam", "cushion"], "kneeling pad"),
    p("GAR-LNT-WHT", "Solar Lantern", "Glowworm", "garden", "white", None, 1499, "A solar lantern that glows all night.", ["lantern", "solar", "light"], "solar lantern"),
    p("GAR-LNT-BLK", "Solar Lantern", "Glowworm", "garden", "black", None, 1499, "A solar lantern that glows all night.", ["lantern", "solar", "light"], "solar lantern"),
    p("GAR-RAK-01", "Leaf Rake", "Fieldcraft", "garden", "orange", None, 1999, "A wide leaf rake with a steel handle.", ["rake", "leaves"], "leaf rake", stock=0),
    p("GAR-WHB-01", "Wheelbarrow", "Fieldcraft", "garden", "green", None, 8999, "A 90 litre steel wheelbarrow.", ["barrow", "hauling"], "wheelbarrow", stock=2),
    p("GAR-SPR-01", "Pressure Sprayer", "Flowline", "garden", "yellow", None, 2199, "A 5 litre pump pressure sprayer.", ["sprayer", "mister"], "pressure sprayer"),
]

PETS = [
    p("PET-LSH-RED", "Dog Leash", "Pawsome", "pets", "red", None, 1599, "A 1.5 metre padded nylon dog leash.", ["lead", "leash", "walking"], "dog leash"),
    p("PET-LSH-BLK", "Dog Leash", "Pawsome", "pets", "black", None, 1599, "A 1.5 metre padded nylon dog leash.", ["lead", "leash", "walking"], "dog leash"),
    p("PET-BED-S", "Dog Bed", "Snooze", "pets", "grey", "S", 2999, "A washable bolster dog bed.", ["bed", "cushion", "bolster"], "dog bed"),
    p("PET-BED-M", "Dog Bed", "Snooze", "pets", "grey", "M", 3999, "A washable bolster dog bed.", ["bed", "cushion", "bolster"], "dog bed"),
    p("PET-BED-L", "Dog Bed", "Snooze", "pets", "grey", "L", 4999, "A washable bolster dog bed.", ["bed", "cushion", "bolster"], "dog bed"),
    p("PET-SCR-01", "Cat Scratching Post", "Whisker", "pets", "beige", None, 2499, "A sisal scratching post with a perch.", ["scratcher", "sisal", "cat"], "scratching post"),
    p("PET-CHW-01", "Rubber Chew Toy", "Pawsome", "pets", "orange", None, 799, "A tough rubber chew toy for dogs.", ["toy", "chew", "dog"], "chew toy"),
    p("PET-FOD-CAT", "Dry Cat Food", "Whisker", "pets", None, "2 kg", 1299, "Salmon dry food for adult cats, 2 kg bag.", ["food", "kibble", "cat"], "cat food"),
    p("PET-FOD-DOG", "Dry Dog Food", "Pawsome", "pets", None, "5 kg", 2499, "Chicken dry food for adult dogs, 5 kg bag.", ["food", "kibble", "dog"], "dog food"),
    p("PET-BWL-PAW", "Steel Pet Bowl", "Pawsome", "pets", "silver", None, 699, "A non-slip stainless steel bowl.", ["bowl", "dish", "feeding"], "pet bowl"),
    p("PET-BWL-WHS", "Steel Pet Bowl", "Whisker", "pets", "silver", None, 999, "A weighted stainless steel bowl.", ["bowl", "dish", "feeding"], "pet bowl"),
    p("PET-MSE-01", "Catnip Mouse", "Whisker", "pets", "grey", None, 399, "A felt mouse filled with catnip.", ["toy", "catnip", "cat"], "catnip mouse"),
    p("PET-SHP-01", "Oatmeal Pet Shampoo", "Snooze", "pets", None, "500 ml", 899, "A gentle oatmeal shampoo, 500 ml bottle.", ["shampoo", "grooming", "wash"], "pet shampoo"),
    p("PET-LIT-10", "Clumping Cat Litter", "Whisker", "pets", None, "10 l", 1099, "Low-dust clumping litter, 10 litre bag.", ["litter", "cat"], "cat litter"),
    p("PET-BAL-03", "Tennis Balls", "Pawsome", "pets", "yellow", None, 599, "Three dog-safe tennis balls in a tube.", ["ball", "fetch", "dog"], "tennis balls"),
    p("PET-COL-S", "Reflective Collar", "Pawsome", "pets", "blue", "S", 999, "An adjustable reflective collar.", ["collar", "reflective"], "collar"),
    p("PET-COL-L", "Reflective Collar", "Pawsome", "pets", "blue", "L", 1099, "An adjustable reflective collar.", ["collar", "reflective"], "collar"),
    p("PET-BRS-01", "Grooming Brush", "Snooze", "pets", "green", None, 1199, "A slicker brush for long coats.", ["brush", "grooming", "comb"], "grooming brush"),
    p("PET-CRR-01", "Pet Carrier", "Snooze", "pets", "grey", None, 3999, "A soft-sided travel carrier.", ["carrier", "travel", "crate"], "pet carrier", stock=0),
    p("PET-TRT-01", "Training Treats", "Pawsome", "pets", None, None, 499, "Small liver training treats, 200 g.", ["treats", "snack", "training"], "training treats"),
    p("PET-FTN-01", "Water Fountain", "Whisker", "pets", "white", None, 3499, "A quiet drinking fountain for cats.", ["fountain", "water", "drinking"], "water fountain", stock=3),
]

SPORTS = [
    p("SPT-YOG-PRP", "Yoga Mat", "Zenflow", "sports", "purple", None, 2999, "A 6 mm non-slip yoga mat.", ["mat", "yoga", "pilates"], "yoga mat"),
    p("SPT-YOG-BLU", "Yoga Mat", "Zenflow", "sports", "blue", None, 2999, "A 6 mm non-slip yoga mat.", ["mat", "yoga", "pilates"], "yoga mat"),
    p("SPT-DMB-2", "Neoprene Dumbbell", "Ironside", "sports", "pink", "2 kg", 1299, "A neoprene-coated dumbbell.", ["weight", "dumbbell"], "dumbbell"),
    p("SPT-DMB-5", "Neoprene Dumbbell", "Ironside", "sports", "black", "5 kg", 2199, "A neoprene-coated dumbbell.", ["weight", "dumbbell"], "dumbbell"),
    p("SPT-RSB-01", "Resistance Bands", "Ironside", "sports", None, None, 1499, "Five latex resistance bands in a pouch.", ["bands", "stretch", "training"], "resistance bands"),
    p("SPT-JRP-01", "Speed Jump Rope", "Quickstep", "sports", "black", None, 999, "A ball-bearing speed jump rope.", ["skipping", "rope", "cardio"], "jump rope"),
    p("SPT-BTL-01", "Sports Water Bottle", "Quickstep", "sports", "green", None, 1199, "A 750 ml squeeze bottle.", ["bottle", "drink", "hydration"], "water bottle"),
    p("SPT-FBL-5", "Football", "Kickoff", "sports", "white", "5", 2499, "A size 5 match football.", ["ball", "soccer"], "football"),
    p("SPT-FBL-4", "Football", "Kickoff", "sports", "white", "4", 2299, "A size 4 training football.", ["ball", "soccer"], "football"),
    p("SPT-BSK-01", "Basketball", "Kickoff", "sports", "orange", None, 2799, "An indoor and outdoor basketball.", ["ball", "hoops"], "basketball"),
    p("SPT-SHN-M", "Shin Guards", "Kickoff", "sports", "black", "M", 1399, "Lightweight shin guards with straps, sold as a pair.", ["shin", "pads", "pair"], "shin guards", pair=True),
    p("SPT-SHN-L", "Shin Guards", "Kickoff", "sports", "black", "L", 1399, "Lightweight shin guards with straps, sold as a pair.", ["shin", "pads", "pair"], "shin guards", pair=True),
    p("SPT-SWG-01", "Swim Goggles", "Aquafin", "sports", "blue", None, 1599, "Anti-fog swim goggles.", ["goggles", "swimming"], "swim goggles"),
    p("SPT-SWC-01", "Silicone Swim Cap", "Aquafin", "sports", "red", None, 699, "A silicone swim cap.", ["cap", "swimming"], "swim cap"),
    p("SPT-TWL-01", "Microfibre Gym Towel", "Zenflow", "sports", "grey", None, 1299, "A quick-dry microfibre towel.", ["towel", "gym"], "gym towel"),
    p("SPT-FRL-01", "Foam Roller", "Zenflow", "sports", "black", None, 1999, "A firm foam roller for recovery.", ["roller", "massage", "recovery"], "foam roller"),
    p("SPT-TRK-01", "Fitness Tracker", "Pulsewise", "sports", "black", None, 5999, "A heart-rate fitness tracker band.", ["tracker", "watch", "band"], "fitness tracker", stock=0),
    p("SPT-RKT-QCK", "Badminton Racket", "Quickstep", "sports", "blue", None, 1999, "A light aluminium badminton racket.", ["racket", "racquet", "badminton"], "badminton racket"),
    p("SPT-RKT-ACE", "Badminton Racket", "Aceline", "sports", "red", None, 3499, "A graphite badminton racket.", ["racket", "racquet", "badminton"], "badminton racket"),
    p("SPT-SHC-01", "Shuttlecocks", "Aceline", "sports", "white", None, 899, "A tube of six feather shuttlecocks.", ["shuttle", "birdie", "badminton"], "shuttlecocks", stock=4),
]

ART_OFFICE = [
    p("ART-MPC-05", "Mechanical Pencil", "Graphix", "art", "black", "0.5 mm", 699, "A metal-grip mechanical pencil.", ["pencil", "drafting"], "mechanical pencil"),
    p("ART-MPC-07", "Mechanical Pencil", "Graphix", "art", "black", "0.7 mm", 699, "A metal-grip mechanical pencil.", ["pencil", "drafting"], "mechanical pencil"),
    p("ART-LDR-05", "Lead Refills", "Graphix", "art", None, "0.5 mm", 299, "A tube of 40 HB leads.", ["leads", "refill", "graphite"], "lead refills"),
    p("ART-LDR-07", "Lead Refills", "Graphix", "art", None, "0.7 mm", 299, "A tube of 40 HB leads.", ["leads", "refill", "graphite"], "lead refills"),
    p("ART-HLT-YEL", "Highlighter", "Brightline", "art", "yellow", None, 149, "A chisel-tip fluorescent highlighter.", ["marker", "highlighter"], "highlighter"),
    p("ART-HLT-PNK", "Highlighter", "Brightline", "art", "pink", None, 149, "A chisel-tip fluorescent highlighter.", ["marker", "highlighter"], "highlighter"),
    p("ART-HLT-GRN", "Highlighter", "Brightline", "art", "green", None, 149, "A chisel-tip fluorescent highlighter.", ["marker", "highlighter"], "highlighter"),
    p("ART-SKB-A4", "Sketchbook", "Papyra", "art", "black", "A4", 1299, "A hardback sketchbook, 80 sheets.", ["sketch", "drawing", "paper"], "sketchbook"),
    p("ART-SKB-A5", "Sketchbook", "Papyra", "art", "black", "A5", 899, "A hardback sketchbook, 80 sheets.", ["sketch", "drawing", "paper"], "sketchbook"),
    p("ART-WCS-12", "Watercolour Set", "Hueberry", "art", None, "12 colours", 1599, "A travel watercolour set with a brush.", ["paint", "watercolor", "painting"], "watercolour set"),
    p("ART-WCS-24", "Watercolour Set", "Hueberry", "art", None, "24 colours", 2599, "A studio watercolour set.", ["paint", "watercolor", "painting"], "watercolour set"),
    p("ART-ERS-01", "Kneaded Eraser", "Graphix", "art", "grey", None, 199, "A soft kneaded eraser.", ["rubber", "eraser"], "kneaded eraser"),
    p("ART-RUL-30", "Steel Ruler", "Papyra", "art", "silver", "30 cm", 499, "A 30 cm stainless steel ruler.", ["ruler", "measure"], "steel ruler"),
    p("ART-BRS-SET", "Brush Set", "Hueberry", "art", None, None, 1199, "Ten synthetic paint brushes.", ["brushes", "paintbrush"], "brush set"),
    p("ART-ESL-01", "Table Easel", "Hueberry", "art", "brown", None, 3499, "A beech table-top easel.", ["easel", "stand"], "table easel", stock=0),
    p("ART-GLU-01", "Glue Stick", "Papyra", "art", None, None, 129, "A 21 g solvent-free glue stick.", ["glue", "adhesive"], "glue stick"),
    p("ART-PCH-PAP", "Hole Punch", "Papyra", "office", "black", None, 999, "A two-hole punch for 20 sheets.", ["punch", "perforator"], "hole punch"),
    p("ART-PCH-OFX", "Hole Punch", "Officio", "office", "blue", None, 1499, "A heavy-duty two-hole punch.", ["punch", "perforator"], "hole punch"),
    p("ART-PPR-500", "Printer Paper", "Officio", "office", "white", None, 599, "A ream of 500 sheets of A4 paper.", ["paper", "copy", "ream"], "printer paper"),
    p("ART-FLD-01", "Ring Binder", "Officio", "office", "red", None, 349, "An A4 two-ring binder.", ["binder", "folder", "file"], "ring binder"),
    p("ART-PLN-01", "Fineliner Pens", "Brightline", "art", None, None, 899, "A set of eight 0.4 mm fineliners.", ["fineliner", "pens", "drawing"], "fineliner pens", stock=5),
]

TRAVEL_TECH = [
    p("TEC-PWB-10", "Power Bank", "Voltra", "electronics", "black", "10000 mAh", 2499, "A slim power bank with USB-C.", ["battery", "charger", "portable"], "power bank"),
    p("TEC-PWB-20", "Power Bank", "Voltra", "electronics", "black", "20000 mAh", 3999, "A high-capacity power bank.", ["battery", "charger", "portable"], "power bank"),
    p("TEC-HDM-1", "HDMI Cable", "Linkwire", "electronics", "grey", "1 m", 899, "A braided 4K HDMI cable.", ["cable", "hdmi", "video"], "hdmi cable"),
    p("TEC-HDM-2", "HDMI Cable", "Linkwire", "electronics", "grey", "2 m", 1199, "A braided 4K HDMI cable.", ["cable", "hdmi", "video"], "hdmi cable"),
    p("TEC-CHG-20", "Wall Charger", "Voltra", "electronics", "white", "20 W", 1499, "A compact USB-C wall charger.", ["charger", "plug", "adapter"], "wall charger"),
    p("TEC-CHG-65", "Wall Charger", "Voltra", "electronics", "white", "65 W", 3499, "A laptop-ready USB-C wall charger.", ["charger", "plug", "adapter"], "wall charger"),
    p("TEC-ADP-01", "Travel Adapter", "Globetrot", "travel", "grey", None, 1999, "A universal travel adapter for 150 countries.", ["plug", "adaptor", "socket"], "travel adapter"),
    p("TEC-SPK-BLU", "Bluetooth Speaker", "Sonique", "electronics", "blue", None, 4999, "A waterproof bluetooth speaker.", ["speaker", "audio", "music"], "bluetooth speaker"),
    p("TEC-SPK-BLK", "Bluetooth Speaker", "Sonique", "electronics", "black", None, 4999, "A waterproof bluetooth speaker.", ["speaker", "audio", "music"], "bluetooth speaker"),
    p("TEC-HDP-SON", "Over-Ear Headphones", "Sonique", "electronics", "black", None, 7999, "Noise-cancelling over-ear headphones.", ["headphones", "audio"], "headphones"),
    p("TEC-HDP-ECH", "Over-Ear Headphones", "Echoline", "electronics", "black", None, 5499, "Wireless over-ear headphones.", ["headphones", "audio"], "headphones"),
    p("TEC-SLV-13", "Laptop Sleeve", "Globetrot", "travel", "grey", "13 inch", 2299, "A padded felt laptop sleeve.", ["sleeve", "laptop", "case"], "laptop sleeve"),
    p("TEC-SLV-15", "Laptop Sleeve", "Globetrot", "travel", "grey", "15 inch", 2599, "A padded felt laptop sleeve.", ["sleeve", "laptop", "case"], "laptop sleeve"),
    p("TEC-WCM-01", "HD Webcam", "Echoline", "electronics", "black", None, 3999, "A 1080p webcam with a privacy cover.", ["webcam", "camera", "video"], "webcam"),
    p("TEC-NPL-01", "Neck Pillow", "Globetrot", "travel", "navy", None, 1599, "A memory-foam travel neck pillow.", ["pillow", "cushion", "sleep"], "neck pillow"),
    p("TEC-LGT-01", "Luggage Tag", "Globetrot", "travel", "red", None, 499, "A leather luggage tag.", ["tag", "label", "suitcase"], "luggage tag"),
    p("TEC-SCL-01", "Luggage Scale", "Globetrot", "travel", "black", None, 1299, "A digital hanging luggage scale.", ["scale", "weigh", "suitcase"], "luggage scale", stock=0),
    p("TEC-MSE-01", "Travel Mouse", "Linkwire", "electronics", "grey", None, 1999, "A folding bluetooth mouse.", ["mouse", "wireless"], "travel mouse"),
    p("TEC-MSK-01", "Silk Sleep Mask", "Globetrot", "travel", "black", None, 1799, "A contoured silk eye mask for flights.", ["mask", "eye", "sleep"], "sleep mask", stock=3),
    p("TEC-SIM-01", "SIM Tool Kit", "Linkwire", "electronics", None, None, 299, "A SIM ejector and card adapters.", ["sim", "ejector"], "sim tool kit"),
]

TRAIN = {"garden": GARDEN, "pets": PETS, "sports": SPORTS}
HELD_OUT = {"art-office": ART_OFFICE, "travel-tech": TRAVEL_TECH}
