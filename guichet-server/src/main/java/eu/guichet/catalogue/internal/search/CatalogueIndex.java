package eu.guichet.catalogue.internal.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;

import eu.guichet.catalogue.CatalogueSearch;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.DatasetStatus;
import eu.guichet.catalogue.SearchQuery;
import eu.guichet.catalogue.SearchResults;

/**
 * The catalogue's Lucene index: published datasets only, in two Lucene indexes, one of dataset documents (what a
 * search matches, scores and counts) and one of variable documents (only read to tell which variables of a page's
 * hits matched), so the dataset index stays small and dense. Plain Java (no Spring), safe for concurrent use: writes
 * are serialised and committed to both, then a new {@link Generation} (a reader of each, opened together) replaces
 * the current one before the write returns, so a dataset is searchable as soon as it is put; searches run on the
 * current generation without locking and always see both indexes at the same point.
 */
public final class CatalogueIndex implements CatalogueSearch, Closeable {

    /** Blank-text answers kept per generation (filters only: a small, often repeated set). */
    private static final int CACHED_ANSWERS = 256;

    private final Directory datasetDirectory;
    private final Directory variableDirectory;
    private final IndexWriter datasets;
    private final IndexWriter variables;
    private final FacetedSearch search;
    private final Object writeLock = new Object();
    private volatile Generation current;

    /**
     * The readers a search uses, opened after the same write, with what is derived from them: the facets' ordinals
     * (built once, on first use), what a hit shows of each dataset read so far (at most one small record per
     * dataset) and the answers to blank-text queries. A new generation after every index change drops them all.
     */
    static final class Generation {
        final IndexSearcher datasets;
        final IndexSearcher variables;
        private volatile SortedSetDocValuesReaderState facetState;
        private final Map<SearchQuery, SearchResults> answers = new ConcurrentHashMap<>();
        private final AtomicReferenceArray<FacetedSearch.Card> cards;

        private Generation(DirectoryReader datasets, DirectoryReader variables) {
            this.datasets = new IndexSearcher(datasets);
            this.variables = new IndexSearcher(variables);
            this.cards = new AtomicReferenceArray<>(datasets.maxDoc());
        }

        /** What a hit shows of this dataset document, if it was read before; else null. */
        FacetedSearch.Card card(int doc) {
            return cards.get(doc);
        }

        FacetedSearch.Card keep(int doc, FacetedSearch.Card card) {
            cards.set(doc, card);
            return card;
        }

        /** The facets' ordinals of the dataset reader; null when it has no document. */
        SortedSetDocValuesReaderState facetState() throws IOException {
            SortedSetDocValuesReaderState state = facetState;
            if (state == null && datasets.getIndexReader().numDocs() > 0) {
                synchronized (this) {
                    state = facetState;
                    if (state == null) {
                        state = new DefaultSortedSetDocValuesReaderState(datasets.getIndexReader(),
                                DatasetDocuments.FACETS);
                        facetState = state;
                    }
                }
            }
            return state;
        }

        SearchResults answer(SearchQuery query) {
            return answers.get(query);
        }

        void keep(SearchQuery query, SearchResults results) {
            if (answers.size() < CACHED_ANSWERS) {
                answers.putIfAbsent(query, results);
            }
        }

        private boolean tryIncRef() {
            if (datasets.getIndexReader().tryIncRef()) {
                if (variables.getIndexReader().tryIncRef()) {
                    return true;
                }
                decRef(datasets);
            }
            return false;
        }

        private void decRef() {
            try {
                datasets.getIndexReader().decRef();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                decRef(variables);
            }
        }

