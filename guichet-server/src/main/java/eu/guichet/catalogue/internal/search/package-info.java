/**
 * The catalogue's search index: published descriptions in Apache Lucene, analysed in French and English, with
 * synonyms applied at query time and facets counted drill-sideways. Rebuilt from the database at start.
 */
package eu.guichet.catalogue.internal.search;
