package eu.guichet.catalogue.internal.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.ContactPoint;
import eu.guichet.catalogue.internal.CatalogueProperties;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.NewOrganisation;
import eu.guichet.identity.Organisation;
import eu.guichet.identity.OrganisationType;

/**
 * Demo mode: the data holders of the demo catalogue and their published datasets, created once (after the demo
 * accounts). A dataset whose identifier exists is left alone, so restarts and edits made in the demo survive.
 */
@Component
@Profile("demo")
@Order(1)
class DemoCatalogueSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogueSeeder.class);

    /** The demo's data holders by catalogue key: name, registration number, contact address. */
    record Holder(String name, String identifier, String email) {
    }

    static final Map<String, Holder> HOLDERS = new LinkedHashMap<>();

    static {
        HOLDERS.put(DemoAgents.CLAIMS, new Holder("Caisse nationale de l'Assurance Maladie (démo)", "DEMO-CNAM",
                "snds@cnam.example.fr"));
        HOLDERS.put(DemoAgents.HOSPITAL_STAYS, new Holder(
                "Agence technique de l'information sur l'hospitalisation (démo)", "DEMO-ATIH", "pmsi@atih.example.fr"));
        HOLDERS.put(DemoAgents.DEATHS, new Holder("Centre d'épidémiologie sur les causes médicales de décès (démo)",
                "DEMO-CEPIDC", "cepidc@inserm.example.fr"));
        HOLDERS.put(DemoAgents.CANCER_REGISTRY, new Holder("Registre des cancers de Démoville", "DEMO-REGISTRE",
                "registre@demoville.example.fr"));
        HOLDERS.put(DemoAgents.HOSPITAL, new Holder("Centre hospitalier universitaire de Démoville", "DEMO-CHU",
                "entrepot@chu-demoville.example.fr"));
        HOLDERS.put(DemoAgents.COHORT, new Holder("Cohorte Démoville — Université de Démoville", "DEMO-COHORTE",
                "cohorte@univ-demoville.example.fr"));
    }

    private final CatalogueManagement catalogue;
    private final IdentityManagement identity;
    private final CatalogueProperties settings;

    DemoCatalogueSeeder(CatalogueManagement catalogue, IdentityManagement identity, CatalogueProperties settings) {
        this.catalogue = catalogue;
        this.identity = identity;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, Organisation> organisations = new LinkedHashMap<>();
        Map<String, Agent> agents = new LinkedHashMap<>();
        HOLDERS.forEach((key, holder) -> {
            organisations.put(key, holderOrganisation(holder));
            agents.put(key, DemoAgents.organisation(holder.name(), holder.email()));
        });
        Agent hdab = new Agent(settings.hdabName(), null, ContactPoint.email(settings.hdabEmail()));
        List<DemoDataset> datasets = new DemoCatalogue(settings.baseUrl()).datasets(new DemoAgents(hdab, agents));
        int created = 0;
        for (DemoDataset d : datasets) {
            if (catalogue.seedPublished(d.description(), organisations.get(d.holderKey()).id())) {
                created++;
            }
        }
        if (created > 0) {
            log.info("Demo catalogue: {} datasets published", created);
        }
    }

    private Organisation holderOrganisation(Holder holder) {
        return identity.findOrganisationByName(holder.name()).orElseGet(() -> identity.createOrganisation(
                new NewOrganisation(holder.name(), OrganisationType.DATA_HOLDER, holder.identifier(), "FR", false)));
    }
}
