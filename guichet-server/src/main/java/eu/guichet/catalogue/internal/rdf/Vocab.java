package eu.guichet.catalogue.internal.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The RDF terms of HealthDCAT-AP release 8 (and the vocabularies it reuses) that Guichet reads and writes. */
final class Vocab {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String DCATAP = "http://data.europa.eu/r5r/";
    /** The HealthDCAT-AP namespace of release 8 (provisional in the specification itself). */
    static final String HEALTH = "http://healthdataportal.eu/ns/health#";
    static final String DPV = "https://w3id.org/dpv#";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String CV = "http://data.europa.eu/m8g/";
    static final String GEODCATAP = "http://data.europa.eu/930/";
    static final String CSVW = "http://www.w3.org/ns/csvw#";
    static final String ELI = "http://data.europa.eu/eli/ontology#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    // classes
    static final Resource DATASET = r(DCAT, "Dataset");
    static final Resource CATALOG = r(DCAT, "Catalog");
    static final Resource DISTRIBUTION = r(DCAT, "Distribution");
    static final Resource PERIOD_OF_TIME = r(DCT, "PeriodOfTime");
    static final Resource PROVENANCE_STATEMENT = r(DCT, "ProvenanceStatement");
    static final Resource RIGHTS_STATEMENT = r(DCT, "RightsStatement");
    static final Resource LINGUISTIC_SYSTEM = r(DCT, "LinguisticSystem");
    static final Resource FREQUENCY = r(DCT, "Frequency");
    static final Resource LOCATION = r(DCT, "Location");
    static final Resource STANDARD = r(DCT, "Standard");
    static final Resource MEDIA_TYPE_OR_EXTENT = r(DCT, "MediaTypeOrExtent");
    static final Resource MEDIA_TYPE = r(DCT, "MediaType");
    static final Resource LICENSE_DOCUMENT = r(DCT, "LicenseDocument");
    static final Resource LEGAL_RESOURCE = r(ELI, "LegalResource");
    static final Resource LEGAL_BASIS = r(DPV, "LegalBasis");
    static final Resource PURPOSE = r(DPV, "Purpose");
    static final Resource PERSONAL_DATA = r(DPV, "PersonalData");
    static final Resource KIND = r(VCARD, "Kind");
    static final Resource AGENT = r(FOAF, "Agent");
    static final Resource CONTACT_POINT = r(CV, "ContactPoint");
    static final Resource TABLE_GROUP = r(CSVW, "TableGroup");
    static final Resource TABLE = r(CSVW, "Table");
    static final Resource COLUMN = r(CSVW, "Column");
    static final Resource PARTIAL_COLLECTION_VIEW = r(HYDRA, "PartialCollectionView");

