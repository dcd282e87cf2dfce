package eu.guichet.catalogue.internal.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Function;

import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

import eu.guichet.catalogue.CatalogueSearch;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.DatasetStatus;
import eu.guichet.catalogue.SearchQuery;
import eu.guichet.catalogue.SearchResults;

/**
 * The catalogue's Lucene index: published datasets only. Plain Java (no Spring), safe for concurrent use: writes are
 * serialised and committed, then the searcher is refreshed before the write returns, so a dataset is searchable as
 * soon as it is put; searches run on the last refreshed searcher without locking.
 */
public final class CatalogueIndex implements CatalogueSearch, Closeable {

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetedSearch search;
    private final Object writeLock = new Object();
    private volatile ReaderState readerState;

    /** Facet ordinals of one reader, rebuilt when a refresh brings a new reader. */
    private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    public CatalogueIndex(Directory directory) {
        this.directory = directory;
        SearchAnalysis analysis = new SearchAnalysis();
        try {
            IndexWriterConfig config = new IndexWriterConfig(analysis.forIndexing())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the catalogue search index", e);
        }
        this.search = new FacetedSearch(new TextQuery(analysis));
    }

    /** Replaces the whole index with these datasets (those not published are skipped); returns how many. */
    public int replaceAll(Iterator<Dataset> datasets) {
        synchronized (writeLock) {
            try {
                writer.deleteAll();
                int count = 0;
                while (datasets.hasNext()) {
                    Dataset d = datasets.next();
                    if (d.status() == DatasetStatus.PUBLISHED) {
                        writer.addDocuments(DatasetDocuments.of(d));
                        count++;
                    }
                }
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
                writer.updateDocuments(idTerm(dataset.id()), DatasetDocuments.of(dataset));
                commitAndRefresh();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void remove(DatasetId id) {
        synchronized (writeLock) {
            try {
                writer.deleteDocuments(idTerm(id));
                commitAndRefresh();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public SearchResults search(SearchQuery query) {
        return withSearcher(searcher -> {
            try {
                return search.run(searcher, facetState(searcher.getIndexReader()), query);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Runs something on the current searcher, released afterwards (the bench's baseline uses it). */
    public <T> T withSearcher(Function<IndexSearcher, T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Published datasets in the index. */
    public int size() {
        return withSearcher(s -> {
            try {
                return s.count(FacetedSearch.DATASETS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        ReaderState current = readerState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        if (reader.numDocs() == 0) {
            return null;
        }
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader,
                DatasetDocuments.FACETS);
        readerState = new ReaderState(reader, state);
        return state;
    }

    private void commitAndRefresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Term idTerm(DatasetId id) {
        return new Term(SearchFields.DATASET_ID, id.toString());
    }

    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            searchers.close();
            writer.close();
            directory.close();
        }
    }
}
