#!/usr/bin/env python3
"""Writes the assistant set: train/ and held-out/, each with catalog files, cases.jsonl and tasks.jsonl in the
format of the shared dev set, and ../../../main/resources/assistant/action-examples.tsv (the action model's
labelled clauses, from the TRAIN phrasings only).

The split is fixed: the held-out split uses other catalogs (catalogs.HELD_OUT) and other phrasings (every
template list below has a train and a held-out part), so it measures wording and products the model never saw.
Deterministic (seeded); run `python3 generate.py` here after changing a template or a catalog.
"""
import json
import os
import random
import re

import catalogs

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "..", "main", "resources", "assistant", "action-examples.tsv")

# Clause templates per act: (train, held_out). {x}: a product ("the red watering can"), {q}: a quantity and
# product ("two red watering cans"), {n}: a number, {it}: a pronoun, {k}: a kind of product (search).
T = {
    "ADD": ([
        "stick {q} in", "pop in {q}", "put {q} in", "add {q} in there", "i'd take {q}", "gotta have {q}", "i also need {q}", "can we get {q}", "shove {q} in the basket", "reserve {q} for me", "get {q} in the cart", "i'd want {q}", "i'll also take {q}", "add {q} too", "yes add {q}", "ok put in {q}", "i'm interested in {q}", "take {q} too", "i'll get {q}", "get me {q} as well", "add {q} to the trolley", "my kid needs {q}", "throw {q} on the pile", "i'll add {q}", "pick up {q} for me", "i choose {q}", "could you include {q}",
        "add {q}", "put {q} in my cart", "i'd like {q}", "i want {q}", "can i get {q}", "i'll take {q}",
        "grab me {q}", "throw {q} in the basket", "i need {q}", "could you add {q} please", "pop {q} in my basket",
        "get me {q}", "give me {q}", "include {q}", "let me have {q}", "add {q} to my basket", "{q} please",
        "please add {q}", "toss in {q}", "i'm after {q}", "could i have {q}", "stick {q} in my trolley",
        "we need {q}", "i would like to add {q}", "i'll have {q}", "put in {q}", "add {q} for me",
        "can you add {q}", "i'd love {q}", "gimme {q}", "add on {q}", "i'll go for {q}", "i'd like to get {q}",
        "please put {q} in the basket", "can you get me {q}", "hook me up with {q}", "i'd like to add {q}",
        "get {q} for me", "i'll grab {q}", "could you get {q}", "send {q} my way", "put {q} on the order",
        "i'm taking {q}", "count me in for {q}", "put me down for {q}", "i require {q}", "need {q}", "want {q}",
        "add {q} please", "i'd also like {q}", "and i want {q}", "drop {q} in my basket", "let me get {q}",
    ], [
        "could you put {q} in the cart", "i'd quite like {q}", "please get {q}", "chuck {q} in", "i fancy {q}",
        "set me up with {q}", "can you throw in {q}", "lemme get {q}", "i wanna add {q}", "add in {q} as well",
        "put {q} on my list", "slip {q} into the basket", "we'll take {q}", "bring me {q}", "i'm going to need {q}",
    ]),
    "BUY": ([
        "buy {q} now", "get {q} and pay for it", "i'm buying {q}", "i'll order {q}", "order {q} for delivery", "purchase {q} and check out", "i want {q} delivered", "order {q} today", "ship me {q}", "send me {q}",
        "buy {q}", "order {q}", "purchase {q}", "i want to buy {q}", "please order {q} for me",
        "i'd like to purchase {q}", "buy me {q}", "order me {q}", "go ahead and buy {q}", "i'll buy {q}",
        "i want to purchase {q} now", "buy {q} and pay", "order {q} straight away", "purchase {q} right now",
        "i need to buy {q}", "let me buy {q}", "i'd like to buy {q}",
        "could you order {q}", "purchase {q} for me please", "i want to order {q}", "can you buy {q} for me",
    ], [
        "i'd like to order {q}", "place an order for {q}", "please buy {q}", "get {q} ordered", "order up {q}",
        "i wish to purchase {q}", "buy {q} for me",
    ]),
    "REMOVE": ([
        "take the {x} off", "take {it} off the list", "take {it} out", "pull {it} out", "take out the {x}", "yank the {x}", "i'm not getting the {x} anymore", "the {x} is out", "scratch {it} off", "remove {it} now", "get rid of {it}", "i don't want {it} any more", "leave the {x} out", "no {x} after all", "kill the {x}", "delete {it} please", "zap the {x}", "cancel {it}", "i'd like to remove the {x}", "could you take the {x} away", "i've gone off the {x}", "the {x} isn't needed any more", "not the {x} any more, remove the {x}",
        "remove the {x}", "delete the {x}", "drop the {x}", "get rid of the {x}", "ditch the {x}", "lose the {x}",
        "i no longer want the {x}", "cancel the {x}", "leave out the {x}", "cross the {x} off", "bin the {x}",
        "pull the {x} from my cart", "take away the {x}", "nix the {x}", "the {x} can go",
        "strike the {x}", "erase the {x}", "remove {it}", "delete {it}", "please remove the {x} from my basket",
        "exclude the {x}", "i don't need the {x} after all", "remove the {x} please", "get the {x} out",
        "actually remove the {x}", "cut the {x}", "please drop {it}", "i don't want the {x} anymore after all",
        "toss the {x} out", "remove the {x} from the order", "the {x} is not needed", "throw out the {x}",
        "can you remove the {x}", "delete the {x} from my cart", "dump the {x}", "i've decided against the {x}",
        "no longer need {it}", "ditch {it}", "drop {it} from the basket", "the {x} should go",
        "i won't need the {x}", "please take the {x} away", "discard the {x}", "let's lose the {x}",
    ], [
        "scrap the {x}", "can you axe the {x}", "take the {x} out of my basket", "the {x} has to go",
        "i've changed my mind on the {x}", "forget about the {x}", "lose {it}", "remove {it} please",
        "undo the {x}", "get the {x} off my order", "wipe the {x} from the cart",
    ]),
    "SET": ([
        "actually {n}", "{n} in total please", "make that {n} in total", "i'd like {n} altogether", "make it {n} altogether", "up it to {n}", "bump it to {n}", "lower it to {n}", "drop it to {n}", "take the {x} down to {n}", "change my order to {n} of them", "i need {n} in total", "only {n} please", "{n} total", "can you make that {n}", "set the amount to {n}", "the {x} should be {n}", "revise it to {n}", "quantity {n}", "make the total {n}", "switch the quantity to {n}",
        "make it {n}", "change the {x} to {n}", "set the {x} to {n}", "update the {x} to {n}", "make that {n}",
        "actually make it {n}", "change the quantity of the {x} to {n}", "increase the {x} to {n}",
        "reduce the {x} to {n}", "bump the {x} up to {n}", "lower the {x} to {n}", "change it to {n}",
        "set it to {n}", "i want {n} of them in total", "let's make it {n}", "make it {n} instead",
        "change that to {n}", "update the quantity to {n}",
        "adjust the {x} to {n}", "can you change the {x} to {n}", "i'd like {n} of the {x} instead",
        "change my {x} to {n}", "make the quantity {n}", "put the {x} at {n}", "i only need {n} of them",
        "cut the {x} down to {n}", "reduce it to {n}", "increase it to {n}", "modify the {x} to {n}",
        "set the quantity to {n}", "update it to {n}", "change the number to {n}", "let's have {n} of {it} instead",
        "make them {n}", "i want {n} instead", "change the count to {n}",
    ], [
        "bring the {x} down to {n}", "raise the {x} to {n}", "go up to {n} on the {x}", "{n} of them in total",
        "let's do {n} instead", "i'd rather have {n}", "adjust it to {n}", "make the {x} {n}", "fix the {x} at {n}",
        "can we do {n}", "change the amount to {n}",
    ]),
    "VIEW_CART": ([
        "what's in my bag", "what have i got", "show me my order so far", "what's the total", "let me check my basket", "what's in my shopping cart", "what do i have so far", "cart contents", "basket", "my cart", "review my cart", "what does my cart contain", "have a look at my basket", "what's the subtotal", "what's the price of my cart", "how much is everything", "what's it come to",
        "what's in my cart", "show my cart", "show me my basket", "view cart", "what do i have in my basket",
        "let me see my cart", "open my cart", "list my cart", "what's my total", "display my basket",
        "what's in the basket", "can i see the cart", "show me what i have", "check my cart", "cart please",
        "how much is my cart", "what have i added", "view my trolley", "what does my basket look like",
        "tell me what's in my cart", "how much do i owe", "what did i put in my basket", "what's in there so far",
        "show me the basket", "what items are in my cart", "list what i've got", "could you show my cart",
        "what have i ordered so far", "what's my cart total", "summarise my basket", "what's in the trolley",
        "give me a look at my cart", "what have i chosen", "show everything i added", "how much will it cost",
    ], [
        "what have i put in so far", "read my basket back to me", "what am i buying", "remind me what i picked",
        "how does my cart look", "go over my cart", "what's the damage so far", "run me through my basket",
        "let me review my items",
    ]),
    "CLEAR_CART": ([
        "bin everything", "drop everything", "nuke my cart", "clear my whole basket", "empty the lot", "remove everything from the trolley", "ditch everything", "i changed my mind, empty it", "forget everything in my basket", "start a new cart", "reset everything", "cart reset", "lose all of it", "dump everything in my cart", "get everything out of the basket",
        "empty my cart", "clear my basket", "remove everything", "start over", "wipe my cart", "delete all items",
        "reset my cart", "clear it all", "empty the basket", "clear the cart", "remove all items from my cart",
        "get rid of everything in my cart", "i want to start again", "clear everything", "empty it all out",
        "delete everything", "take everything out", "remove all of my items", "i want an empty cart",
        "clear out my trolley", "let's start from scratch", "wipe everything", "empty everything out",
        "remove every item", "throw away my whole cart", "cancel all my items", "i want to begin again",
    ], [
        "throw everything out of my basket", "dump the whole cart", "i want a fresh cart", "remove all of it",
        "cancel everything in the cart", "wipe it all", "scrap all the items",
    ]),
    "CHECKOUT": ([
        "pay", "checkout", "let's do the checkout", "time to check out", "i'd like to check out now", "ready for checkout", "take me to payment", "charge me", "let's complete the purchase", "i'm all done", "done shopping", "process my order", "go to the checkout", "i'll check out", "purchase everything", "buy everything in my cart", "pay the bill", "i want to complete my order", "place the order", "confirm and pay", "please charge it", "let's finalise", "that'll be all",
        "check out", "checkout please", "place my order", "pay now", "proceed to checkout", "complete my purchase",
        "i'm ready to pay", "ring me up", "finish my order", "let's check out", "submit my order", "i'd like to pay",
        "time to pay", "go to payment", "finalise the order", "that's everything", "confirm my order",
        "i'm done, check out", "pay for it all", "let me pay", "check me out please", "complete the order",
        "i want to pay", "proceed to payment", "pay please", "that's all, i'll pay", "place the order now",
        "buy it all", "let's finish and pay", "i'm ready to order", "checkout now", "pay for my order",
        "please complete the checkout", "finalize my purchase", "bill me", "i'll pay for these", "make the payment",
    ], [
        "settle up", "take my payment", "i'll pay now", "finish up and pay", "wrap it up and check out",
        "go ahead and pay", "please put the order through", "time to check out", "send the order",
    ]),
    "SEARCH": ([
        "what {k} have you got", "show {k}", "i'm shopping for {k}", "any good {k}", "do you have {k} in stock", "got {k}", "where can i find {k}", "what's available in {k}", "search your {k}", "what {k} do you sell", "i want to look at {k}", "show me some {k}", "find some {k} for me", "are there {k}", "anything for {k}", "what do you have for {k}", "i'm searching for {k}", "help me find {k}", "list all {k}", "what are your {k}",
        "do you sell {k}", "do you have any {k}", "show me {k}", "search for {k}", "find me {k}", "looking for {k}",
        "what {k} do you have", "any {k}", "i'm looking for {k}", "browse {k}", "what kinds of {k} are there",
        "recommend some {k}", "do you stock {k}", "show me your {k}", "search {k}", "have you got any {k}",
        "what {k} are available", "find {k}", "show me what {k} you have", "i want to see {k}", "list {k}",
        "do you carry {k}", "what do you have in {k}", "are {k} something you sell", "have you any {k}",
        "search the shop for {k}", "display your {k}", "looking for some {k}", "can i see some {k}",
        "what {k} can i buy", "do you do {k}", "i need ideas for {k}",
    ], [
        "which {k} do you carry", "i'd like to see your {k}", "what options are there for {k}", "are there any {k}",
        "can you suggest some {k}", "got any {k}", "let me browse your {k}", "what sort of {k} do you offer",
    ]),
    "ORDER_STATUS": ([
        "where's my stuff", "has my order arrived", "did it ship", "is my order delivered", "track it", "my order hasn't come", "when will the order get here", "delivery status", "has my package been sent out", "order tracking", "is it on its way", "when is it arriving", "has my stuff shipped yet", "did you send my package", "where's my shipment", "what's my order status", "did the parcel go out", "has my last order been shipped",
        "where is my order", "track my order", "has my order shipped", "order status", "when will my package arrive",
        "is my parcel on its way", "where's my delivery", "has it been dispatched", "check my order status",
        "when does my stuff arrive", "what's the status of my order", "is my order on the way", "track my package",
        "when will my order come", "has my delivery left", "where's my package", "has my parcel shipped",
        "what happened to my order", "is my order coming today", "did my order go out", "when will it be delivered",
        "status of my delivery please", "has my purchase been sent", "where are my things", "tracking info please",
        "did you ship my order", "when is my delivery due", "i haven't received my order",
    ], [
        "any news on my delivery", "how far along is my shipment", "is my purchase out for delivery",
        "when can i expect my things", "has the courier got my order yet", "what's happening with my order",
    ]),
    "MENTION": ([
        "the {x} is exactly right", "that {x} is great", "i like the look of that {x}", "the {x} looks fine", "ooh the {x}", "the {x} is a good choice", "love the {x}", "the {x} is handy",
        "the {x} looks good", "i like the {x}", "the {x} sounds nice", "the {x} seems fine", "that {x} looks great",
        "oh the {x} is nice", "hmm the {x} looks right", "the {x} is lovely", "i like that {x}", "nice {x}",
        "the {x} is pretty", "that {x} seems good", "the {x} looks nice", "the {x} would be good",
        "the {x} looks like what i need", "the {x} is cool", "what a nice {x}",
    ], [
        "the {x} looks perfect", "i love the look of the {x}", "the {x} is just what i wanted",
    ]),
}

