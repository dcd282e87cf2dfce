package eu.guichet.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.DatasetStatus;
import eu.guichet.catalogue.HealthCategory;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Period;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.VariableTable;

/**
 * Realistic-looking published datasets for the search bench, from a fixed seed: health topics × kinds of source ×
 * regions, 40 publishers, 2–5 tables of SNDS-like and study variables with French and English titles.
 */
final class SyntheticCatalogue {

    private static final String[][] TOPICS = { { "diabète", "diabetes" }, { "cancer du sein", "breast cancer" },
            { "accidents vasculaires cérébraux", "strokes" }, { "insuffisance cardiaque", "heart failure" },
            { "maladies rares", "rare diseases" }, { "santé mentale", "mental health" },
            { "vaccination", "vaccination" }, { "périnatalité", "perinatal health" },
            { "maladies infectieuses", "infectious diseases" }, { "COVID-19", "COVID-19" },
            { "obésité", "obesity" }, { "asthme", "asthma" }, { "insuffisance rénale", "kidney failure" },
            { "dialyse", "dialysis" }, { "maladie d'Alzheimer", "Alzheimer's disease" }, { "VIH", "HIV" },
            { "tuberculose", "tuberculosis" }, { "addictions", "addictions" },
            { "santé au travail", "occupational health" }, { "mortalité", "mortality" },
            { "hypertension artérielle", "high blood pressure" }, { "cancer colorectal", "colorectal cancer" },
            { "chirurgie ambulatoire", "day surgery" }, { "soins palliatifs", "palliative care" } };

    private record Source(String fr, String en, HealthCategory category) {
    }

    private static final Source[] SOURCES = { new Source("Registre", "registry", HealthCategory.MRMR),
            new Source("Registre de population", "population registry", HealthCategory.PHDR),
            new Source("Cohorte", "cohort", HealthCategory.RQSH),
            new Source("Entrepôt de données de santé", "health data warehouse", HealthCategory.EHRS),
            new Source("Base de remboursements", "claims database", HealthCategory.HRAD),
            new Source("Enquête", "survey", HealthCategory.RQSH),
            new Source("Essai clinique", "clinical trial", HealthCategory.EHCT),
            new Source("Biobanque", "biobank", HealthCategory.EINS),
            new Source("Imagerie médicale", "medical imaging", HealthCategory.EMRD),
            new Source("Séquençage génomique", "genomic sequencing", HealthCategory.HGPD) };

    private static final String[] REGIONS = { "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne",
            "Centre-Val de Loire", "Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie",
            "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur", "Guadeloupe",
            "Martinique", "Guyane", "La Réunion", "Mayotte" };

    private static final String[] CITIES = { "Lyon", "Dijon", "Rennes", "Tours", "Ajaccio", "Strasbourg", "Lille",
            "Paris", "Rouen", "Bordeaux", "Toulouse", "Nantes", "Marseille", "Pointe-à-Pitre" };

    private static final String[][] STUDY_VARIABLES = { { "hba1c", "Hémoglobine glyquée", "Glycated haemoglobin" },
            { "glycemie", "Glycémie à jeun", "Fasting glucose" }, { "poids", "Poids", "Weight" },
            { "taille", "Taille", "Height" }, { "imc", "Indice de masse corporelle", "Body mass index" },
            { "tabac", "Statut tabagique", "Smoking status" }, { "alcool", "Consommation d'alcool", "Alcohol use" },
            { "date_deces", "Date de décès", "Date of death" }, { "cause_deces", "Cause de décès", "Cause of death" },
            { "code_cim10", "Diagnostic CIM-10", "ICD-10 diagnosis" }, { "stade", "Stade TNM", "TNM stage" },
            { "pas", "Pression artérielle systolique", "Systolic blood pressure" },
            { "date_inclusion", "Date d'inclusion", "Enrolment date" }, { "sexe", "Sexe", "Sex" },
            { "annee_naissance", "Année de naissance", "Year of birth" },
            { "departement", "Département de résidence", "Département of residence" },
            { "traitement", "Traitement", "Treatment" }, { "score_phq9", "Score PHQ-9", "PHQ-9 score" },
            { "creatinine", "Créatinine", "Creatinine" }, { "vaccin_code", "Code du vaccin", "Vaccine code" } };

    private static final String[][] SNDS_PARTS = { { "BEN", "bénéficiaire", "beneficiary" },
            { "PRS", "prestation", "service" }, { "ETE", "établissement", "facility" }, { "DCD", "décès", "death" },
            { "PHA", "pharmacie", "pharmacy" }, { "BIO", "biologie", "laboratory" }, { "SEJ", "séjour", "stay" },
            { "DGN", "diagnostic", "diagnosis" } };
    private static final String[][] SNDS_WHAT = { { "NAI", "naissance", "birth" }, { "SEX", "sexe", "sex" },
            { "DTE", "date", "date" }, { "RES", "résidence", "residence" }, { "CIM", "code CIM", "ICD code" },
            { "ACT", "acte", "procedure" }, { "NAT", "nature", "type" }, { "MNT", "montant", "amount" } };
    private static final String[][] SNDS_FORM = { { "ANN", "année", "year" }, { "DTE", "date", "date" },
            { "COD", "code", "code" }, { "NUM", "numéro", "number" }, { "TOP", "indicateur", "flag" } };

