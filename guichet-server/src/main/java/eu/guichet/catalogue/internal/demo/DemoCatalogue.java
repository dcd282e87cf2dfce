package eu.guichet.catalogue.internal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.Distribution;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.VariableTable;
import eu.guichet.catalogue.internal.variables.CsvwImport;
import eu.guichet.catalogue.internal.variables.TableSchemaImport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The datasets of the demo catalogue: realistic French health datasets (national claims, beneficiaries, hospital
 * stays, causes of death, a cancer registry, a hospital data warehouse, a cohort), complete enough to pass the
 * HealthDCAT-AP non-public shapes. Each dataset's own words are in {@code demo/catalogue/<identifier>.json}; its
 * variables come from the public SNDS table schemas ({@code demo/snds-schema/}) or from a CSVW file
 * ({@code demo/catalogue/variables/}). What all demo datasets share is added here: the HEAL theme, the EHDS as
 * applicable legislation, France, French, the agents, and one distribution, the dataset's page on Guichet where
 * researchers apply for access ({@code <baseUrl>/catalogue/<identifier>}).
 */
public final class DemoCatalogue {

    /** Identifiers of the demo datasets, in display order; each names its resource file. */
    public static final List<String> IDENTIFIERS = List.of("FR-SNDS-DCIR", "FR-SNDS-BENEFICIAIRES",
            "FR-SNDS-PMSI-MCO", "FR-SNDS-CAUSES-DECES", "FR-REGISTRE-CANCERS-DEMOVILLE", "FR-CHU-DEMOVILLE-EDS",
            "FR-COHORTE-DEMOVILLE");

    static final URI FRANCE = URI.create("http://publications.europa.eu/resource/authority/country/FRA");
    static final URI FRENCH = URI.create("http://publications.europa.eu/resource/authority/language/FRA");
    static final String DATASET_TYPES = "http://publications.europa.eu/resource/authority/dataset-type/";
    static final String FREQUENCIES = "http://publications.europa.eu/resource/authority/frequency/";
    static final String CODING_SYSTEMS = "https://hdeu-dcat.data.health.europa.eu/resource/authority/coding-system/";
    static final String STANDARDS = "https://hdeu-dcat.data.health.europa.eu/resource/authority/standard/";

    private static final String RESOURCES = "/demo/catalogue/";
    private static final String SNDS_SCHEMAS = "/demo/snds-schema/schemas/";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String baseUrl;
    private final TableSchemaImport tableSchemas = new TableSchemaImport();
    private final CsvwImport csvw = new CsvwImport("fr");

    /** @param baseUrl where Guichet is served, e.g. {@code https://guichet.example.fr} */
    public DemoCatalogue(URI baseUrl) {
        String url = baseUrl.toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Every demo dataset, described with the given agents. Reads the resource files on each call. */
    public List<DemoDataset> datasets(DemoAgents agents) {
        return IDENTIFIERS.stream().map(identifier -> dataset(spec(identifier), agents)).toList();
    }

    /** The page of a dataset on Guichet, its distribution's access URL. */
    public URI accessUrl(String identifier) {
        return URI.create(baseUrl + "/catalogue/" + identifier);
    }

    private DemoDataset dataset(DemoDatasetSpec spec, DemoAgents agents) {
        Agent holder = agents.holder(spec.holder());
        List<VariableTable> tables = tables(spec);
        var description = new DatasetDescription(spec.identifier(), spec.title(), spec.description(),
                spec.keywords(), Set.of(DataTheme.HEAL), spec.healthCategories(), spec.accessRights(),
                List.of(DatasetDescription.EHDS), URI.create(DATASET_TYPES + spec.type()), spec.provenance(),
                spec.temporalCoverage(), List.of(FRANCE), spec.populationCoverage(), spec.numberOfRecords(),
                spec.numberOfUniqueIndividuals(), spec.minTypicalAge(), spec.maxTypicalAge(),
                spec.retentionPeriod(), spec.legalBasis(), spec.purpose(), holder.contactPoint(), holder, holder,
                agents.hdab(), spec.trustedHolder(), List.of(FRENCH),
                URI.create(FREQUENCIES + spec.accrualPeriodicity()),
                spec.conformsTo().stream().map(code -> URI.create(STANDARDS + code)).toList(),
                spec.codingSystems().stream().map(code -> URI.create(CODING_SYSTEMS + code)).toList(),
                spec.codeValues(), spec.personalData(), List.of(distribution(spec.identifier())), !tables.isEmpty(),
                tables);
        return new DemoDataset(spec.holder(), description);
    }

    private Distribution distribution(String identifier) {
        return new Distribution(
                LocalizedText.of("Demande d'accès sur Guichet", "Access application on Guichet"),
                LocalizedText.of(
                        "Les données sont mises à disposition, après autorisation de l'organisme d'accès aux données"
                                + " de santé, dans un environnement de traitement sécurisé.",
                        "The data are made available, under a permit of the health data access body, in a secure"
                                + " processing environment."),
                accessUrl(identifier), null, null, null, null, null,
                LocalizedText.of("Accès sur autorisation (règlement (UE) 2025/327, art. 68) ; aucun téléchargement.",
                        "Access under a data permit (Regulation (EU) 2025/327, Art. 68); no download."));
    }

    private List<VariableTable> tables(DemoDatasetSpec spec) {
        List<VariableTable> tables = new ArrayList<>();
        for (String schema : spec.sndsSchemas()) {
            try (InputStream in = open(SNDS_SCHEMAS + schema)) {
                tables.add(tableSchemas.read(in, schema));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (spec.csvw() != null) {
            try (InputStream in = open(RESOURCES + "variables/" + spec.csvw())) {
                tables.addAll(csvw.read(in, spec.csvw()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tables;
    }

    private static DemoDatasetSpec spec(String identifier) {
        String path = RESOURCES + identifier + ".json";
        try (InputStream in = open(path)) {
            DemoDatasetSpec spec = MAPPER.readValue(in, DemoDatasetSpec.class);
            if (!identifier.equals(spec.identifier())) {
                throw new IllegalStateException(path + " describes " + spec.identifier());
            }
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalStateException("Demo dataset " + path + " is malformed: " + e.getOriginalMessage(), e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = DemoCatalogue.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing demo resource " + path);
        }
        return in;
    }
}
