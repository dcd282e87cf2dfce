package eu.guichet.catalogue.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.VariableTable;
import eu.guichet.catalogue.internal.search.SearchAnalysis.Language;

/**
 * Turns a published dataset into its index documents: the dataset's (for the dataset index), and one per variable
 * (for the variable index).
 */
final class DatasetDocuments {

    /** Summaries are descriptions cut at about this many characters, on a word boundary. */
    static final int SUMMARY_LENGTH = 240;

    static final FacetsConfig FACETS = facetsConfig();

    private DatasetDocuments() {
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(SearchFields.FACET_CATEGORY, true);
        config.setMultiValued(SearchFields.FACET_THEME, true);
        config.setMultiValued(SearchFields.FACET_COVERAGE, true);
        return config;
    }

    /** The publisher facet's value: the publisher's name, else the custodian's; null when neither is named. */
    static String publisherOf(DatasetDescription d) {
        return Stream.of(d.publisher(), d.custodian()).filter(Objects::nonNull).map(Agent::name)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The variables' documents, in the description's order. */
    static List<Document> variables(Dataset dataset) {
        List<Document> docs = new ArrayList<>();
        int order = 0;
        for (VariableTable table : dataset.description().tables()) {
            for (Variable column : table.columns()) {
                docs.add(variableDocument(dataset, table, column, order++));
            }
        }
        return docs;
    }

    static Document dataset(Dataset dataset) {
        DatasetDescription d = dataset.description();
        Document doc = new Document();
        doc.add(new StringField(SearchFields.DATASET_ID, dataset.id().toString(), Field.Store.YES));

        text(doc, SearchFields.TITLE, d.title().fr(), d.title().en());
        text(doc, SearchFields.KEYWORDS, d.identifier(), String.join(" ; ", d.keywords().fr()),
                String.join(" ; ", d.keywords().en()));
        text(doc, SearchFields.DESCRIPTION, d.description().fr(), d.description().en());
        for (VariableTable table : d.tables()) {
            text(doc, SearchFields.VARIABLES, table.name(), table.title().fr(), table.title().en());
            name(doc, SearchFields.NAME, SearchFields.NAME_PART, table.name());
            for (Variable column : table.columns()) {
                text(doc, SearchFields.VARIABLES, variableText(column));
                name(doc, SearchFields.NAME, SearchFields.NAME_PART, column.name());
                name(doc, SearchFields.NAME, SearchFields.NAME_PART, table.name() + "." + column.name());
            }
        }
        d.codeValues().forEach(code -> name(doc, SearchFields.NAME, SearchFields.NAME_PART, code));
        name(doc, SearchFields.NAME, SearchFields.NAME_PART, d.identifier());

        stored(doc, SearchFields.IDENTIFIER, d.identifier());
        stored(doc, SearchFields.TITLE_FR, d.title().fr());
        stored(doc, SearchFields.TITLE_EN, d.title().en());
        stored(doc, SearchFields.SUMMARY_FR, summary(d.description().fr()));
        stored(doc, SearchFields.SUMMARY_EN, summary(d.description().en()));
        String publisher = publisherOf(d);
        stored(doc, SearchFields.PUBLISHER, publisher);
        if (d.accessRights() != null) {
            stored(doc, SearchFields.ACCESS_RIGHTS, d.accessRights().name());
            facet(doc, SearchFields.FACET_ACCESS, d.accessRights().name());
        }
        d.healthCategories().forEach(c -> {
            stored(doc, SearchFields.CATEGORY, c.name());
            facet(doc, SearchFields.FACET_CATEGORY, c.name());
        });
        d.themes().forEach(t -> facet(doc, SearchFields.FACET_THEME, t.name()));
        if (publisher != null) {
            facet(doc, SearchFields.FACET_PUBLISHER, publisher);
        }
        if (d.temporalCoverage() != null) {
            stored(doc, SearchFields.COVERAGE_START, Objects.toString(d.temporalCoverage().start(), null));
            stored(doc, SearchFields.COVERAGE_END, Objects.toString(d.temporalCoverage().end(), null));
            d.temporalCoverage().years().forEach(year -> {
                doc.add(new IntPoint(SearchFields.COVERAGE_YEAR, year));
                facet(doc, SearchFields.FACET_COVERAGE, Integer.toString(year));
            });
        }
        facet(doc, SearchFields.FACET_STRUCTURED, Boolean.toString(d.hasStructuredData()));
        doc.add(new SortedDocValuesField(SearchFields.SORT_KEY, new BytesRef(sortKey(d))));
        return build(doc);
    }

    private static Document variableDocument(Dataset dataset, VariableTable table, Variable column, int order) {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.DATASET_ID, dataset.id().toString(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(SearchFields.DATASET_ID, new BytesRef(dataset.id().toString())));
        doc.add(new BinaryDocValuesField(SearchFields.REF, new BytesRef(table.name() + "." + column.name())));
        text(doc, SearchFields.VARIABLE_TEXT, table.name(), variableText(column));
        name(doc, SearchFields.VARIABLE_NAME, SearchFields.VARIABLE_NAME_PART, column.name());
        name(doc, SearchFields.VARIABLE_NAME, SearchFields.VARIABLE_NAME_PART, table.name() + "." + column.name());
        doc.add(new SortedDocValuesField(SearchFields.SORT_KEY, new BytesRef(String.format("%06d", order))));
        return doc;
    }

    /** What a variable says about itself: name, titles, descriptions, code values and their labels. */
    private static String variableText(Variable column) {
        List<String> parts = new ArrayList<>();
        parts.add(column.name());
        add(parts, column.title());
        add(parts, column.description());
        column.codeValues().forEach(c -> {
            parts.add(c.code());
            parts.add(c.label());
        });
        return String.join(" ; ", parts.stream().filter(Objects::nonNull).toList());
    }

    private static void add(List<String> parts, LocalizedText text) {
        if (text != null) {
            parts.add(text.fr());
            parts.add(text.en());
        }
    }

    /** The same words in both analysis chains (a French word is often what an English reader types, too). */
    private static void text(Document doc, String group, String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                doc.add(new TextField(SearchFields.text(group, Language.FR), value, Field.Store.NO));
                doc.add(new TextField(SearchFields.text(group, Language.EN), value, Field.Store.NO));
            }
        }
    }

    private static void name(Document doc, String whole, String parts, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(whole, value, Field.Store.NO));
            doc.add(new TextField(parts, value, Field.Store.NO));
        }
    }

    private static void stored(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }

    private static void facet(Document doc, String dim, String value) {
        doc.add(new SortedSetDocValuesFacetField(dim, value));
    }

    private static Document build(Document doc) {
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String summary(String description) {
        if (description == null || description.length() <= SUMMARY_LENGTH) {
            return description;
        }
        int cut = description.lastIndexOf(' ', SUMMARY_LENGTH);
        return description.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH).stripTrailing() + "…";
    }

    private static String sortKey(DatasetDescription d) {
        String title = d.title().fr() != null ? d.title().fr() : Objects.toString(d.title().en(), "");
        return SearchAnalysis.fold(title).toLowerCase(Locale.ROOT) + "\u0000" + Objects.toString(d.identifier(), "");
    }
}
