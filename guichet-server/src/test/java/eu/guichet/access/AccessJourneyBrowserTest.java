package eu.guichet.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import eu.guichet.testing.Api;
import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/**
 * The access procedure in the browser, the issue's "done when": alice puts a published demo dataset with a variable in
 * her basket, applies, submits an incomplete form, sees it returned with the screening's findings, completes it step
 * by step and submits it; the reviewer accepts and assesses it; the decider grants it; alice reads her permit. Axe
 * checks the main pages; their screenshots go to target/screenshots (copied into docs/screenshots).
 */
@Tag("e2e")
@GuichetIntegrationTest
class AccessJourneyBrowserTest {

    private static final String DATASET = "FR-SNDS-BENEFICIAIRES";
    private static final String VARIABLE = "IR_BEN_R.BEN_SEX_COD";
    private static final String TITLE = "Care pathways of type 2 diabetes";
    private static final Pattern APPLICATION = Pattern.compile("/applications/([0-9a-f-]{36})");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    private final SoftAssertions axe = new SoftAssertions();

    @Test
    void from_the_basket_to_the_permit() {
        emptyTheBasketOf("alice");
        Page alice = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(alice, base(), "alice");

        // the basket: a published demo dataset with one variable
        alice.navigate(base() + "/datasets?q=" + DATASET);
        alice.locator("#results > li", new Page.LocatorOptions().setHasText(DATASET)).first().locator("h2 a")
                .click();
        alice.locator("#vq").fill("BEN_SEX_COD");
        alice.locator("label[for=var-IR_BEN_R-BEN_SEX_COD]").click();
        alice.locator("#request-access").click();
        assertThat(alice.locator("#basket-" + DATASET)).containsText(VARIABLE);

        // apply: a draft from the basket, then an incomplete submission
        alice.locator("#apply").click();
        assertThat(alice.locator("#created")).isVisible();
        assertThat(alice.locator("#step-title")).containsText(Texts.en("applications.step.1"));
        String id = idIn(alice.url());
        alice.locator("#title").fill(TITLE);
        alice.locator("#save").click();
        assertThat(alice.locator("#saved")).isVisible();
        alice.locator("#steps a", new Page.LocatorOptions().setHasText(Texts.en("applications.step.5"))).click();
        assertThat(alice.locator("#preview .guichet-findings li")).not().hasCount(0);
        alice.locator("#submit").click();

        // returned with the findings
        assertThat(alice.locator("#application-status"))
                .containsText(Texts.en("application.status.AWAITING_ADDITIONAL_INFORMATION"));
        assertThat(alice.locator("#findings")).containsText(Texts.en("screening.missing_summary"));
        assertThat(alice.locator("#clock")).containsText(Texts.en("applications.period.COMPLETION"));
        checkAxe(alice, "the returned application");

        // completed step by step
        alice.locator("#edit").click();
        assertThat(alice.locator("#returned-findings")).isVisible();
        alice.locator("#summary").fill("How patients with type 2 diabetes are followed, region by region.");
        alice.locator("label[for=purpose-SCIENTIFIC_RESEARCH]").click();
        alice.locator("#applicantFunctions").fill("Epidemiologist, university");
        alice.locator("#intendedUse").fill("Compare glycaemic control pathways across regions.");
        alice.locator("#expectedBenefit").fill("Better regional care pathways.");
        alice.locator("#save-next").click();

        assertThat(alice.locator("#step-title")).containsText(Texts.en("applications.step.2"));
        alice.locator("#member-username-0").fill("alice");
        alice.locator("#member-function-0").fill("Principal investigator");
        alice.locator("label[for=member-pi-0]").click();
        alice.locator("#save-next").click();

        assertThat(alice.locator("#step-title")).containsText(Texts.en("applications.step.3"));
        assertThat(alice.locator("#dataset-" + DATASET)).containsText(VARIABLE);
        alice.locator("#justification-0-0").fill("Sex is a known modifier of glycaemic control.");
        alice.locator("#periodFrom").fill("2019-01-01");
        alice.locator("#periodTo").fill("2024-12-31");
        alice.locator("#minAge").fill("18");
        alice.locator("#dataFormat").fill("Tables in the secure processing environment");
        alice.locator("label[for=data-form-PSEUDONYMISED]").click();
        alice.locator("#dataFormJustification").fill("Years of follow-up of the same persons need linkage.");
        Chromium.screenshot(alice, "application-form", true);
        checkAxe(alice, "the form's data step");
        alice.locator("#save-next").click();

        assertThat(alice.locator("#step-title")).containsText(Texts.en("applications.step.4"));
        alice.locator("#safeguards").fill("Trained team, no attempt at re-identification, outputs checked.");
        alice.locator("#legalBasis").selectOption("PUBLIC_INTEREST");
        alice.locator("#legalBasisDescription").fill("Task in the public interest of the university.");
        alice.locator("#processingMonths").fill("36");
        alice.locator("#processingJustification").fill("Five years of follow-up plus analysis.");
        alice.locator("#tools").fill("SQL, R");
        alice.locator("#ethicsAssessment").fill("CESREES opinion 2026-123");
        alice.locator("#broughtData").fill("None");
        alice.locator("label[for=noProhibitedUse]").click();
        alice.locator("#save-next").click();

        assertThat(alice.locator("#step-title")).containsText(Texts.en("applications.step.5"));
        assertThat(alice.locator("#preview-clear")).isVisible();
        assertThat(alice.locator("#fees-total")).not().isEmpty();
        alice.locator("#submit").click();
        assertThat(alice.locator("#application-status")).containsText(Texts.en("application.status.PRE_SCREENING"));
        assertThat(alice.locator("#clock")).containsText(Texts.en("applications.period.DECISION"));
        alice.navigate(base() + "/applications");
        assertThat(alice.locator("#application-" + id)).containsText(TITLE);
        Chromium.screenshot(alice, "applications", true);
        checkAxe(alice, "my applications");

        // the reviewer accepts and assesses
        Page reviewer = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(reviewer, base(), "reviewer");
        reviewer.locator("#header-navigation a").getByText(Texts.en("nav.review")).click();
        assertThat(reviewer.locator("#queued-" + id)).containsText(TITLE);
        Chromium.screenshot(reviewer, "review-queue", true);
        checkAxe(reviewer, "the review queue");
        reviewer.locator("#queued-" + id + " a").first().click();
        reviewer.locator("#move-accept button").click();
        assertThat(reviewer.locator("#moved")).hasText(Texts.en("applications.moved.accept"));
        for (String criterion : new String[] { "PURPOSE", "NECESSITY", "LEGAL_BASIS", "QUALIFICATION",
                "SAFEGUARDS", "ETHICS" }) {
            reviewer.locator("label[for=verdict-" + criterion + "-MET]").click();
        }
        reviewer.locator("label[for=verdict-OPT_OUT_EXCEPTION-NOT_APPLICABLE]").click();
        reviewer.locator("#comment-NECESSITY").fill("One variable, justified.");
        reviewer.locator("#recommendation").selectOption("GRANTED");
        reviewer.locator("#assessment-summary").fill("Purpose (e), minimised, safeguards in place.");
        Chromium.screenshot(reviewer, "assessment", true);
        checkAxe(reviewer, "the assessment page");
        reviewer.locator("#assess").click();
        assertThat(reviewer.locator("#assessment-done")).isVisible();
        assertThat(reviewer.locator("#decision-form")).hasCount(0);

        // the decider grants
        Page decider = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(decider, base(), "decider");
        decider.navigate(base() + "/hdab/applications");
        decider.locator("#queued-" + id + " a").first().click();
        decider.locator("#outcome").selectOption("GRANTED");
        decider.locator("#justification").fill("Purpose (e), one variable justified, safeguards adequate.");
        decider.locator("#durationMonths").fill("24");
        decider.locator("#decide-button").click();
        assertThat(decider.locator("#moved")).hasText(Texts.en("applications.moved.decide"));
        assertThat(decider.locator("#decision-outcome")).hasText(Texts.en("decision.outcome.GRANTED"));

        // alice sees her permit
        alice.navigate(base() + "/applications/" + id);
        assertThat(alice.locator("#application-status")).containsText(Texts.en("application.status.DECISION_ISSUED"));
        assertThat(alice.locator("#decision-sha256")).not().isEmpty();
        alice.locator("#permit-link").click();
        assertThat(alice.locator("#permit-status")).containsText(Texts.en("permit.status.GRANTED"));
        assertThat(alice.locator("#permit-datasets")).containsText(DATASET);
        assertThat(alice.locator("#permit-datasets")).containsText(VARIABLE);
        assertThat(alice.locator("#permit-members")).containsText("alice");
        assertThat(alice.locator("#ask-extension")).isVisible();
        Chromium.screenshot(alice, "permit", true);
        checkAxe(alice, "the permit");
        // The register publishes the decision and the permit (its listeners run after commit, asynchronously).
        org.awaitility.Awaitility.await().until(() -> new Api(port).get("/api/register/" + id, null).body()
                .contains("GRANTED"));
        alice.navigate(base() + "/register/" + id);
        assertThat(alice.locator("#decision-outcome")).hasText(Texts.en("register.outcome.GRANTED"));
        assertThat(alice.locator("#permit-status")).hasText(Texts.en("register.permit_status.GRANTED"));
        assertThat(alice.locator("main")).not().containsText("alice");

        axe.assertAll();
    }

    /** The catalogue's browser test, in the same context, expects alice's basket without the demo dataset. */
    @AfterEach
    void leaveTheBasketEmpty() {
        emptyTheBasketOf("alice");
    }

    private void checkAxe(Page page, String what) {
        axe.assertThat(Axe.seriousViolations(page)).as("axe on %s", what).isEmpty();
    }

    /** Other tests of the same context may have left datasets in alice's basket: the application takes them all. */
    private void emptyTheBasketOf(String user) {
        Api api = new Api(port);
        for (var item : api.get("/api/basket", user).json()) {
            api.send("DELETE", "/api/basket/" + item.get("datasetId").asString(), user, null);
        }
    }

    private static String idIn(String url) {
        Matcher m = APPLICATION.matcher(url);
        assertThat(m.find()).as(url).isTrue();
        return m.group(1);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