# In the held-out split, the share of phrasing choices taken from the held-out wording (never trained on); the
# rest is train wording on the held-out catalogs, in new sessions and combinations.
NOVEL = 0.35

# Words that lead a further clause of the same request.
JOIN_TRAIN = [", then ", " and then ", ". ", ", and ", " then "]
JOIN_HELD = [". after that ", ", after that ", " and also ", "; "]

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {20: "twenty", 30: "thirty", 40: "forty"}


def number_word(n, rng):
    if n < 20:
        return NUMBER_WORDS[n]
    t, u = (n // 10) * 10, n % 10
    return TENS[t] if u == 0 else TENS[t] + rng.choice([" ", "-"]) + NUMBER_WORDS[u]


def say_number(n, rng):
    r = rng.random()
    if n == 12 and r < 0.4:
        return "a dozen"
    if n == 6 and r < 0.3:
        return "half a dozen"
    if n == 24 and r < 0.3:
        return "two dozen"
    return str(n) if r < 0.5 else number_word(n, rng)


def typo(word, rng):
    if len(word) < 6 or not word.isalpha():
        return word
    i = rng.randrange(2, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


class Catalog:
    def __init__(self, name, products):
        self.name = name
        self.products = products
        self.by_sku = {p["sku"]: p for p in products}

    def family(self, p):
        return [q for q in self.products if q["name"] == p["name"]]

    def distinguishing(self, p):
        fam = self.family(p)
        if len(fam) == 1:
            return []
        keys = []
        for k in ("color", "size", "brand"):
            if len({q[k] for q in fam}) == len(fam):
                return [k]
        return ["color", "size"]


def listing(parts):
    """"a, b and c": several products in the one slot of a phrasing."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def plural(ref):
    if ref.endswith("s"):
        return ref
    if ref.endswith(("sh", "ch", "x")):
        return ref + "es"
    return ref + "s"


def noun(ref, many, typos, rng):
    words = (plural(ref) if many else ref).split()
    if typos and rng.random() < 0.5:
        k = max(range(len(words)), key=lambda i: len(words[i]))
        words[k] = typo(words[k], rng)
    return " ".join(words)


def describe(cat, p, rng, many=False, typos=False, attrs=None, article=True):
    """A phrase that names p unambiguously (or only its family when attrs == [])."""
    attrs = cat.distinguishing(p) if attrs is None else attrs
    base = noun(p["ref"], many, typos, rng)
    pre, post = [], []
    for a in attrs:
        v = p[a]
        if a == "color":
            (pre if rng.random() < 0.7 else post).append(v if pre or rng.random() < 0.7 else v)
        elif a == "brand":
            pre.insert(0, v)
        elif a == "size":
            if re.match(r"^\d+(\.\d+)? ?[a-zA-Z]", v) and rng.random() < 0.6:
                pre.append(v)
            else:
                post.append("size " + v if rng.random() < 0.5 else "in size " + v)
    text = " ".join(pre + [base])
    for x in post:
        text += (" in " + x if not x.startswith(("size", "in ")) else " " + x)
    return text


def with_quantity(cat, p, q, rng, typos=False, attrs=None):
    plural_ref = p["ref"].endswith("s")
    if plural_ref:
        unit = "pair" if p["pair"] else "pack"
        thing = describe(cat, p, rng, many=False, typos=typos, attrs=attrs)
        if q == 1:
            return "a " + unit + " of " + thing
        return say_number(q, rng) + " " + unit + "s of " + thing
    if q == 1:
        thing = describe(cat, p, rng, many=False, typos=typos, attrs=attrs)
        first = thing.split()[0]
        art = rng.choice(["a", "one"]) if rng.random() < 0.8 else "one"
        if art == "a" and first[0] in "aeiou":
            art = "an"
        return art + " " + thing
    n = say_number(q, rng)
    thing = describe(cat, p, rng, many=True, typos=typos, attrs=attrs)
    return n + " " + thing


def the(cat, p, rng, typos=False):
    return describe(cat, p, rng, many=False, typos=typos)


def kinds(cat):
    out = set()
    for p in cat.products:
        out.add(plural(p["ref"].split()[-1]))
        for t in p["tags"][:1]:
            out.add(plural(t))
    return sorted(out)


class Session:
    def __init__(self):
        self.cart = {}
        self.last = []

    def apply(self, intents):
        mentioned = []
        for i in intents:
            a = i["action"]
            if a == "ADD_TO_CART":
                self.cart[i["sku"]] = self.cart.get(i["sku"], 0) + i["quantity"]
            elif a == "REMOVE_FROM_CART":
                self.cart.pop(i["sku"], None)
            elif a == "SET_QUANTITY":
                self.cart[i["sku"]] = i["quantity"]
            elif a == "CLEAR_CART":
                self.cart = {}
            if "sku" in i:
                mentioned.append(i["sku"])
        if mentioned:
            self.last = mentioned


def add(sku, q):
    return {"action": "ADD_TO_CART", "sku": sku, "quantity": q}


def rm(sku):
    return {"action": "REMOVE_FROM_CART", "sku": sku}


def set_(sku, q):
    return {"action": "SET_QUANTITY", "sku": sku, "quantity": q}


def bare(a):
    return {"action": a}


class Writer:
    def __init__(self, split, cat, rng):
        self.split = split
        self.cat = cat
        self.rng = rng
        self.cases = []
        self.sessions = 0
        self.held = split == "held-out"
        self.novel = False

    def pool(self, train, held):
        """Train wording; in the held-out split, wording never trained on for a share of the choices."""
        if self.held and self.rng.random() < NOVEL:
            self.novel = True
            return held
        return train

    def t(self, act):
        train, held = T[act]
        return self.rng.choice(self.pool(train, held))

    def join(self):
        return self.rng.choice(self.pool(JOIN_TRAIN, JOIN_HELD))

    def session(self):
        self.sessions += 1
        return "%s-%s-s%03d" % (self.split, self.cat.name, self.sessions)

    def case(self, sid, text, expect, kind):
        case = {"id": "%s-%s-%04d" % (self.split, self.cat.name, len(self.cases) + 1), "session": sid,
                "text": text, "expect": expect, "kind": kind}
        if self.held:
            case["unseenWording"] = self.novel
        self.cases.append(case)
        self.novel = False

    def pick(self, exclude=(), stocked=True):
        options = [p for p in self.cat.products if p["sku"] not in exclude and (not stocked or p["stock"] > 0)]
        return self.rng.choice(options)

    def qty(self):
        r = self.rng.random()
        if r < 0.35:
            return 1
        if r < 0.75:
            return self.rng.randint(2, 9)
        return self.rng.choice([10, 11, 12, 12, 15, 20, 21, 24, 24, 30, 6, 6])

    def cap(self, text):
        r = self.rng.random()
        if r < 0.15:
            text = text[0].upper() + text[1:]
        if r > 0.8:
            text += self.rng.choice(["?", ".", "!", " please", " thanks"]) if not text.endswith("please") else "."
        return text

    # --- scenarios -------------------------------------------------------------------------------------------
    def add_then_follow_up(self):
        sid, s = self.session(), Session()
        p, q = self.pick(), self.qty()
        typos = self.rng.random() < 0.15
        text = self.t("ADD").format(q=with_quantity(self.cat, p, q, self.rng, typos=typos))
        intents = [add(p["sku"], q)]
        self.case(sid, self.cap(text), {"intents": intents}, "add")
        s.apply(intents)
        n = self.rng.choice([x for x in range(1, 25) if x != q])
        tmpl = self.t("SET")
        text = tmpl.format(n=say_number(n, self.rng), x=the(self.cat, p, self.rng), it="it")
        intents = [set_(p["sku"], n)]
        self.case(sid, self.cap(text), {"intents": intents}, "set")
        s.apply(intents)
        if self.rng.random() < 0.5:
            self.case(sid, self.cap(self.t("VIEW_CART")), {"intents": [bare("VIEW_CART")]}, "view")
        r = self.rng.random()
        if r < 0.5:
            other = self.pick(exclude=[x["sku"] for x in self.cat.family(p)])
            text = self.t("ADD").format(q=with_quantity(self.cat, other, 1, self.rng))
            intents = [add(other["sku"], 1)]
            self.case(sid, self.cap(text), {"intents": intents}, "add")
            s.apply(intents)
            tmpl = self.t("REMOVE")
            text = tmpl.format(x=the(self.cat, p, self.rng), it="it")
            if "{it}" in tmpl:
                # "it" is the product last mentioned: the other one
                intents = [rm(other["sku"])]
            else:
                intents = [rm(p["sku"])]
            self.case(sid, self.cap(text), {"intents": intents}, "remove")
            s.apply(intents)
        self.case(sid, self.cap(self.t("CHECKOUT")), {"intents": [bare("CHECKOUT")]}, "checkout")

    def multi(self):
        sid, s = self.session(), Session()
        count = self.rng.choice([2, 2, 3])
        chosen = []
        while len(chosen) < count:
            p = self.pick(exclude=[x for c in chosen for x in [y["sku"] for y in self.cat.family(c)]])
            chosen.append(p)
        parts, intents = [], []
        buy = self.rng.random() < 0.3
        for i, p in enumerate(chosen):
            q = self.qty()
            phrase = with_quantity(self.cat, p, q, self.rng, typos=self.rng.random() < 0.1)
            intents.append(add(p["sku"], q))
            parts.append(phrase)
        text = self.t("BUY" if buy else "ADD").format(q=listing(parts))
        if buy:
            intents.append(bare("CHECKOUT"))
        else:
            tail = self.rng.random()
            if tail < 0.3:
                text += self.join() + self.t("CHECKOUT")
                intents.append(bare("CHECKOUT"))
            elif tail < 0.5:
                text += self.join() + self.t("VIEW_CART")
                intents.append(bare("VIEW_CART"))
        self.case(sid, self.cap(text), {"intents": intents}, "multi")
        s.apply(intents)
        if self.rng.random() < 0.5 and len(chosen) > 1:
            p = chosen[0]
            tmpl = self.t("REMOVE")
            text = tmpl.format(x=the(self.cat, p, self.rng), it="it")
            if "{it}" in tmpl:
                # "it" after several items were added could be any of them
                self.case(sid, self.cap(text), {"clarify": True}, "clarify")
                return
            self.case(sid, self.cap(text), {"intents": [rm(p["sku"])]}, "remove")
        if self.rng.random() < 0.4:
            self.case(sid, self.cap(self.t("CLEAR_CART")), {"intents": [bare("CLEAR_CART")]}, "clear")

    def clarify(self):
        sid = self.session()
        fams = [p for p in self.cat.products if len(self.cat.family(p)) > 1 and p["stock"] > 0]
        p = self.rng.choice(fams)
        q = self.qty() if self.rng.random() < 0.6 else 1
        text = self.t("ADD").format(q=with_quantity(self.cat, p, q, self.rng, attrs=[]))
        self.case(sid, self.cap(text), {"clarify": True}, "clarify")
        attrs = self.cat.distinguishing(p)
        fam = self.cat.family(p)
        r = self.rng.random()
        answer = None
        if attrs == ["brand"] and r < 0.4:
            cheap = min(fam, key=lambda x: x["priceCents"])
            dear = max(fam, key=lambda x: x["priceCents"])
            if cheap["priceCents"] != dear["priceCents"]:
                if self.rng.random() < 0.5:
                    p = cheap
                    answer = self.rng.choice(self.pool(["the cheaper one", "the cheapest", "the less expensive one",
                                              "whichever is cheaper"], ["the more affordable one", "the cheaper of the two",
                                              "the less expensive one please"]))
                else:
                    p = dear
                    answer = self.rng.choice(self.pool(["the more expensive one", "the pricier one"], ["the premium one", "the dearer one"]))
        if answer is None:
            v = " ".join(("size " + p[a] if a == "size" and not self.rng.random() < 0.5 else p[a]) for a in attrs)
            forms = self.pool(["{v}", "the {v} one", "{v} please", "i'll take the {v}", "{v} one"], ["{v}, please", "go with {v}", "let's do {v}", "the {v}", "i'd prefer {v}"])
            answer = self.rng.choice(forms).format(v=v)
        intents = [add(p["sku"], q)]
        self.case(sid, self.cap(answer), {"intents": intents}, "answer")
        if self.rng.random() < 0.5:
            self.case(sid, self.cap(self.t("VIEW_CART")), {"intents": [bare("VIEW_CART")]}, "view")

    def ambiguous_reference(self):
        sid = self.session()
        a = self.pick()
        b = self.pick(exclude=[x["sku"] for x in self.cat.family(a)])
        text = self.t("ADD").format(q=with_quantity(self.cat, a, 1, self.rng)) + " and " + \
            with_quantity(self.cat, b, 1, self.rng)
        self.case(sid, self.cap(text), {"intents": [add(a["sku"], 1), add(b["sku"], 1)]}, "multi")
        self.case(sid, self.cap(self.rng.choice(["remove it", "delete {it} please", "drop it", "take that out"])),
                  {"clarify": True}, "clarify")

    def search_then(self):
        sid = self.session()
        k = self.rng.choice(kinds(self.cat))
        text = self.t("SEARCH").format(k=k)
        self.case(sid, self.cap(text), {"intents": [{"action": "SEARCH", "query": k}]}, "search")
        p = self.pick()
        q = self.qty()
        text = self.t("ADD").format(q=with_quantity(self.cat, p, q, self.rng))
        self.case(sid, self.cap(text), {"intents": [add(p["sku"], q)]}, "add")
        if self.rng.random() < 0.5:
            self.case(sid, self.cap(self.t("ORDER_STATUS")), {"intents": [bare("ORDER_STATUS")]}, "status")

    def status(self):
        sid = self.session()
        self.case(sid, self.cap(self.t("ORDER_STATUS")), {"intents": [bare("ORDER_STATUS")]}, "status")

    def negation(self):
        sid = self.session()
        a = self.pick()
        b = self.pick(exclude=[x["sku"] for x in self.cat.family(a)])
        q = self.qty()
        forms = (self.pool([" but not {b}", ", not {b}", ", no {b}", " - not {b}", " but don't add {b}"], [" and skip {b}", ", but hold the {b}", " without {b}", " but no {b} for now"]))
        neg = self.rng.choice(forms).format(b=the(self.cat, b, self.rng))
        neg = neg.replace("the the ", "the ")
        text = self.t("ADD").format(q=with_quantity(self.cat, a, q, self.rng))
        if " no " in neg or "without" in neg or "skip" in neg:
            neg = neg.replace(" the ", " ", 1) if neg.count(" the ") and ("no " in neg or "skip" in neg) else neg
        self.case(sid, self.cap(text + neg), {"intents": [add(a["sku"], q)]}, "negation")
        forms2 = (self.pool(["don't add the {b} yet", "not the {b}", "no {b} thanks"], ["please don't add the {b}", "i don't want any {b}"]))
        text = self.rng.choice(forms2).format(b=noun(b["ref"], False, False, self.rng))
        self.case(sid, self.cap(text), {"intents": []}, "negation")

    def relative(self):
        sid = self.session()
        p = self.pick()
        q = self.rng.randint(2, 6)
        self.case(sid, self.cap(self.t("ADD").format(q=with_quantity(self.cat, p, q, self.rng))),
                  {"intents": [add(p["sku"], q)]}, "add")
        r = self.rng.random()
        ref = the(self.cat, p, self.rng)
        if r < 0.25:
            word, f = self.rng.choice([("double", 2), ("triple", 3)])
            text = self.rng.choice(["%s the {x}", "%s it", "please %s that", "can you %s the {x}"]) % word
            self.case(sid, self.cap(text.format(x=ref)), {"intents": [set_(p["sku"], q * f)]}, "relative")
        elif r < 0.5:
            text = self.rng.choice(self.pool(["one less", "one fewer {x}", "remove one", "take one away", "one less please",
                                    "remove one of the {x}"], ["one fewer please", "drop one of them", "remove one {x}", "knock one off"]))
            self.case(sid, self.cap(text.format(x=plural(p["ref"]))), {"intents": [set_(p["sku"], q - 1)]},
                      "relative")
        elif r < 0.75:
            text = self.rng.choice(self.pool(["another one", "one more", "add one more", "and another"], ["one more of those", "add another", "i'll take another"]))
            self.case(sid, self.cap(text), {"intents": [add(p["sku"], 1)]}, "relative")
        else:
            n = self.rng.randint(2, 4)
            text = self.rng.choice(self.pool(["add %s more", "%s more please", "i need %s more"], ["add another %s", "throw in %s more"])) % say_number(n, self.rng)
            self.case(sid, self.cap(text), {"intents": [add(p["sku"], n)]}, "relative")

    def swap(self):
        sid = self.session()
        fams = [p for p in self.cat.products if len(self.cat.family(p)) > 1 and p["stock"] > 0
                and self.cat.distinguishing(p) == ["color"]]
        if not fams:
            return
        p = self.rng.choice(fams)
        q = self.rng.randint(1, 5)
        self.case(sid, self.cap(self.t("ADD").format(q=with_quantity(self.cat, p, q, self.rng))),
                  {"intents": [add(p["sku"], q)]}, "add")
        other = self.rng.choice([x for x in self.cat.family(p) if x["sku"] != p["sku"]])
        forms = (self.pool(["the {c} one instead", "actually the {c} one instead", "swap it for the {c} one",
                  "replace it with a {c} one", "switch to the {c} one", "swap to {c}", "i'd rather have the {c} one",
                  "change it to the {c} one", "make that a {c} one instead", "actually i want it in {c} instead",
                  "{c} instead please", "switch it to {c}"], ["i'd prefer the {c} one instead", "make it the {c} one instead", "exchange it for the {c} one",
                  "can i have it in {c} instead"]))
        text = self.rng.choice(forms).format(c=other["color"])
        self.case(sid, self.cap(text), {"intents": [rm(p["sku"]), add(other["sku"], q)]}, "swap")

    def mention_then_add(self):
        sid = self.session()
        p = self.pick()
        text = self.t("MENTION").format(x=the(self.cat, p, self.rng))
        tail = self.rng.choice(self.pool([", add it", ", put it in my cart", " - add one", ", i'll take it"], [", throw it in", ", add it to my basket please", ". add it"]))
        self.case(sid, self.cap(text + tail), {"intents": [add(p["sku"], 1)]}, "mention")

    def clear(self):
        sid = self.session()
        p = self.pick()
        self.case(sid, self.cap(self.t("ADD").format(q=with_quantity(self.cat, p, 2, self.rng))),
                  {"intents": [add(p["sku"], 2)]}, "add")
        self.case(sid, self.cap(self.t("CLEAR_CART")), {"intents": [bare("CLEAR_CART")]}, "clear")

    # --- tasks ---------------------------------------------------------------------------------------------
    def tasks(self, count):
        out = []
        used = {}
        for i in range(count):
            r = self.rng.random()
            tid = "%s-%s-task-%02d" % (self.split, self.cat.name, i + 1)
            self.novel = False
            if r < 0.65:
                k = self.rng.choice([1, 2, 2, 3])
                chosen = []
                while len(chosen) < k:
                    p = self.pick(exclude=[x for c in chosen for x in [y["sku"] for y in self.cat.family(c)]])
                    if p["stock"] >= 10:
                        chosen.append(p)
                lines = [(p, self.rng.randint(1, 3)) for p in chosen]
                parts = [with_quantity(self.cat, p, q, self.rng) for p, q in lines]
                text = self.t("BUY").format(q=listing(parts))
                if self.rng.random() < 0.3:
                    text = self.t("ADD").format(q=listing(parts)) + self.join() + self.t("CHECKOUT")
                for p, q in lines:
                    used[p["sku"]] = used.get(p["sku"], 0) + q
                out.append({"id": tid, "text": text, "paymentToken": "tok_visa",
                            "expect": {"status": "COMPLETED",
                                       "orderLines": [{"sku": p["sku"], "quantity": q} for p, q in lines]}})
            elif r < 0.75:
                p = self.pick()
                text = self.t("BUY").format(q=with_quantity(self.cat, p, 1, self.rng))
                out.append({"id": tid, "text": text, "paymentToken": "tok_decline",
                            "expect": {"status": "FAILED", "orderLines": []}})
            elif r < 0.87:
                p = self.rng.choice([x for x in self.cat.products if x["stock"] < 5])
                q = max(1, p["stock"] + 1 + self.rng.randint(0, 2))
                text = self.t("BUY").format(q=with_quantity(self.cat, p, q, self.rng))
                out.append({"id": tid, "text": text, "paymentToken": "tok_visa",
                            "expect": {"status": "NEEDS_INPUT", "orderLines": []}})
            else:
                fams = [x for x in self.cat.products if len(self.cat.family(x)) > 1]
                p = self.rng.choice(fams)
                text = self.t("BUY").format(q=with_quantity(self.cat, p, 1, self.rng, attrs=[]))
                out.append({"id": tid, "text": text, "paymentToken": "tok_visa",
                            "expect": {"status": "NEEDS_INPUT", "orderLines": []}})
            if self.held:
                out[-1]["unseenWording"] = self.novel
        return out, used


SCENARIOS = [("add_then_follow_up", 5), ("multi", 5), ("clarify", 4), ("ambiguous_reference", 1),
             ("search_then", 3), ("status", 2), ("negation", 3), ("relative", 4), ("swap", 2),
             ("mention_then_add", 2), ("clear", 1)]


def write_split(split, cats, seed, sessions_per_catalog, tasks_per_catalog):
    folder = os.path.join(HERE, split)
    os.makedirs(folder, exist_ok=True)
    cases, tasks = [], []
    products, inventory = [], {}
    rng = random.Random(seed)
    for name, items in cats.items():
        cat = Catalog(name, items)
        w = Writer(split, cat, rng)
        bag = [s for s, weight in SCENARIOS for _ in range(weight)]
        for _ in range(sessions_per_catalog):
            getattr(w, rng.choice(bag))()
        cases.extend(w.cases)
        t, used = w.tasks(tasks_per_catalog)
        tasks.extend(t)
        for p in items:
            products.append({k: p[k] for k in ("sku", "name", "brand", "category", "color", "size", "priceCents",
                                               "description", "tags")})
            inventory[p["sku"]] = p["stock"] if p["stock"] < 10 else max(p["stock"], used.get(p["sku"], 0) + 20)
    with open(os.path.join(folder, "catalog.json"), "w") as f:
        json.dump({"products": products, "inventory": inventory}, f, indent=1)
        f.write("\n")
    with open(os.path.join(folder, "cases.jsonl"), "w") as f:
        for c in cases:
            f.write(json.dumps(c) + "\n")
    with open(os.path.join(folder, "tasks.jsonl"), "w") as f:
        for t in tasks:
            f.write(json.dumps(t) + "\n")
    return cases, tasks


def mask(text):
    return re.sub(r"\{[a-z]+\}", lambda m: {"{x}": "item", "{q}": "2 items", "{n}": "3", "{it}": "it",
                                             "{k}": "item"}[m.group(0)], text)


def masks(act, template):
    """The template as the parser shows it to the model: {q} once as one item and once as several."""
    if "{q}" in template:
        return [template.replace("{q}", "an item"), mask(template)]
    return [mask(template)]


def write_examples():
    lines = ["# The action model's labelled clauses (generated by src/test/resources/assistant-set/generate.py from",
             "# its TRAIN phrasings; product words are replaced by \"item\" as the parser masks them). act<TAB>text"]
    for act, (train, _) in T.items():
        for t in train:
            for m in masks(act, t):
                lines.append(act + "\t" + m)
    extra = {
        "BUY": ["buy it", "order it", "purchase them", "buy them"],
        "CHECKOUT": ["ready to check out", "that's all", "that's it, check out", "i'm finished, place the order"],
        "ADD": ["another one", "and another", "one more", "add one more", "2 more", "add 2 more", "2 more please",
                "i'll take another", "another item please", "i want another", "put it in my cart", "add it",
                "add it to my basket", "i'll take it", "put it in the basket", "add that", "i'll have it",
                "i need 2 more", "get me another"],
        "REMOVE": ["remove one", "take one away", "remove 2 of the items", "take one out"],
        "SET": ["just 2", "only 3", "3 in all", "actually 4", "make it 2 items", "one less", "one fewer",
                "double it", "triple the item", "double the item", "make it 3 in total"],
        "SWAP": ["swap to item", "i'd rather have the item one", "change it to the item one",
                 "make that a item one instead", "actually i want it in item instead", "item instead please",
                 "switch it to item", "the item one instead", "swap the item for a item", "replace the item with a item",
                 "switch it for the item one", "i'd rather have the item one", "swap it for the item",
                 "exchange the item for the item one"],
        "MENTION": ["thanks", "ok", "great", "cool, thank you", "hmm", "sounds good"],
    }
    for act, texts in extra.items():
        for t in texts:
            lines.append(act + "\t" + t)
    os.makedirs(os.path.dirname(EXAMPLES), exist_ok=True)
    with open(EXAMPLES, "w") as f:
        f.write("\n".join(lines) + "\n")
    return len(lines) - 2


if __name__ == "__main__":
    train_cases, train_tasks = write_split("train", catalogs.TRAIN, 1001, 80, 14)
    held_cases, held_tasks = write_split("held-out", catalogs.HELD_OUT, 2002, 100, 20)
    n = write_examples()
    print("train: %d cases, %d tasks; held-out: %d cases, %d tasks; %d action examples" % (
        len(train_cases), len(train_tasks), len(held_cases), len(held_tasks), n))
