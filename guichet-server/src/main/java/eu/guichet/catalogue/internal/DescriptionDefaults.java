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
 * applicable legislation, the health theme, and the holder as custodian and publisher when not given, reached
 * through the dataset's contact point when they have none of their own.
 */
public final class DescriptionDefaults {

    private DescriptionDefaults() {
    }

    public static DatasetDescription apply(DatasetDescription d, String holderName, CatalogueProperties settings) {
        Agent hdab = new Agent(settings.hdabName(), null, ContactPoint.email(settings.hdabEmail()));
        Agent custodian = reachable(d.custodian() != null && d.custodian().name() != null ? d.custodian()
                : holderName == null ? d.custodian() : new Agent(holderName, null, null), d.contactPoint());
        Agent publisher = reachable(d.publisher() != null && d.publisher().name() != null ? d.publisher()
                : custodian, d.contactPoint());
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

    /**
     * The description once its dataset belongs to another holder: the custodian (and the publisher, when it was the
     * custodian) named after the holder organisation, keeping their contact points.
     */
    public static DatasetDescription withCustodianNamed(DatasetDescription d, String holderName) {
        Agent previous = d.custodian();
        Agent custodian = new Agent(holderName, previous == null ? null : previous.type(),
                previous == null ? d.contactPoint() : previous.contactPoint());
        Agent publisher = d.publisher() == null || previous == null
                || java.util.Objects.equals(d.publisher().name(), previous.name()) ? custodian : d.publisher();
        return d.withAgents(publisher, custodian, d.hdab());
    }

    /**
     * An agent without a contact point of its own is reached through the dataset's contact point (the shapes ask
     * one per agent); it follows the dataset's contact point until the holder gives the agent its own.
     */
    private static Agent reachable(Agent agent, ContactPoint datasetContact) {
        if (agent == null || agent.contactPoint() != null || datasetContact == null) {
            return agent;
        }
        return new Agent(agent.name(), agent.type(), datasetContact);
    }
}
