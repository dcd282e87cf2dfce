package eu.guichet.access;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import eu.guichet.access.ApplicationForm.RequestedVariable;
import eu.guichet.access.ScreeningFinding.Severity;
import eu.guichet.identity.OrganisationType;

/**
 * The automatic screening run on every submission (issue: "On submission, automatic screening with reasons"):
 * <ol>
 * <li>completeness: every field the kind of application requires (Art. 67(2), 67(4), 69);</li>
 * <li>purposes (a)–(c) of Art. 53(1) only for public-sector bodies (Art. 53(2));</li>
 * <li>words in the declared use that may describe a use prohibited by Art. 54 or by the French SNDS rules (insurance
 * selection or premiums, credit, employment decisions, advertising, promotion of health products, harmful products,
 * discrimination): flagged for the reviewer, never refused by a machine — "tobacco cessation" is research.</li>
 * </ol>
 * Plain Java; the rules and their examples are the spec test {@code ScreeningTest}, which writes
 * docs/reference/screening.md.
 */
public final class Screening {

    /** A rule that flags words of the declared use (title, summary, intended use, expected benefit). */
    public record ProhibitedUseRule(String code, String basis, List<String> stems) {

        boolean matches(String normalisedText) {
            return stems.stream().anyMatch(stem -> Pattern.compile("\\b" + Pattern.quote(stem)).matcher(normalisedText)
                    .find());
        }
    }

    /** Stems are matched at the start of a word, lower-case and without accents, in French and English. */
    public static final List<ProhibitedUseRule> PROHIBITED_USES = List.of(
            new ProhibitedUseRule("prohibited_insurance", "EHDS Art. 54(b); CSP L.1461-1 V (SNDS)",
                    List.of("insurance", "insurer", "underwrit", "premium", "assurance", "assureur", "prime d",
                            "tarification")),
            new ProhibitedUseRule("prohibited_credit", "EHDS Art. 54(b)",
                    List.of("credit", "loan", "solvency", "creditworth", "pret bancaire", "solvabilite")),
            new ProhibitedUseRule("prohibited_employment", "EHDS Art. 54(b)",
                    List.of("job offer", "recruit", "hiring", "employability", "offre d'emploi", "offres d'emploi",
                            "recrutement", "embauche")),
            new ProhibitedUseRule("prohibited_advertising", "EHDS Art. 54(c)",
                    List.of("advertis", "marketing", "publicit")),
            new ProhibitedUseRule("prohibited_product_promotion", "CSP L.1461-1 V (SNDS)",
                    List.of("promot", "promouv", "detailing", "visite medicale")),
            new ProhibitedUseRule("prohibited_harmful_products", "EHDS Art. 54(d)",
                    List.of("alcohol", "tobacco", "nicotine", "weapon", "illicit drug", "alcool", "tabac", "arme",
                            "stupefiant")),
            new ProhibitedUseRule("prohibited_detrimental_decision", "EHDS Art. 54(a), 54(b)",
                    List.of("discriminat", "detriment", "exclude", "exclusion", "exclure")));

    private Screening() {
    }

    /** Screens a submission by an organisation of the given type. An empty list: nothing to say. */
    public static List<ScreeningFinding> screen(ApplicationKind kind, ApplicationForm form,
            OrganisationType applicantType) {
        List<ScreeningFinding> findings = new ArrayList<>(completeness(kind, form));
        for (Purpose purpose : form.purposes()) {
            if (purpose.isReservedToPublicSector() && !applicantType.isPublicSector()) {
                findings.add(new ScreeningFinding("purpose_reserved_to_public_sector", "purposes", Severity.NOT_ALLOWED,
                        "EHDS Art. 53(2), purpose (" + purpose.letter() + ")"));
            }
        }
        String declared = normalise(Stream.of(form.title(), form.summary(), form.intendedUse(),
                form.expectedBenefit()).filter(s -> s != null).reduce("", (a, b) -> a + " \n " + b));
        for (ProhibitedUseRule rule : PROHIBITED_USES) {
            if (rule.matches(declared)) {
                findings.add(new ScreeningFinding(rule.code(), "intendedUse", Severity.FLAG, rule.basis()));
            }
        }
        return List.copyOf(findings);
    }

