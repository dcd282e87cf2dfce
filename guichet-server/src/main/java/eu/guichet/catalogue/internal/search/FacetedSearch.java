package eu.guichet.catalogue.internal.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import org.apache.lucene.util.BytesRef;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.HealthCategory;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Period;
import eu.guichet.catalogue.SearchHit;
import eu.guichet.catalogue.SearchQuery;
import eu.guichet.catalogue.SearchResults;
import eu.guichet.catalogue.SearchResults.Facet;
import eu.guichet.catalogue.SearchResults.FacetValue;

/**
 * One search: the text query and filters as a drill-down query, run drill-sideways so each facet is counted over
 * all matches as if its own filter were not set; then one page of hits with the variables that matched.
 */
final class FacetedSearch {

    static final int MATCHED_VARIABLES = 5;
    private static final int FACET_VALUES = 200;

    private static final Sort BY_TITLE = new Sort(new SortField(SearchFields.SORT_KEY, SortField.Type.STRING));
    private static final Sort BY_SCORE = new Sort(SortField.FIELD_SCORE,
            new SortField(SearchFields.SORT_KEY, SortField.Type.STRING));

    private final TextQuery text;

    FacetedSearch(TextQuery text) {
        this.text = text;
    }

    SearchResults run(CatalogueIndex.Generation generation, SearchQuery q) throws IOException {
        SortedSetDocValuesReaderState state = generation.facetState();
        if (state == null) {
            return new SearchResults(0, q.page(), q.pageSize(), List.of(), List.of());
        }
        Query textQuery = q.text().isBlank() ? null : text.forDatasets(q.text());
        if (textQuery != null) {
            return run(generation, state, q, textQuery);
        }
        // blank text (filters only): the same few answers again and again, until the index changes; free-text
        // publisher names are not cached, so that nobody can fill the cache with made-up ones
        if (!q.publishers().isEmpty()) {
            return run(generation, state, q, null);
        }
        SearchResults known = generation.answer(q);
        if (known == null) {
            known = run(generation, state, q, null);
            generation.keep(q, known);
        }
        return known;
    }

    private SearchResults run(CatalogueIndex.Generation generation, SortedSetDocValuesReaderState state,
            SearchQuery q, Query textQuery) throws IOException {
        IndexSearcher searcher = generation.datasets;
        Query base = textQuery == null ? new MatchAllDocsQuery() : textQuery;
        DrillDownQuery query = new DrillDownQuery(DatasetDocuments.FACETS, base);
        drillDown(query, SearchFields.FACET_CATEGORY, names(q.categories()));
        drillDown(query, SearchFields.FACET_THEME, names(q.themes()));
        drillDown(query, SearchFields.FACET_PUBLISHER, q.publishers());
        drillDown(query, SearchFields.FACET_ACCESS, names(q.accessRights()));
        if (q.structuredData() != null) {
            drillDown(query, SearchFields.FACET_STRUCTURED, Set.of(q.structuredData().toString()));
        }
        if (q.coveredFrom() != null || q.coveredTo() != null) {
            query.add(SearchFields.FACET_COVERAGE, IntPoint.newRangeQuery(SearchFields.COVERAGE_YEAR,
                    q.coveredFrom() == null ? Integer.MIN_VALUE : q.coveredFrom(),
                    q.coveredTo() == null ? Integer.MAX_VALUE : q.coveredTo()));
        }

        long wanted = (long) q.page() * q.pageSize();
        int topN = (int) Math.max(1, Math.min(wanted, searcher.getIndexReader().maxDoc()));
        DrillSideways sideways = new DrillSideways(searcher, DatasetDocuments.FACETS, state);
        // scores need no second pass: the sort's first field is the score, the top docs carry it
        DrillSideways.DrillSidewaysResult result = sideways.search(query, null, null, topN,
                textQuery == null ? BY_TITLE : BY_SCORE, false);

        ScoreDoc[] page = result.hits.scoreDocs;
        int from = (int) Math.min((long) (q.page() - 1) * q.pageSize(), page.length);
        int to = Math.min(from + q.pageSize(), page.length);
        List<Card> cards = new ArrayList<>(to - from);
        StoredFields stored = null;
        for (int i = from; i < to; i++) {
            Card card = generation.card(page[i].doc);
            if (card == null) {
                stored = stored == null ? searcher.storedFields() : stored;
                card = generation.keep(page[i].doc, card(stored.document(page[i].doc)));
            }
            cards.add(card);
        }
        Map<String, List<String>> matched = textQuery == null || cards.isEmpty() ? Map.of()
                : matchedVariables(generation.variables, cards.stream().map(c -> c.id().toString()).toList(),
                        text.forVariables(q.text()));
        List<SearchHit> hits = new ArrayList<>(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            Card c = cards.get(i);
            hits.add(new SearchHit(c.id(), c.identifier(), c.title(), c.summary(), c.publisher(), c.accessRights(),
                    c.categories(), c.coverage(), matched.getOrDefault(c.id().toString(), List.of()),
                    textQuery == null ? 0f : score(page[from + i])));
        }
        return new SearchResults(result.hits.totalHits.value, q.page(), q.pageSize(), hits,
                facets(result.facets, q));
    }

    /** The score the sort recorded as its first field. */
    private static float score(ScoreDoc doc) {
        Object first = doc instanceof FieldDoc field ? field.fields[0] : null;
        float score = first instanceof Float f ? f : doc.score;
        return Float.isNaN(score) ? 0f : score;
    }

