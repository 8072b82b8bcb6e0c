package dev.shop.assistant.index;

/**
 * A product and how well a shopper's words match it.
 *
 * @param score        the Lucene score: per word, the weight of the best field it matched, summed
 * @param nameCoverage the share of the product name's words that the shopper's words matched
 */
public record ScoredProduct(CatalogProduct product, double score, double nameCoverage) {
}