    /** The fields a kind of application requires that the form leaves empty or inconsistent. */
    static List<ScreeningFinding> completeness(ApplicationKind kind, ApplicationForm f) {
        List<ScreeningFinding> missing = new ArrayList<>();
        require(missing, f.title(), "title", "EHDS Art. 67(2)");
        require(missing, f.summary(), "summary", "EHDS Art. 57(1)");
        check(missing, !f.purposes().isEmpty(), "purposes", "EHDS Art. 67(2)(b)");
        require(missing, f.intendedUse(), "intendedUse", "EHDS Art. 67(2)(c)");
        require(missing, f.expectedBenefit(), "expectedBenefit", "EHDS Art. 67(2)(c)");
        check(missing, !f.datasets().isEmpty(), "datasets", "EHDS Art. 67(2)(d)");
        check(missing, f.datasets().stream().allMatch(d -> !d.variables().isEmpty()), "variables",
                "EHDS Art. 67(2)(d)");
        check(missing, f.datasets().stream().flatMap(d -> d.variables().stream()).map(RequestedVariable::justification)
                .allMatch(j -> j != null), "variableJustifications", "EHDS Art. 66(1), 68(1)");
        check(missing, f.periodFrom() != null && f.periodTo() != null && !f.periodTo().isBefore(f.periodFrom()),
                "period", "EHDS Art. 67(2)(d)");
        check(missing, f.noProhibitedUse(), "noProhibitedUse", "EHDS Art. 54");
        if (kind == ApplicationKind.DATA_REQUEST) {
            require(missing, f.requestedStatistics(), "requestedStatistics", "EHDS Art. 69(1)");
            return missing;
        }
        require(missing, f.applicantFunctions(), "applicantFunctions", "EHDS Art. 67(2)(a)");
        check(missing, !f.team().isEmpty() && f.team().stream().allMatch(m -> m.username() != null)
                && f.team().stream().filter(ApplicationForm.TeamMember::principalInvestigator).count() == 1,
                "team", "EHDS Art. 67(2)(a), 68(10)(d)");
        require(missing, f.dataFormat(), "dataFormat", "EHDS Art. 67(2)(d)");
        check(missing, f.dataForm() != null, "dataForm", "EHDS Art. 67(2)(e)");
        if (f.dataForm() == DataForm.PSEUDONYMISED) {
            require(missing, f.dataFormJustification(), "dataFormJustification", "EHDS Art. 67(2)(e)");
            check(missing, f.legalBasis() != null, "legalBasis", "EHDS Art. 67(4)");
            require(missing, f.legalBasisDescription(), "legalBasisDescription", "EHDS Art. 67(4)");
        }
        require(missing, f.safeguards(), "safeguards", "EHDS Art. 67(2)(g)");
        check(missing, f.processingMonths() != null && f.processingMonths() >= 1 && f.processingMonths() <= 120,
                "processingMonths", "EHDS Art. 67(2)(h), 68(12)");
        require(missing, f.processingJustification(), "processingJustification", "EHDS Art. 67(2)(h)");
        require(missing, f.tools(), "tools", "EHDS Art. 67(2)(i)");
        require(missing, f.ethicsAssessment(), "ethicsAssessment", "EHDS Art. 67(2)(j)");
        if (f.optOutException()) {
            require(missing, f.optOutExceptionJustification(), "optOutExceptionJustification",
                    "EHDS Art. 67(2)(k), 71(4)");
        }
        return missing;
    }

    private static void require(List<ScreeningFinding> out, String value, String field, String basis) {
        check(out, value != null, field, basis);
    }

    private static void check(List<ScreeningFinding> out, boolean ok, String field, String basis) {
        if (!ok) {
            out.add(new ScreeningFinding("missing_" + snake(field), field, Severity.INCOMPLETE, basis));
        }
    }

    /** Whether any finding sends the application back to the applicant. */
    public static boolean blocks(List<ScreeningFinding> findings) {
        return findings.stream().anyMatch(ScreeningFinding::blocks);
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
