package eu.guichet.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.ApplicationReceived;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.ApplicationStatusChanged;
import eu.guichet.access.DecisionIssued;
import eu.guichet.access.DecisionOutcome;
import eu.guichet.access.PermitAmended;
import eu.guichet.access.PermitExpired;
import eu.guichet.access.PermitExtended;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitRevoked;
import eu.guichet.access.Purpose;
import eu.guichet.access.StatutoryClocks;
import eu.guichet.access.StatutoryPeriod;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.UserAccount;
import eu.guichet.notification.internal.OutboxDrain;
import eu.guichet.security.OrganisationId;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.transparency.internal.ResultReminders;

/**
 * The register as the public reads it, fed only by the access module's events (published here as access publishes
 * them, inside a transaction): each application on receipt, the decision with its justification and publication
 * deadline, the permit and its fate, results and their reminders, enforcement measures, the citizens' view, CSV; and
 * never a person's name, e-mail or id.
 */
@GuichetIntegrationTest
class RegisterTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TransparencyRegister register;

    @Autowired
    IdentityManagement identity;

    @Autowired
    StatutoryClocks clocks;

    @Autowired
    ResultReminders reminders;

    @Autowired
    OutboxDrain drain;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private UserAccount alice;
    private OrganisationId university;
    private DatasetId dataset;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        alice = identity.findUserByUsername("alice").orElseThrow();
        university = alice.organisationId().orElseThrow();
        // the demo catalogue is seeded at start-up, possibly in the background
        await().until(() -> jdbc.sql("select count(*) from dataset where identifier = 'FR-SNDS-BENEFICIAIRES' "
                + "and status = 'PUBLISHED'").query(Long.class).single() == 1);
        dataset = new DatasetId(jdbc.sql("select id from dataset where identifier = 'FR-SNDS-BENEFICIAIRES'")
                .query(java.util.UUID.class).single());
    }

    @Test
    void an_application_is_published_on_receipt_then_its_decision_and_its_permit_through_to_revocation() {
        ApplicationId application = ApplicationId.random();
        PermitId permit = PermitId.random();
        Instant received = Instant.parse("2026-03-02T09:00:00Z");
        publish(new ApplicationReceived(application, ApplicationKind.DATA_ACCESS, university,
                "Parcours de soins après un infarctus", Set.of(Purpose.SCIENTIFIC_RESEARCH, Purpose.PUBLIC_HEALTH),
                List.of(dataset), received));
        var entry = awaitJson("/api/register/" + application);
        assertThat(entry.get("organisation").asString()).isEqualTo(
                identity.findOrganisation(university).orElseThrow().name());
        assertThat(entry.get("title").asString()).isEqualTo("Parcours de soins après un infarctus");
        assertThat(entry.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(entry.get("purposeLetters").toString()).isEqualTo("[\"a\",\"e\"]");
        assertThat(entry.get("datasets").get(0).get("identifier").asString()).isEqualTo("FR-SNDS-BENEFICIAIRES");
        assertThat(entry.get("decision").isNull()).isTrue();

        Instant decided = Instant.parse("2026-04-15T14:00:00Z");
        publish(new ApplicationStatusChanged(application, ApplicationStatus.DECISION_ISSUED, decided),
                new DecisionIssued(application, DecisionOutcome.GRANTED, "Purpose (e), data minimised per variable.",
                        Optional.of(permit), RegisterEvents.SHA256, decided),
                new eu.guichet.access.PermitGranted(permit, 1, application, RegisterEvents.scope(dataset, decided),
                        Set.of(alice.id()), Instant.parse("2028-04-15T22:00:00Z"), decided));
        await().until(() -> register.getEntry(application).permit().isPresent());
        RegisterEntry granted = register.getEntry(application);
        assertThat(granted.status()).isEqualTo(ApplicationStatus.DECISION_ISSUED);
        RegisterDecision decision = granted.decision().orElseThrow();
        assertThat(decision.justification()).isEqualTo("Purpose (e), data minimised per variable.");
        assertThat(decision.publicationDueAt())
                .isEqualTo(clocks.start(StatutoryPeriod.DECISION_PUBLICATION, decided).dueAt());
        assertThat(decision.isPublishedOnTime()).isFalse(); // published now, long after its 30 working days of 2026
        assertThat(granted.permit().orElseThrow().status()).isEqualTo(PermitStatus.GRANTED);
        assertThat(granted.permit().orElseThrow().datasets()).extracting(RegisterDataset::identifier)
                .containsExactly("FR-SNDS-BENEFICIAIRES");

        publish(new PermitAmended(permit, 2, RegisterEvents.scope(dataset, decided), Set.of(alice.id()),
                decided.plus(Duration.ofDays(60))));
        await().until(() -> register.getPermit(permit).status() == PermitStatus.AMENDED);
        publish(new PermitExtended(permit, 3, Instant.parse("2030-04-15T22:00:00Z"), decided.plus(Duration.ofDays(90))));
        await().until(() -> register.getPermit(permit).status() == PermitStatus.EXTENDED);
        assertThat(register.getPermit(permit).validUntil()).isEqualTo(Instant.parse("2030-04-15T22:00:00Z"));

        Instant revoked = Instant.parse("2026-09-10T08:00:00Z");
        publish(new PermitRevoked(permit, "Data used outside the permitted purpose.", revoked));
        await().until(() -> register.getPermit(permit).status() == PermitStatus.REVOKED);
        RegisterPermit ended = register.getPermit(permit);
        assertThat(ended.revocationReason()).contains("Data used outside the permitted purpose.");
        assertThat(ended.endedAt()).contains(revoked);
        assertThat(ended.resultsDueAt()).isEqualTo(revoked.atZone(ZoneId.of("Europe/Paris")).plusMonths(18)
                .toInstant());
        publish(new PermitExpired(permit, Instant.parse("2030-04-15T22:00:00Z")));
        await().until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class).single() == 0);
        assertThat(register.getPermit(permit).status()).as("a revoked permit does not expire later")
                .isEqualTo(PermitStatus.REVOKED);

        String page = api.sendWithHeader("GET", "/register/" + application, "Accept-Language", "en", null).body();
        assertThat(page).contains("Parcours de soins après un infarctus").contains("Purpose (e), data minimised")
                .contains("revoked").contains("Data used outside the permitted purpose.");
    }

    @Test
    void the_register_filters_by_status_purpose_dataset_and_year_and_reads_as_csv() {
        ApplicationId statistics = ApplicationId.random();
        publish(new ApplicationReceived(statistics, ApplicationKind.DATA_REQUEST, university,
                "Filtered statistics 2025", Set.of(Purpose.OFFICIAL_STATISTICS), List.of(dataset),
                Instant.parse("2025-06-01T10:00:00Z")));
        await().until(() -> register.findEntry(statistics).isPresent());

        assertThat(api.get("/api/register?purpose=c&year=2025", null).body()).contains(statistics.toString());
        assertThat(api.get("/api/register?purpose=e&year=2025", null).body()).doesNotContain(statistics.toString());
        assertThat(api.get("/api/register?year=2024", null).body()).doesNotContain(statistics.toString());
        assertThat(api.get("/api/register?status=SUBMITTED&dataset=" + dataset + "&size=500", null).body())
                .contains(statistics.toString());
        assertThat(api.get("/api/register?status=WITHDRAWN", null).body()).doesNotContain(statistics.toString());
        var unknown = api.get("/api/register?purpose=z", null);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("transparency.filter_invalid");

        var csv = api.sendWithHeader("GET", "/api/register?year=2025&size=500", "Accept", "text/csv", null);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("application_id,kind,received_at");
        assertThat(csv.body()).contains(statistics + ",DATA_REQUEST,2025-06-01T10:00:00Z,")
                .contains("Filtered statistics 2025,c,FR-SNDS-BENEFICIAIRES,SUBMITTED");
        assertThat(api.get("/api/register?year=2025&format=csv", null).header("Content-Type"))
                .startsWith("text/csv");

        String page = api.sendWithHeader("GET", "/register?purpose=c&year=2025", "Accept-Language", "fr", null)
                .body();
        assertThat(page).contains("Filtered statistics 2025").contains("Demande de données")
                .contains("Activité des demandes reçues en 2025");
        var report = api.get("/api/register/report?year=2025", null).json();
        assertThat(report.get("dataRequests").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("year").asInt()).isEqualTo(2025);
    }

    @Test
    void members_declare_results_and_are_reminded_before_the_due_date_and_when_overdue() {
        Instant now = Instant.now();
        PermitId soon = grantedAndExpired(now.minus(Duration.ofDays(16 * 30 + 5)));
        PermitId overdue = grantedAndExpired(now.minus(Duration.ofDays(19 * 30)));
        PermitId later = grantedAndExpired(now.minus(Duration.ofDays(30)));

        reminders.remind();
        assertThat(notices(soon)).containsExactly("transparency.results_due");
        assertThat(notices(overdue)).containsExactly("transparency.results_overdue");
        assertThat(notices(later)).isEmpty();
        reminders.remind();
        assertThat(notices(soon)).as("each stage is sent once").hasSize(1);
        assertThat(register.getPermit(overdue).overdue()).isTrue();
        assertThat(register.getPermit(soon).overdue()).isFalse();
        // no SMTP server in this context: the e-mails wait in the outbox and the in-app notices are there
        assertThat(drain.drain()).isZero();
        assertThat(jdbc.sql("select status from mail_outbox o join notification n on n.id = o.notification_id "
                + "where n.link = ?").param("/register/permits/" + soon + "/results").query(String.class).list())
                .containsExactly("PENDING");
        assertThat(api.send("GET", "/api/notifications", "alice", null, Map.of("Accept-Language", "en")).body())
                .contains("/register/permits/" + overdue + "/results").contains("were due by");

        var refused = api.post("/api/register/permits/" + overdue + "/results", "bob", """
                {"title": "Not mine", "reference": "10.1234/bob", "publishedOn": "2026-01-10"}""");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("transparency.not_a_permit_member");
        var invalid = api.post("/api/register/permits/" + overdue + "/results", "alice", """
                {"title": "A result", "reference": "not a reference", "publishedOn": "2026-01-10"}""");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("transparency.result_reference_invalid");
        var declared = api.post("/api/register/permits/" + overdue + "/results", "alice", """
                {"title": "Care pathways after myocardial infarction", "reference": "https://doi.org/10.1234/cp.2026",
                 "publishedOn": "2026-01-10"}""");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        assertThat(register.getPermit(overdue).overdue()).isFalse();
        assertThat(register.getPermit(overdue).results()).extracting(ResultPublication::title)
                .containsExactly("Care pathways after myocardial infarction");
    }

    @Test
    void enforcement_measures_and_the_citizens_view_name_organisations_only() {
        ApplicationId application = ApplicationId.random();
        PermitId permit = PermitId.random();
        transactions.executeWithoutResult(s -> RegisterEvents.receivedAndGranted(events, application, permit,
                university, dataset, alice.id(), Instant.parse("2026-05-04T09:00:00Z")));
        await().until(() -> register.findEntry(application).flatMap(RegisterEntry::permit).isPresent());

        var measure = api.post("/api/register/enforcement-measures", "admin", """
                {"organisationId": "%s", "permitId": "%s", "kind": "CESSATION_ORDER",
                 "description": "Outputs released without review: processing stopped.", "decidedOn": "2026-06-01"}
                """.formatted(university, permit));
        assertThat(measure.status()).as(measure.body()).isEqualTo(201);
        assertThat(api.post("/api/register/enforcement-measures", "alice", "{}").status()).isEqualTo(403);
        assertThat(api.get("/api/register/enforcement-measures", null).body())
                .contains("Outputs released without review");

        String uses = api.get("/api/register/datasets", null).body();
        assertThat(uses).contains("FR-SNDS-BENEFICIAIRES").contains("Matrix study of care pathways")
                .contains(identity.findOrganisation(university).orElseThrow().name());
        String citizens = api.sendWithHeader("GET", "/register/datasets", "Accept-Language", "fr", null).body();
        assertThat(citizens).contains("Matrix study of care pathways").contains("recherche scientifique");

        List<String> everything = List.of(api.get("/api/register?size=500", null).body(),
                api.sendWithHeader("GET", "/api/register?size=500", "Accept", "text/csv", null).body(), uses,
                api.get("/api/register/" + application, null).body(), api.get("/register", null).body(),
                api.get("/register/" + application, null).body(), citizens,
                api.get("/register/enforcement-measures", null).body());
        for (String published : everything) {
            assertThat(published).doesNotContain(alice.id().toString()).doesNotContain(alice.displayName())
                    .doesNotContain(alice.email()).doesNotContain("@demo.guichet.invalid")
                    .doesNotContainIgnoringCase("alice");
        }
    }

    /** A permit granted two years before {@code expiredAt} to alice, which expired then. */
    private PermitId grantedAndExpired(Instant expiredAt) {
        ApplicationId application = ApplicationId.random();
        PermitId permit = PermitId.random();
        Instant received = expiredAt.minus(Duration.ofDays(800)).truncatedTo(ChronoUnit.SECONDS);
        transactions.executeWithoutResult(s -> {
            RegisterEvents.receivedAndGranted(events, application, permit, university, dataset, alice.id(), received);
            events.publishEvent(new PermitExpired(permit, expiredAt));
        });
        await().until(() -> register.findEntry(application).flatMap(RegisterEntry::permit)
                .filter(p -> p.status() == PermitStatus.EXPIRED).isPresent());
        return permit;
    }

    private List<String> notices(PermitId permit) {
        return jdbc.sql("select type from notification where recipient_id = ? and link = ?")
                .params(alice.id().value(), "/register/permits/" + permit + "/results").query(String.class).list();
    }

    private void publish(Object... published) {
        transactions.executeWithoutResult(s -> {
            for (Object event : published) {
                events.publishEvent(event);
            }
        });
    }

    private tools.jackson.databind.JsonNode awaitJson(String path) {
        await().until(() -> api.get(path, null).status() == 200);
        return api.get(path, null).json();
    }
}