    private final Random random;
    private final List<String> publishers = new ArrayList<>();

    SyntheticCatalogue(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < 40; i++) {
            publishers.add(switch (i % 4) {
                case 0 -> "CHU de " + CITIES[i % CITIES.length];
                case 1 -> "Registre " + REGIONS[i % REGIONS.length];
                case 2 -> "Université de " + CITIES[(i * 3) % CITIES.length];
                default -> "Observatoire régional de santé " + REGIONS[(i * 5) % REGIONS.length];
            });
        }
    }

    List<String> publishers() {
        return publishers;
    }

    List<Dataset> datasets(int count) {
        List<Dataset> datasets = new ArrayList<>(count);
        Instant now = Instant.parse("2026-01-15T10:00:00Z");
        for (int i = 0; i < count; i++) {
            datasets.add(new Dataset(new DatasetId(new java.util.UUID(42L, i)), DatasetStatus.PUBLISHED,
                    Optional.empty(), description(i), 1, now, now, Optional.of(now), now));
        }
        return datasets;
    }

    private DatasetDescription description(int n) {
        String[] topic = pick(TOPICS);
        Source source = pick(SOURCES);
        String region = pick(REGIONS);
        String publisher = publishers.get(random.nextInt(publishers.size()));
        int start = 1990 + random.nextInt(30);
        int end = Math.min(2025, start + 1 + random.nextInt(15));
        Set<HealthCategory> categories = EnumSet.of(source.category());
        if (random.nextInt(4) == 0) {
            categories.add(pick(HealthCategory.values()));
        }
        List<VariableTable> tables = new ArrayList<>();
        int tableCount = 2 + random.nextInt(4);
        for (int t = 0; t < tableCount; t++) {
            tables.add(table(t));
        }
        boolean structured = random.nextInt(10) > 0;
        return new DatasetDescription("BENCH-" + n,
                LocalizedText.of(source.fr() + " " + topic[0] + " — " + region,
                        topic[1] + " " + source.en() + " — " + region),
                LocalizedText.of(source.fr() + " sur le thème « " + topic[0] + " » en " + region + ", de " + start
                        + " à " + end + " : données individuelles pseudonymisées, chaînées au SNDS, décrites variable"
                        + " par variable, produites par " + publisher + ".",
                        "A " + source.en() + " on " + topic[1] + " in " + region + ", " + start + " to " + end
                                + ": pseudonymised individual data, linked to the SNDS, described variable by"
                                + " variable, produced by " + publisher + "."),
                new DatasetDescription.Keywords(List.of(topic[0], source.fr().toLowerCase(), region),
                        List.of(topic[1], source.en(), region)),
                random.nextInt(5) == 0 ? Set.of(DataTheme.HEAL, DataTheme.SOCI) : Set.of(DataTheme.HEAL),
                categories, AccessRights.values()[random.nextInt(10) < 7 ? 2 : random.nextInt(2)], null, null,
                null, new Period(LocalDate.of(start, 1, 1), LocalDate.of(end, 12, 31)), null, null, null, null,
                null, null, null, null, null, null, new Agent(publisher, null, null), null, null, false, null, null,
                null, null, null, null, null, structured, structured ? tables : List.of());
    }

    private VariableTable table(int t) {
        List<Variable> columns = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int count = 3 + random.nextInt(12);
        boolean snds = random.nextBoolean();
        for (int c = 0; c < count; c++) {
            if (snds) {
                String[] who = pick(SNDS_PARTS);
                String[] what = pick(SNDS_WHAT);
                String[] form = pick(SNDS_FORM);
                String name = who[0] + "_" + what[0] + "_" + form[0];
                if (names.add(name)) {
                    columns.add(new Variable(name, LocalizedText.of(capitalise(form[1]) + " " + what[1] + " du "
                            + who[1], capitalise(who[2]) + " " + what[2] + " " + form[2]), LocalizedText.EMPTY,
                            "string", null, List.of()));
                }
            } else {
                String[] v = pick(STUDY_VARIABLES);
                if (names.add(v[0])) {
                    columns.add(new Variable(v[0], LocalizedText.of(v[1], v[2]), LocalizedText.EMPTY, "string",
                            null, List.of()));
                }
            }
        }
        String name = (snds ? "ER_" : "t") + (char) ('A' + t) + (snds ? "_F" : "_data");
        return new VariableTable(name, LocalizedText.EMPTY, LocalizedText.EMPTY, columns);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
