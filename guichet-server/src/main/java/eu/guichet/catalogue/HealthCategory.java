package eu.guichet.catalogue;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The categories of electronic health data for secondary use (EHDS Art. 51(1)), as coded by the HealthDCAT-AP health
 * categories authority list. Labels are in the message bundles under {@code health-category.<CODE>}.
 */
public enum HealthCategory {
    /** (a) electronic health data from electronic health records. */
    EHRS,
    /** (b) data on factors impacting on health (socio-economic, environmental, behavioural). */
    DIOH,
    /** (c) aggregated data on healthcare needs, resources, provision and expenditure. */
    NRPE,
    /** (d) data on pathogens that impact human health. */
    RPDG,
    /** (e) healthcare-related administrative data: dispensations, claims, reimbursements. */
    HRAD,
    /** (f) human genetic, epigenomic and genomic data. */
    HGPD,
    /** (g) other human molecular data: proteomic, transcriptomic, metabolomic, lipidomic. */
    HPML,
    /** (h) personal health data generated automatically through medical devices. */
    PGEH,
    /** (i) data from wellness applications. */
    WELA,
    /** (j) data on professional status and specialisation of health professionals. */
    IDHP,
    /** (k) population-based health data registries (public health registries). */
    PHDR,
    /** (l) medical registries and mortality registries. */
    MRMR,
    /** (m) clinical trials, clinical studies, clinical investigations and performance studies. */
    EHCT,
    /** (n) other health data from medical devices. */
    EMRD,
    /** (o) registries for medicinal products and medical devices. */
    RMMD,
    /** (p) research cohorts, questionnaires and surveys, after the first publication of results. */
    RQSH,
    /** (q) health data from biobanks and associated databases. */
    EINS;

    public static final String SCHEME = "https://hdeu-dcat.data.health.europa.eu/resource/authority/healthcategories";

    public URI uri() {
        return URI.create(SCHEME + "/" + name());
    }

    public static Optional<HealthCategory> fromUri(String uri) {
        return Arrays.stream(values()).filter(c -> c.uri().toString().equals(uri)).findFirst();
    }
}