        private static void decRef(IndexSearcher searcher) {
            try {
                searcher.getIndexReader().decRef();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An index in memory (tests, and the default). */
    public static CatalogueIndex inMemory() {
        return new CatalogueIndex(new ByteBuffersDirectory(), new ByteBuffersDirectory());
    }

    public CatalogueIndex(Directory datasetDirectory, Directory variableDirectory) {
        this.datasetDirectory = datasetDirectory;
        this.variableDirectory = variableDirectory;
        SearchAnalysis analysis = new SearchAnalysis();
        try {
            this.datasets = new IndexWriter(datasetDirectory, config(analysis));
            this.variables = new IndexWriter(variableDirectory, config(analysis));
            this.current = new Generation(DirectoryReader.open(datasets), DirectoryReader.open(variables));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the catalogue search index", e);
        }
        this.search = new FacetedSearch(new TextQuery(analysis));
    }

    private static IndexWriterConfig config(SearchAnalysis analysis) {
        return new IndexWriterConfig(analysis.forIndexing()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    /** Replaces the whole index with these datasets (those not published are skipped); returns how many. */
    public int replaceAll(Iterator<Dataset> all) {
        synchronized (writeLock) {
            try {
                datasets.deleteAll();
                variables.deleteAll();
                int count = 0;
                while (all.hasNext()) {
                    Dataset d = all.next();
                    if (d.status() == DatasetStatus.PUBLISHED) {
                        datasets.addDocument(DatasetDocuments.dataset(d));
                        List<Document> columns = DatasetDocuments.variables(d);
                        if (!columns.isEmpty()) {
                            variables.addDocuments(columns);
                        }
                        count++;
                    }
                }
                // one segment: one term lookup per query term, and the whole index was just rewritten anyway
                datasets.forceMerge(1);
                commitAndRefresh();
                return count;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Indexes a dataset's current description if it is published, else takes it out of the index. */
    public void put(Dataset dataset) {
        if (dataset.status() != DatasetStatus.PUBLISHED) {
            remove(dataset.id());
            return;
        }
        synchronized (writeLock) {
            try {
                Term id = idTerm(dataset.id());
                datasets.updateDocument(id, DatasetDocuments.dataset(dataset));
                variables.updateDocuments(id, DatasetDocuments.variables(dataset));
                commitAndRefresh();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void remove(DatasetId id) {
        synchronized (writeLock) {
            try {
                datasets.deleteDocuments(idTerm(id));
                variables.deleteDocuments(idTerm(id));
                commitAndRefresh();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public SearchResults search(SearchQuery query) {
        Generation generation = acquire();
        try {
            return search.run(generation, query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            generation.decRef();
        }
    }

    /** Runs something on the current searcher of dataset documents, released afterwards (the bench's baseline). */
    public <T> T withSearcher(Function<IndexSearcher, T> work) {
        Generation generation = acquire();
        try {
            return work.apply(generation.datasets);
        } finally {
            generation.decRef();
        }
    }

    /** Published datasets in the index. */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    private Generation acquire() {
        while (true) {
            Generation generation = current;
            if (generation == null) {
                throw new IllegalStateException("The catalogue search index is closed");
            }
            if (generation.tryIncRef()) {
                return generation;
            }
            // a write replaced and released it meanwhile: take the new one
        }
    }

    /** Commits both indexes, then opens both readers anew and makes them the current generation. */
    private void commitAndRefresh() throws IOException {
        datasets.commit();
        variables.commit();
        Generation old = current;
        DirectoryReader d = DirectoryReader.openIfChanged((DirectoryReader) old.datasets.getIndexReader(), datasets);
        DirectoryReader v = DirectoryReader.openIfChanged((DirectoryReader) old.variables.getIndexReader(),
                variables);
        if (d == null && v == null) {
            return;
        }
        if (d == null) {
            d = (DirectoryReader) old.datasets.getIndexReader();
            d.incRef();
        }
        if (v == null) {
            v = (DirectoryReader) old.variables.getIndexReader();
            v.incRef();
        }
        current = new Generation(d, v);
        old.decRef();
    }

    private static Term idTerm(DatasetId id) {
        return new Term(SearchFields.DATASET_ID, id.toString());
    }

    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            Generation last = current;
            current = null;
            try {
                if (last != null) {
                    last.decRef();
                }
            } finally {
                IOUtils.close(datasets, variables, datasetDirectory, variableDirectory);
            }
        }
    }
}
