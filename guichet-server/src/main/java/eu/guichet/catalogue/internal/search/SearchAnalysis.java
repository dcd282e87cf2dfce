package eu.guichet.catalogue.internal.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analysis chains of the index. Text is indexed twice: with a French chain (elision, lower case, ASCII folding
 * so "décès" = "deces", light French stemming) and with an English one (possessives, lower case, folding, Porter
 * stemming). At query time the same chains also expand synonyms and abbreviations from
 * {@code search/catalogue-synonyms.txt} (Solr format) before stemming. Variable names are kept whole (lower case)
 * and split on underscores and dots, so {@code BEN_DCD_DTE} is found by its name and by {@code DCD}.
 * No stop words are removed: stemming keeps phrases intact, BM25 gives frequent words little weight, and the query
 * side drops stand-alone stop words before analysis ({@link TextQuery}).
 */
final class SearchAnalysis {

    static final String SYNONYMS = "/search/catalogue-synonyms.txt";

    private static final Pattern NAME_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Analyzer indexing;
    private final Analyzer french;
    private final Analyzer english;

    SearchAnalysis() {
        SynonymMap synonyms = loadSynonyms();
        this.french = chain(Language.FR, synonyms);
        this.english = chain(Language.EN, synonyms);
        Map<String, Analyzer> perField = new HashMap<>();
        Analyzer frenchIndex = chain(Language.FR, null);
        Analyzer englishIndex = chain(Language.EN, null);
        for (String group : SearchFields.TEXT_GROUPS) {
            perField.put(SearchFields.text(group, Language.FR), frenchIndex);
            perField.put(SearchFields.text(group, Language.EN), englishIndex);
        }
        for (String field : List.of(SearchFields.NAME, SearchFields.VARIABLE_NAME)) {
            perField.put(field, names());
        }
        for (String field : List.of(SearchFields.NAME_PART, SearchFields.VARIABLE_NAME_PART)) {
            perField.put(field, nameParts());
        }
        this.indexing = new PerFieldAnalyzerWrapper(frenchIndex, perField);
    }

    enum Language {
        FR, EN
    }

    /** The analyzer an {@code IndexWriter} uses: per field, by the field's name suffix. */
    Analyzer forIndexing() {
        return indexing;
    }

    /** The query-side chain of a language, with synonyms. */
    Analyzer forQuery(Language language) {
        return language == Language.FR ? french : english;
    }

    private static Analyzer chain(Language language, SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = language == Language.FR
                        ? new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES)
                        : new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                stream = language == Language.FR ? new FrenchLightStemFilter(stream) : new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private static Analyzer names() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
    }

    private static Analyzer nameParts() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new PatternTokenizer(NAME_SEPARATORS, -1);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
    }

    /** Synonym entries are analysed like query text before stemming: elision, lower case, folding. */
    private static SynonymMap loadSynonyms() {
        Analyzer entries = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(stream)));
            }
        };
        try (InputStream in = SearchAnalysis.class.getResourceAsStream(SYNONYMS)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + SYNONYMS);
            }
            SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                parser.parse(reader);
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(SYNONYMS + " line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }

    /** The French stop words, folded, that the query side drops when they stand alone. */
    static final CharArraySet STOP_WORDS = stopWords();

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(200, true);
        for (Object word : FrenchAnalyzer.getDefaultStopSet()) {
            set.add(fold(word instanceof char[] chars ? new String(chars) : word.toString()));
        }
        set.addAll(org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return CharArraySet.unmodifiableSet(set);
    }

    static String fold(String word) {
        char[] in = word.toCharArray();
        char[] out = new char[in.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, length);
    }
}
