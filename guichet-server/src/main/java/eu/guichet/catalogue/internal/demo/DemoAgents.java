package eu.guichet.catalogue.internal.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.ContactPoint;

/**
 * The organisations the demo datasets name: the health data access body and the data holders, by holder key. The
 * demo seeds whatever organisations it has: with a single data-holder organisation, {@link #oneHolder} lets it
 * custody every dataset.
 */
public record DemoAgents(Agent hdab, Map<String, Agent> holders) {

    /** National health-insurance claims and beneficiaries (an SNDS producer such as the national insurance fund). */
    public static final String CLAIMS = "claims";
    /** Hospital discharge summaries (PMSI). */
    public static final String HOSPITAL_STAYS = "hospital-stays";
    /** Medical causes of death. */
    public static final String DEATHS = "deaths";
    /** A population-based cancer registry. */
    public static final String CANCER_REGISTRY = "cancer-registry";
    /** A university hospital and its clinical data warehouse. */
    public static final String HOSPITAL = "hospital";
    /** A research cohort. */
    public static final String COHORT = "cohort";

    public static final List<String> HOLDER_KEYS = List.of(CLAIMS, HOSPITAL_STAYS, DEATHS, CANCER_REGISTRY,
            HOSPITAL, COHORT);

    public DemoAgents {
        Objects.requireNonNull(hdab, "hdab");
        holders = Map.copyOf(holders);
        for (String key : HOLDER_KEYS) {
            if (!holders.containsKey(key)) {
                throw new IllegalArgumentException("No demo holder for key " + key);
            }
        }
    }

    /** Demo agents where one organisation holds every dataset. */
    public static DemoAgents oneHolder(Agent hdab, Agent holder) {
        Map<String, Agent> holders = new LinkedHashMap<>();
        HOLDER_KEYS.forEach(key -> holders.put(key, holder));
        return new DemoAgents(hdab, holders);
    }

    /** An organisation with an e-mail contact point and no publisher type. */
    public static Agent organisation(String name, String email) {
        return new Agent(name, null, ContactPoint.email(email));
    }

    public Agent holder(String key) {
        Agent holder = holders.get(key);
        if (holder == null) {
            throw new IllegalArgumentException("No demo holder for key " + key);
        }
        return holder;
    }
}