    private static void drillDown(DrillDownQuery query, String dim, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        String field = DatasetDocuments.FACETS.getDimConfig(dim).indexFieldName;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(DrillDownQuery.term(field, dim, v)), Occur.SHOULD));
        query.add(dim, any.build());
    }

    /** What a hit shows of a dataset, whatever the query: read once per generation from the stored fields. */
    record Card(DatasetId id, String identifier, LocalizedText title, LocalizedText summary, String publisher,
            AccessRights accessRights, Set<HealthCategory> categories, Period coverage) {
    }

    private static Card card(Document doc) {
        Set<HealthCategory> categories = Arrays.stream(doc.getValues(SearchFields.CATEGORY))
                .map(HealthCategory::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(
                        HealthCategory.class)));
        String access = doc.get(SearchFields.ACCESS_RIGHTS);
        return new Card(DatasetId.parse(doc.get(SearchFields.DATASET_ID)), doc.get(SearchFields.IDENTIFIER),
                LocalizedText.of(doc.get(SearchFields.TITLE_FR), doc.get(SearchFields.TITLE_EN)),
                LocalizedText.of(doc.get(SearchFields.SUMMARY_FR), doc.get(SearchFields.SUMMARY_EN)),
                doc.get(SearchFields.PUBLISHER), access == null ? null : AccessRights.valueOf(access),
                Set.copyOf(categories), new Period(date(doc.get(SearchFields.COVERAGE_START)),
                        date(doc.get(SearchFields.COVERAGE_END))));
    }

    /**
     * The variables the words matched, best first, at most {@link #MATCHED_VARIABLES} per dataset of the page: one
     * search over the variable documents of these datasets.
     */
    private static Map<String, List<String>> matchedVariables(IndexSearcher searcher, List<String> datasetIds,
            Query variableQuery) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(variableQuery, Occur.MUST)
                .add(new TermInSetQuery(SearchFields.DATASET_ID, datasetIds.stream().map(BytesRef::new).toList()),
                        Occur.FILTER)
                .build();
        ScoreDoc[] top = searcher.search(query, datasetIds.size() * MATCHED_VARIABLES * 8, BY_SCORE).scoreDocs;
        // read the dataset id and name of each from doc values, in doc id order (no stored field to decompress)
        String[] ids = new String[top.length];
        String[] names = new String[top.length];
        Integer[] byDoc = new Integer[top.length];
        for (int i = 0; i < top.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> top[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leaf = -1;
        BinaryDocValues leafIds = null;
        BinaryDocValues leafNames = null;
        for (int i : byDoc) {
            int n = ReaderUtil.subIndex(top[i].doc, leaves);
            if (n != leaf) {
                leaf = n;
                leafIds = DocValues.getBinary(leaves.get(n).reader(), SearchFields.DATASET_ID);
                leafNames = DocValues.getBinary(leaves.get(n).reader(), SearchFields.REF);
            }
            int doc = top[i].doc - leaves.get(n).docBase;
            if (leafIds.advanceExact(doc) && leafNames.advanceExact(doc)) {
                ids[i] = leafIds.binaryValue().utf8ToString();
                names[i] = leafNames.binaryValue().utf8ToString();
            }
        }
        Map<String, List<String>> refs = new HashMap<>();
        int full = 0;
        for (int i = 0; i < top.length; i++) {
            if (ids[i] == null) {
                continue;
            }
            List<String> list = refs.computeIfAbsent(ids[i], k -> new ArrayList<>());
            if (list.size() < MATCHED_VARIABLES) {
                list.add(names[i]);
                if (list.size() == MATCHED_VARIABLES && ++full == datasetIds.size()) {
                    break;
                }
            }
        }
        return refs;
    }

    private static List<Facet> facets(Facets facets, SearchQuery q) throws IOException {
        Map<String, Set<String>> selected = new LinkedHashMap<>();
        selected.put(SearchFields.FACET_CATEGORY, names(q.categories()));
        selected.put(SearchFields.FACET_THEME, names(q.themes()));
        selected.put(SearchFields.FACET_PUBLISHER, q.publishers());
        selected.put(SearchFields.FACET_ACCESS, names(q.accessRights()));
        selected.put(SearchFields.FACET_STRUCTURED, q.structuredData() == null ? Set.of()
                : Set.of(q.structuredData().toString()));
        List<Facet> result = new ArrayList<>();
        for (String dim : SearchFields.FACETS) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (LabelAndValue lv : children(facets, dim)) {
                counts.put(lv.label, lv.value.longValue());
            }
            List<FacetValue> values;
            if (dim.equals(SearchFields.FACET_COVERAGE)) {
                values = counts.entrySet().stream()
                        .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey())))
                        .map(e -> new FacetValue(e.getKey(), e.getValue(), inRange(e.getKey(), q)))
                        .toList();
            } else {
                Set<String> chosen = selected.get(dim);
                chosen.forEach(v -> counts.putIfAbsent(v, 0L));
                values = counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> new FacetValue(e.getKey(), e.getValue(), chosen.contains(e.getKey())))
                        .toList();
            }
            result.add(new Facet(dim, values));
        }
        return result;
    }

    private static LabelAndValue[] children(Facets facets, String dim) throws IOException {
        try {
            FacetResult r = facets.getTopChildren(FACET_VALUES, dim);
            return r == null ? new LabelAndValue[0] : r.labelValues;
        } catch (IllegalArgumentException notIndexed) {
            // no document of the index has a value for this dimension
            return new LabelAndValue[0];
        }
    }

    private static boolean inRange(String year, SearchQuery q) {
        if (q.coveredFrom() == null && q.coveredTo() == null) {
            return false;
        }
        int y = Integer.parseInt(year);
        return (q.coveredFrom() == null || y >= q.coveredFrom()) && (q.coveredTo() == null || y <= q.coveredTo());
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
