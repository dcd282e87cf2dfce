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
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
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

    static final Query DATASETS = new TermQuery(new Term(SearchFields.KIND, SearchFields.DATASET));
    private static final Query VARIABLES = new TermQuery(new Term(SearchFields.KIND, SearchFields.VARIABLE));
    static final int MATCHED_VARIABLES = 5;
    private static final int FACET_VALUES = 200;

    private static final Sort BY_TITLE = new Sort(new SortField(SearchFields.SORT_KEY, SortField.Type.STRING));
    private static final Sort BY_SCORE = new Sort(SortField.FIELD_SCORE,
            new SortField(SearchFields.SORT_KEY, SortField.Type.STRING));

    private final TextQuery text;

    FacetedSearch(TextQuery text) {
        this.text = text;
    }

    SearchResults run(IndexSearcher searcher, SortedSetDocValuesReaderState state, SearchQuery q) throws IOException {
        if (state == null) {
            return new SearchResults(0, q.page(), q.pageSize(), List.of(), List.of());
        }
        Query textQuery = q.text().isBlank() ? null : text.forDatasets(q.text());
        Query base = new BooleanQuery.Builder()
                .add(textQuery == null ? new MatchAllDocsQuery() : textQuery, Occur.MUST)
                .add(DATASETS, Occur.FILTER)
                .build();
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
        DrillSideways.DrillSidewaysResult result = sideways.search(query, null, null, topN,
                textQuery == null ? BY_TITLE : BY_SCORE, textQuery != null);

        ScoreDoc[] page = result.hits.scoreDocs;
        int from = (int) Math.min((long) (q.page() - 1) * q.pageSize(), page.length);
        int to = Math.min(from + q.pageSize(), page.length);
        Query variableQuery = textQuery == null ? null : text.forVariables(q.text());
        StoredFields stored = searcher.storedFields();
        List<Document> docs = new ArrayList<>(to - from);
        for (ScoreDoc doc : Arrays.copyOfRange(page, from, to)) {
            docs.add(stored.document(doc.doc));
        }
        Map<String, List<String>> matched = variableQuery == null || docs.isEmpty() ? Map.of()
                : matchedVariables(searcher, docs.stream().map(d -> d.get(SearchFields.DATASET_ID)).toList(),
                        variableQuery);
        List<SearchHit> hits = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            Document doc = docs.get(i);
            hits.add(hit(doc, page[from + i].score,
                    matched.getOrDefault(doc.get(SearchFields.DATASET_ID), List.of())));
        }
        return new SearchResults(result.hits.totalHits.value, q.page(), q.pageSize(), hits,
                facets(result.facets, q));
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

    private static SearchHit hit(Document doc, float score, List<String> matched) {
        String id = doc.get(SearchFields.DATASET_ID);
        Set<HealthCategory> categories = Arrays.stream(doc.getValues(SearchFields.CATEGORY))
                .map(HealthCategory::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(
                        HealthCategory.class)));
        String access = doc.get(SearchFields.ACCESS_RIGHTS);
        return new SearchHit(DatasetId.parse(id), doc.get(SearchFields.IDENTIFIER),
                LocalizedText.of(doc.get(SearchFields.TITLE_FR), doc.get(SearchFields.TITLE_EN)),
                LocalizedText.of(doc.get(SearchFields.SUMMARY_FR), doc.get(SearchFields.SUMMARY_EN)),
                doc.get(SearchFields.PUBLISHER), access == null ? null : AccessRights.valueOf(access),
                Set.copyOf(categories), new Period(date(doc.get(SearchFields.COVERAGE_START)),
                        date(doc.get(SearchFields.COVERAGE_END))),
                matched, Float.isNaN(score) ? 0f : score);
    }

    /**
     * The variables the words matched, best first, at most {@link #MATCHED_VARIABLES} per dataset of the page: one
     * search over the variable documents of these datasets.
     */
    private static Map<String, List<String>> matchedVariables(IndexSearcher searcher, List<String> datasetIds,
            Query variableQuery) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(variableQuery, Occur.MUST)
                .add(VARIABLES, Occur.FILTER)
                .add(new TermInSetQuery(SearchFields.DATASET_ID, datasetIds.stream().map(BytesRef::new).toList()),
                        Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, datasetIds.size() * MATCHED_VARIABLES * 8, BY_SCORE);
        StoredFields stored = searcher.storedFields();
        Map<String, List<String>> refs = new HashMap<>();
        Set<String> fields = Set.of(SearchFields.DATASET_ID, SearchFields.REF);
        int full = 0;
        for (ScoreDoc doc : top.scoreDocs) {
            Document d = stored.document(doc.doc, fields);
            List<String> list = refs.computeIfAbsent(d.get(SearchFields.DATASET_ID), k -> new ArrayList<>());
            if (list.size() < MATCHED_VARIABLES) {
                list.add(d.get(SearchFields.REF));
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
