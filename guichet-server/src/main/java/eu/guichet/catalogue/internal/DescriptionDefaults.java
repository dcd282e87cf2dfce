package eu.guichet.catalogue.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.ContactPoint;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.DatasetDescription;

/**
 * What Guichet fills in itself when a holder saves a description: the HDAB (always this one), the EHDS as
 * applicable legislation, the health theme, and the holder as custodian and publisher when not given.
 */
public final class DescriptionDefaults {

    private DescriptionDefaults() {
    }

    public static DatasetDescription apply(DatasetDescription d, String holderName, CatalogueProperties settings) {
        Agent hdab = new Agent(settings.hdabName(), null, ContactPoint.email(settings.hdabEmail()));
        Agent custodian = d.custodian() != null && d.custodian().name() != null ? d.custodian()
                : holderName == null ? d.custodian() : new Agent(holderName, null, d.contactPoint());
        Agent publisher = d.publisher() != null && d.publisher().name() != null ? d.publisher() : custodian;
        List<java.net.URI> legislation = d.applicableLegislation().isEmpty() ? List.of(DatasetDescription.EHDS)
                : d.applicableLegislation();
        Set<DataTheme> themes = d.themes().isEmpty() ? EnumSet.noneOf(DataTheme.class) : EnumSet.copyOf(d.themes());
        themes.add(DataTheme.HEAL);
        return new DatasetDescription(d.identifier() == null ? null : d.identifier().strip(), d.title(),
                d.description(), d.keywords(), themes, d.healthCategories(), d.accessRights(), legislation, d.type(),
                d.provenance(), d.temporalCoverage(), d.spatial(), d.populationCoverage(), d.numberOfRecords(),
                d.numberOfUniqueIndividuals(), d.minTypicalAge(), d.maxTypicalAge(), d.retentionPeriod(),
                d.legalBasis(), d.purpose(), d.contactPoint(), publisher, custodian, hdab, d.trustedHolder(),
                d.languages(), d.accrualPeriodicity(), d.conformsTo(), d.codingSystems(), d.codeValues(),
                d.personalData(), d.distributions(), d.hasStructuredData(), d.tables());
    }
}