    // dataset
    static final Property TITLE = p(DCT, "title");
    static final Property DESCRIPTION = p(DCT, "description");
    static final Property IDENTIFIER = p(DCT, "identifier");
    static final Property KEYWORD = p(DCAT, "keyword");
    static final Property THEME = p(DCAT, "theme");
    static final Property HEALTH_CATEGORY = p(HEALTH, "healthCategory");
    static final Property ACCESS_RIGHTS = p(DCT, "accessRights");
    static final Property APPLICABLE_LEGISLATION = p(DCATAP, "applicableLegislation");
    static final Property TYPE = p(DCT, "type");
    static final Property PROVENANCE = p(DCT, "provenance");
    static final Property TEMPORAL = p(DCT, "temporal");
    static final Property SPATIAL = p(DCT, "spatial");
    static final Property POPULATION_COVERAGE = p(HEALTH, "populationCoverage");
    static final Property NUMBER_OF_RECORDS = p(HEALTH, "numberOfRecords");
    static final Property NUMBER_OF_UNIQUE_INDIVIDUALS = p(HEALTH, "numberOfUniqueIndividuals");
    static final Property MIN_TYPICAL_AGE = p(HEALTH, "minTypicalAge");
    static final Property MAX_TYPICAL_AGE = p(HEALTH, "maxTypicalAge");
    static final Property RETENTION_PERIOD = p(HEALTH, "retentionPeriod");
    static final Property HAS_LEGAL_BASIS = p(DPV, "hasLegalBasis");
    static final Property HAS_PURPOSE = p(DPV, "hasPurpose");
    static final Property HAS_PERSONAL_DATA = p(DPV, "hasPersonalData");
    static final Property CONTACT_POINT_DCAT = p(DCAT, "contactPoint");
    static final Property PUBLISHER = p(DCT, "publisher");
    static final Property CUSTODIAN = p(GEODCATAP, "custodian");
    static final Property HDAB = p(HEALTH, "hdab");
    /** Named by the r8 shapes (comment on :HealthPublisherAgent_Shape) as a property of the publisher agent. */
    static final Property TRUSTED_DATA_HOLDER = p(HEALTH, "trustedDataHolder");
    static final Property LANGUAGE = p(DCT, "language");
    static final Property ACCRUAL_PERIODICITY = p(DCT, "accrualPeriodicity");
    static final Property CONFORMS_TO = p(DCT, "conformsTo");
    static final Property HAS_CODING_SYSTEM = p(HEALTH, "hasCodingSystem");
    static final Property HAS_CODE_VALUES = p(HEALTH, "hasCodeValues");
    static final Property DISTRIBUTION_PROP = p(DCAT, "distribution");
    static final Property HAS_STRUCTURED_DATA = p(HEALTH, "hasStructuredData");
    static final Property HAS_VARIABLES = p(HEALTH, "hasVariables");

    // nested nodes
    static final Property START_DATE = p(DCAT, "startDate");
    static final Property END_DATE = p(DCAT, "endDate");
    static final Property LABEL = p(RDFS, "label");
    static final Property VALUE = p(RDF, "value");
    static final Property HAS_EMAIL = p(VCARD, "hasEmail");
    static final Property HAS_URL = p(VCARD, "hasURL");
    static final Property HAS_TELEPHONE = p(VCARD, "hasTelephone");
    static final Property NAME = p(FOAF, "name");
    static final Property AGENT_CONTACT_POINT = p(CV, "contactPoint");
    static final Property EMAIL = p(CV, "email");
    static final Property CONTACT_PAGE = p(CV, "contactPage");
    static final Property TELEPHONE = p(CV, "telephone");
    static final Property ACCESS_URL = p(DCAT, "accessURL");
    static final Property DOWNLOAD_URL = p(DCAT, "downloadURL");
    static final Property FORMAT = p(DCT, "format");
    static final Property MEDIA_TYPE_PROP = p(DCAT, "mediaType");
    static final Property BYTE_SIZE = p(DCAT, "byteSize");
    static final Property LICENSE = p(DCT, "license");
    static final Property RIGHTS = p(DCT, "rights");
    static final Property CSVW_TABLE = p(CSVW, "table");
    static final Property CSVW_COLUMN = p(CSVW, "column");
    static final Property CSVW_NAME = p(CSVW, "name");
    static final Property CSVW_TITLE = p(CSVW, "title");
    static final Property CSVW_DATATYPE = p(CSVW, "datatype");
    static final Property CSVW_PROPERTY_URL = p(CSVW, "propertyUrl");

    // catalogue paging
    static final Property CATALOG_DATASET = p(DCAT, "dataset");
    static final Property HYDRA_VIEW = p(HYDRA, "view");
    static final Property HYDRA_TOTAL_ITEMS = p(HYDRA, "totalItems");
    static final Property HYDRA_FIRST = p(HYDRA, "first");
    static final Property HYDRA_LAST = p(HYDRA, "last");
    static final Property HYDRA_NEXT = p(HYDRA, "next");
    static final Property HYDRA_PREVIOUS = p(HYDRA, "previous");

    private Vocab() {
    }

    private static Resource r(String ns, String local) {
        return ResourceFactory.createResource(ns + local);
    }

    private static Property p(String ns, String local) {
        return ResourceFactory.createProperty(ns + local);
    }
}
