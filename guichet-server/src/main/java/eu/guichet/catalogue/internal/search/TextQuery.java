package eu.guichet.catalogue.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import eu.guichet.catalogue.internal.search.SearchAnalysis.Language;

/**
 * Builds the Lucene query for what a user typed, programmatically: the text is only ever analysed, never parsed, so
 * quotes, {@code AND}, {@code *}, {@code :} or brackets are plain characters and nothing a user types can make it
 * fail. Words match in any field (OR), each field group weighted: title > keywords > variables > description; a
 * variable's exact name weighs most.
 */
final class TextQuery {

    /** At most this many distinct words are used (keeps the query far below Lucene's clause limit). */
    static final int MAX_WORDS = 16;

    /** Boosts of the dataset document's text groups. */
    static final Map<String, Float> DATASET_BOOSTS = Map.of(SearchFields.TITLE, 4.0f, SearchFields.KEYWORDS, 3.0f,
            SearchFields.VARIABLES, 1.5f, SearchFields.DESCRIPTION, 1.0f);
    static final float NAME_BOOST = 6.0f;
    static final float NAME_PART_BOOST = 1.0f;

    private final QueryBuilder french;
    private final QueryBuilder english;

    TextQuery(SearchAnalysis analysis) {
        this.french = builder(analysis, Language.FR);
        this.english = builder(analysis, Language.EN);
    }

    private static QueryBuilder builder(SearchAnalysis analysis, Language language) {
        QueryBuilder builder = new QueryBuilder(analysis.forQuery(language));
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        return builder;
    }

    /** The words of the text worth searching: at most {@link #MAX_WORDS}, stand-alone stop words dropped. */
    static List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> content = new LinkedHashSet<>();
        for (String word : text.strip().split("\\s+")) {
            String trimmed = word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (trimmed.isEmpty()) {
                continue;
            }
            words.add(trimmed);
            if (!SearchAnalysis.STOP_WORDS.contains(SearchAnalysis.fold(trimmed).toLowerCase(Locale.ROOT))) {
                content.add(trimmed);
            }
        }
        return (content.isEmpty() ? words : content).stream().limit(MAX_WORDS).toList();
    }

    /** The query over a dataset document, or null when the text has no searchable word. */
    Query forDatasets(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return null;
        }
        String cleaned = String.join(" ", words);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        DATASET_BOOSTS.forEach((group, boost) -> add(query, group, cleaned, boost));
        names(query, words, SearchFields.NAME, SearchFields.NAME_PART);
        BooleanQuery built = query.build();
        return built.clauses().isEmpty() ? null : built;
    }

    /** The query over the variable documents, to tell which variables of a dataset matched. */
    Query forVariables(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        add(query, SearchFields.VARIABLE_TEXT, String.join(" ", words), 1.0f);
        names(query, words, SearchFields.VARIABLE_NAME, SearchFields.VARIABLE_NAME_PART);
        BooleanQuery built = query.build();
        return built.clauses().isEmpty() ? null : built;
    }

    /** One text group in both languages: the better of the two analyses counts most. */
    private void add(BooleanQuery.Builder query, String group, String text, float boost) {
        List<Query> alternatives = new ArrayList<>(2);
        Query fr = french.createBooleanQuery(SearchFields.text(group, Language.FR), text, Occur.SHOULD);
        Query en = english.createBooleanQuery(SearchFields.text(group, Language.EN), text, Occur.SHOULD);
        if (fr != null) {
            alternatives.add(fr);
        }
        if (en != null) {
            alternatives.add(en);
        }
        if (!alternatives.isEmpty()) {
            query.add(new BoostQuery(new DisjunctionMaxQuery(alternatives, 0.3f), boost), Occur.SHOULD);
        }
    }

    /** Exact names ({@code BEN_DCD_DTE}, {@code IR_BEN_R.BEN_DCD_DTE}) and their parts ({@code DCD}). */
    private static void names(BooleanQuery.Builder query, List<String> words, String whole, String parts) {
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            query.add(new BoostQuery(new TermQuery(new Term(whole, lower)), NAME_BOOST), Occur.SHOULD);
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (!part.isEmpty()) {
                    query.add(new BoostQuery(new TermQuery(new Term(parts, SearchAnalysis.fold(part))),
                            NAME_PART_BOOST), Occur.SHOULD);
                }
            }
        }
    }
}
