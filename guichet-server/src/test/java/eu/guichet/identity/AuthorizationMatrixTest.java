package eu.guichet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * Deny by default, checked as a table: every endpoint of the application × every demo account and anonymous →
 * the expected HTTP status, role checks and object-level checks alike. The table must name every endpoint the
 * application exposes: adding an endpoint without deciding who may call it fails {@link #every_endpoint_is_in_the_table()}.
 */
@GuichetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Columns: anonymous, then the demo accounts (see API.md). */
    private static final List<String> CALLERS = List.of("anonymous", "admin", "alice", "bob", "holder", "reviewer",
            "decider", "checker1", "checker2", "auditor", "citizen", "analyst");

    /**
     * The analyst (HDAB_ANALYST) column, which the table does not write out: the analyst gets what checker1 gets (both
     * are HDAB staff with no other rights), except on these rows ("endpoint | path" → status).
     */
    private static final Map<String, Integer> ANALYST_DIFFERS = Map.ofEntries(
            Map.entry("GET /hdab/applications/{id} | /hdab/applications/{screened}", 200),
            Map.entry("GET /hdab/statistics | /hdab/statistics", 200),
            Map.entry("POST /hdab/statistics/{id}/assignment | /hdab/statistics/{statistical}/assignment", 302),
            Map.entry("GET /api/deliveries | /api/deliveries", 403),
            Map.entry("GET /api/deliveries/{id} | /api/deliveries/{delivery}", 403),
            Map.entry("GET /api/deliveries/{id}/quarantine | /api/deliveries/{delivery}/quarantine", 403),
            Map.entry("GET /api/outputs | /api/outputs", 403),
            Map.entry("GET /api/outputs/{id} | /api/outputs/{output}", 404),
            Map.entry("POST /api/outputs/{id}/reviews | /api/outputs/{outputToReview}/reviews", 403),
            Map.entry("GET /hdab/outputs | /hdab/outputs", 403),
            Map.entry("GET /hdab/outputs/{id} | /hdab/outputs/{output}", 403),
            Map.entry("POST /hdab/outputs/{id}/reviews | /hdab/outputs/{pageOutputToReview}/reviews", 403),
            // an analysis's workspace admits its analyst (statistical answers): other workspaces are not theirs
            Map.entry("GET /api/workspaces | /api/workspaces", 200),
            Map.entry("GET /api/workspaces/{id} | /api/workspaces/{workspace}", 404),
            Map.entry("GET /api/workspaces/{id}/tables | /api/workspaces/{workspace}/tables", 404),
            Map.entry("POST /api/workspaces/{id}/queries | /api/workspaces/{workspace}/queries", 404),
            Map.entry("POST /api/workspaces/{id}/cancel | /api/workspaces/{workspace}/cancel", 404),
            Map.entry("GET /api/workspaces/{id}/history | /api/workspaces/{workspace}/history", 404),
            Map.entry("GET /api/workspaces/{id}/saved-queries | /api/workspaces/{workspace}/saved-queries", 404),
            Map.entry("POST /api/workspaces/{id}/saved-queries | /api/workspaces/{workspace}/saved-queries", 404),
            Map.entry("GET /api/workspaces/{id}/saved-queries/{queryId} | /api/workspaces/{workspace}/saved-queries/{savedQuery}", 404),
            Map.entry("PUT /api/workspaces/{id}/saved-queries/{queryId} | /api/workspaces/{workspace}/saved-queries/{savedQuery}", 404),
            Map.entry("DELETE /api/workspaces/{id}/saved-queries/{queryId} | /api/workspaces/{workspace}/saved-queries/{savedToDelete}", 404),
            Map.entry("POST /api/workspaces/{id}/jobs | /api/workspaces/{workspace}/jobs", 404),
            Map.entry("GET /api/workspaces/{id}/jobs/{jobId} | /api/workspaces/{workspace}/jobs/{job}", 404),
            Map.entry("POST /api/workspaces/{id}/jobs/{jobId}/cancel | /api/workspaces/{workspace}/jobs/{job}/cancel", 404),
            Map.entry("GET /workspaces | /workspaces", 200),
            Map.entry("GET /workspaces/{id} | /workspaces/{workspace}", 404),
            Map.entry("POST /workspaces/{id}/queries | /workspaces/{workspace}/queries", 404),
            Map.entry("POST /workspaces/{id}/saved-queries | /workspaces/{workspace}/saved-queries", 404),
            Map.entry("POST /workspaces/{id}/saved-queries/{queryId}/delete | /workspaces/{workspace}/saved-queries/{pageSavedToDelete}/delete", 404),
            Map.entry("POST /api/workspaces/{id}/outputs | /api/workspaces/{workspace}/outputs", 404),
            Map.entry("GET /api/workspaces/{id}/outputs | /api/workspaces/{workspace}/outputs", 404),
            Map.entry("POST /api/outputs/{id}/resubmission | /api/outputs/{returnedOutput}/resubmission", 404),
            Map.entry("POST /api/outputs/{id}/withdrawal | /api/outputs/{outputToWithdraw}/withdrawal", 404),
            Map.entry("GET /workspaces/{id}/outputs | /workspaces/{workspace}/outputs", 404),
            Map.entry("POST /workspaces/{id}/outputs | /workspaces/{workspace}/outputs", 404),
            Map.entry("GET /outputs/{id} | /outputs/{output}", 404),
            Map.entry("GET /outputs/{id}/file | /outputs/{releasedOutput}/file", 404),
            Map.entry("POST /outputs/{id}/resubmission | /outputs/{pageReturnedOutput}/resubmission", 404),
            Map.entry("POST /outputs/{id}/withdrawal | /outputs/{pageOutputToWithdraw}/withdrawal", 404));

    /**
     * One row per request: endpoint (method and mapped pattern), the concrete path, then the expected status per
     * caller in {@link #CALLERS} order. Placeholders: {university}, {company} organisation ids, {alice}, {bob},
     * {admin} user ids, {n} a number unique to the call.
     */
    private static final String MATRIX = """
            endpoint                              | path                                  | anon admin alice bob holder reviewer decider checker1 checker2 auditor citizen
            GET /api/me                           | /api/me                               | 401  200   200   200 200    200      200     200      200      200     200
            GET /api/organisations                | /api/organisations                    | 401  200   403   403 403    200      200     403      403      200     403
            GET /api/organisations/{id}           | /api/organisations/{university}       | 401  200   200   403 403    200      200     200      200      200     403
            GET /api/organisations/{id}/users     | /api/organisations/{university}/users | 401  200   200   403 403    200      200     200      200      200     403
            GET /api/organisations/{id}/users     | /api/organisations/{company}/users    | 401  200   403   200 403    200      200     200      200      200     403
            POST /api/organisations               | /api/organisations                    | 401  201   403   403 403    403      403     403      403      403     403
            GET /api/users                        | /api/users                            | 401  200   403   403 403    403      403     403      403      403     403
            GET /api/users/{id}                   | /api/users/{alice}                    | 401  200   403   403 403    403      403     403      403      200     403
            POST /api/users                       | /api/users                            | 401  201   403   403 403    403      403     403      403      403     403
            PUT /api/users/{id}/roles             | /api/users/{bob}/roles                | 401  200   403   403 403    403      403     403      403      403     403
            PUT /api/users/{id}/roles             | /api/users/{admin}/roles              | 401  403   403   403 403    403      403     403      403      403     403
            GET /api/audit/verify                 | /api/audit/verify                     | 401  200   403   403 403    403      403     403      403      200     403
            GET /api/audit/events                 | /api/audit/events                     | 401  403   403   403 403    403      403     403      403      200     403
            GET /api/catalogue/datasets           | /api/catalogue/datasets?q=deces       | 200  200   200   200 200    200      200     200      200      200     200
            GET /api/catalogue/datasets/{id}      | /api/catalogue/datasets/{published}   | 200  200   200   200 200    200      200     200      200      200     200
            GET /api/catalogue/datasets/{id}      | /api/catalogue/datasets/{draft}       | 404  200   404   404 200    200      200     200      200      200     404
            POST /api/catalogue/datasets          | /api/catalogue/datasets               | 401  403   403   403 201    403      403     403      403      403     403
            PUT /api/catalogue/datasets/{id}      | /api/catalogue/datasets/{draft}       | 401  403   403   403 200    403      403     403      403      403     403
            POST /api/catalogue/datasets/{id}/publish | /api/catalogue/datasets/{published}/publish | 401 409 403 403 403 409  403     403      403      403     403
            POST /api/catalogue/datasets/{id}/transitions | /api/catalogue/datasets/{published}/transitions | 401 409 403 403 409 409 403 403 403 403 403
            PUT /api/catalogue/datasets/{id}/holder | /api/catalogue/datasets/{draft}/holder | 401 200 403 403 403 403     403     403      403      403     403
            GET /api/catalogue/datasets/{id}/history | /api/catalogue/datasets/{draft}/history | 401 200 404 404 200 200     200     200      200      200     404
            GET /api/catalogue/datasets/{id}/violations | /api/catalogue/datasets/{draft}/violations | 401 200 404 404 200 200 200  200      200      200     404
            POST /api/catalogue/datasets/{id}/check | /api/catalogue/datasets/{draft}/check | 401  403   403   403 200    403      403     403      403      403     403
            POST /api/catalogue/validation        | /api/catalogue/validation             | 401  200   403   403 200    200      403     403      403      403     403
            GET /api/catalogue/holder/datasets    | /api/catalogue/holder/datasets        | 401  403   403   403 200    403      403     403      403      403     403
            GET /api/catalogue/holder/checks-due  | /api/catalogue/holder/checks-due      | 401  403   403   403 200    403      403     403      403      403     403
            GET /api/catalogue/publication-queue  | /api/catalogue/publication-queue      | 401  200   403   403 403    200      403     403      403      403     403
            GET /api/basket                       | /api/basket                           | 401  200   200   200 200    200      200     200      200      200     200
            PUT /api/basket/{datasetId}           | /api/basket/{published}               | 401  200   200   200 200    200      200     200      200      200     200
            DELETE /api/basket/{datasetId}        | /api/basket/{published}               | 401  200   200   200 200    200      200     200      200      200     200
            GET /holder/datasets                  | /holder/datasets                      | 302  403   403   403 200    403      403     403      403      403     403
            GET /holder/datasets/new              | /holder/datasets/new                  | 302  403   403   403 200    403      403     403      403      403     403
            POST /holder/datasets                 | /holder/datasets                      | 302  403   403   403 302    403      403     403      403      403     403
            GET /holder/datasets/{id}/edit        | /holder/datasets/{pagedraft}/edit     | 302  403   403   403 200    403      403     403      403      403     403
            POST /holder/datasets/{id}            | /holder/datasets/{pagedraft}          | 302  403   403   403 302    403      403     403      403      403     403
            POST /holder/datasets/{id}/variables  | /holder/datasets/{pagedraft}/variables | 302 403   403   403 302    403      403     403      403      403     403
            POST /holder/datasets/{id}/tables/remove | /holder/datasets/{pagedraft}/tables/remove | 302 403 403 403 302 403     403     403      403      403     403
            POST /holder/datasets/{id}/transitions | /holder/datasets/{pagedraft}/transitions | 302 403 403 403 409  403      403     403      403      403     403
            POST /holder/datasets/{id}/check      | /holder/datasets/{pagedraft}/check    | 302  403   403   403 302    403      403     403      403      403     403
            POST /holder/datasets/validation      | /holder/datasets/validation           | 302  403   403   403 200    403      403     403      403      403     403
            POST /api/deliveries                  | /api/deliveries                       | 401  403   403   403 422    403      403     403      403      403     403
            GET /api/deliveries                   | /api/deliveries                       | 401  200   403   403 200    200      200     200      200      200     403
            GET /api/deliveries/{id}              | /api/deliveries/{delivery}            | 401  200   403   403 200    200      200     200      200      200     403
            GET /api/deliveries/{id}/quarantine   | /api/deliveries/{delivery}/quarantine | 401  200   403   403 200    200      200     200      200      200     403
            POST /api/deliveries/uploads          | /api/deliveries/uploads               | 401  403   403   403 201    403      403     403      403      403     403
            GET /api/deliveries/uploads/{id}      | /api/deliveries/uploads/{upload}      | 401  403   403   403 200    403      403     403      403      403     403
            PUT /api/deliveries/uploads/{id}      | /api/deliveries/uploads/{upload}      | 401  403   403   403 422    403      403     403      403      403     403
            POST /api/deliveries/uploads/{id}/complete | /api/deliveries/uploads/{upload}/complete | 401 403 403 403 409 403  403     403      403      403     403
            GET /holder/deliveries                | /holder/deliveries                    | 302  403   403   403 200    403      403     403      403      403     403
            POST /holder/deliveries               | /holder/deliveries                    | 302  403   403   403 200    403      403     403      403      403     403
            GET /holder/deliveries/{id}           | /holder/deliveries/{delivery}         | 302  403   403   403 200    403      403     403      403      403     403
            POST /holder/uploads                  | /holder/uploads                       | 302  403   403   403 415    403      403     403      403      403     403
            GET /holder/uploads/{id}              | /holder/uploads/{upload}              | 302  403   403   403 200    403      403     403      403      403     403
            POST /holder/uploads/{id}/complete    | /holder/uploads/{upload}/complete     | 302  403   403   403 415    403      403     403      403      403     403
            GET /hdab/catalogue                   | /hdab/catalogue                       | 302  200   403   403 403    200      403     403      403      403     403
            POST /hdab/catalogue/{id}/transitions | /hdab/catalogue/{published}/transitions | 302 302 403   403 403    302      403     403      403      403     403
            POST /hdab/catalogue/{id}/holder      | /hdab/catalogue/{draft}/holder        | 302  302   403   403 403    403      403     403      403      403     403
            POST /api/optouts                     | /api/optouts                          | 401  403   403   403 403    403      403     403      403      403     201
            GET /api/optouts/me                   | /api/optouts/me                       | 401  403   403   403 403    403      403     403      403      403     200
            DELETE /api/optouts/me                | /api/optouts/me                       | 401  403   403   403 403    403      403     403      403      403     200
            POST /api/optouts/bulk                | /api/optouts/bulk                     | 401  200   403   403 403    403      403     403      403      403     403
            GET /optout                           | /optout                               | 302  403   403   403 403    403      403     403      403      403     200
            POST /optout                          | /optout                               | 302  403   403   403 403    403      403     403      403      403     302
            POST /optout/withdraw                 | /optout/withdraw                      | 302  403   403   403 403    403      403     403      403      403     302
            GET /hdab/optouts                     | /hdab/optouts                         | 302  200   403   403 403    403      403     403      403      403     403
            POST /hdab/optouts                    | /hdab/optouts                         | 302  302   403   403 403    403      403     403      403      403     403
            GET /catalogue                        | /catalogue                            | 200  200   200   200 200    200      200     200      200      200     200
            GET /catalogue/datasets/{id}          | /catalogue/datasets/{published}       | 200  200   200   200 200    200      200     200      200      200     200
            GET /datasets                         | /datasets?q=soins&category=HRAD       | 200  200   200   200 200    200      200     200      200      200     200
            GET /datasets/{id}                    | /datasets/{published}                 | 200  200   200   200 200    200      200     200      200      200     200
            GET /datasets/{id}                    | /datasets/{draft}                     | 404  200   404   404 200    200      200     200      200      200     404
            POST /datasets/{id}/basket            | /datasets/{published}/basket          | 302  302   302   302 302    302      302     302      302      302     302
            GET /basket                           | /basket                               | 302  200   200   200 200    200      200     200      200      200     200
            POST /basket/{datasetId}/remove       | /basket/{published}/remove            | 302  302   302   302 302    302      302     302      302      302     302
            GET /api/notifications                | /api/notifications                    | 401  200   200   200 200    200      200     200      200      200     200
            POST /api/notifications/{id}/read     | /api/notifications/{notification}/read | 401 403  200   403 403    403      403     403      403      403     403
            GET /notifications                    | /notifications                        | 302  200   200   200 200    200      200     200      200      200     200
            POST /notifications/{id}/read         | /notifications/{notification}/read    | 302  403   302   403 403    403      403     403      403      403     403
            POST /notifications/read              | /notifications/read                   | 302  302   302   302 302    302      302     302      302      302     302
            GET /api/register                     | /api/register?purpose=e&year=2026     | 200  200   200   200 200    200      200     200      200      200     200
            GET /api/register/{applicationId}     | /api/register/{entry}                 | 200  200   200   200 200    200      200     200      200      200     200
            GET /api/register/datasets            | /api/register/datasets                | 200  200   200   200 200    200      200     200      200      200     200
            GET /api/register/report              | /api/register/report?year=2026        | 200  200   200   200 200    200      200     200      200      200     200
            GET /api/register/enforcement-measures | /api/register/enforcement-measures   | 200  200   200   200 200    200      200     200      200      200     200
            POST /api/register/enforcement-measures | /api/register/enforcement-measures  | 401  201   403   403 403    403      403     403      403      403     403
            POST /api/register/permits/{permitId}/results | /api/register/permits/{registerPermit}/results | 401 403 201 403 403 403    403     403      403      403     403
            GET /register                         | /register?status=SUBMITTED            | 200  200   200   200 200    200      200     200      200      200     200
            GET /register/{applicationId}         | /register/{entry}                     | 200  200   200   200 200    200      200     200      200      200     200
            GET /register/datasets                | /register/datasets                    | 200  200   200   200 200    200      200     200      200      200     200
            GET /register/enforcement-measures    | /register/enforcement-measures        | 200  200   200   200 200    200      200     200      200      200     200
            POST /register/enforcement-measures   | /register/enforcement-measures        | 302  302   403   403 403    403      403     403      403      403     403
            GET /register/permits/{permitId}/results | /register/permits/{registerPermit}/results | 302  403   200   403 403    403      403     403      403      403     403
            POST /register/permits/{permitId}/results | /register/permits/{registerPermit}/results | 302 403  302   403 403    403      403     403      403      403     403
            GET /v3/api-docs                      | /v3/api-docs                          | 200  200   200   200 200    200      200     200      200      200     200
            GET /actuator/health                  | /actuator/health                      | 200  200   200   200 200    200      200     200      200      200     200
            GET /actuator/health/**               | /actuator/health/liveness             | 200  200   200   200 200    200      200     200      200      200     200
            GET /actuator                         | /actuator                             | 403  403   403   403 403    403      403     403      403      403     403
            GET /error                            | /error                                | 500  500   500   500 500    500      500     500      500      500     500
            GET /actuator/info                    | /actuator/info                        | 200  200   200   200 200    200      200     200      200      200     200
            GET /                                 | /                                     | 200  200   200   200 200    200      200     200      200      200     200
            GET /login                            | /login                                | 200  302   302   302 302    302      302     302      302      302     302
            GET /account                          | /account                              | 302  200   200   200 200    200      200     200      200      200     200
            GET /admin/users                      | /admin/users                          | 302  200   403   403 403    403      403     403      403      403     403
            POST /admin/organisations             | /admin/organisations                  | 302  302   403   403 403    403      403     403      403      403     403
            POST /admin/users                     | /admin/users                          | 302  302   403   403 403    403      403     403      403      403     403
            POST /admin/users/{userId}/preview-budget/lift | /admin/users/{alice}/preview-budget/lift | 302 302 403 403 403 403 403 403 403 403 403
            GET /audit                            | /audit                                | 302  200   403   403 403    403      403     403      403      200     403
            GET /audit/events                     | /audit/events                         | 302  403   403   403 403    403      403     403      403      200     403
            GET /denied                           | /denied                               | 403  403   403   403 403    403      403     403      403      403     403
            GET /demo/progress                    | /demo/progress                        | 200  200   200   200 200    200      200     200      200      200     200
            GET /api/applications                 | /api/applications                     | 401  403   200   200 403    403      403     403      403      403     403
            GET /api/applications/queue           | /api/applications/queue               | 401  403   403   403 403    200      200     403      403      403     403
            POST /api/applications                | /api/applications                     | 401  403   201   201 403    403      403     403      403      403     403
            GET /api/applications/{id}            | /api/applications/{application}       | 401  200   200   404 403    200      200     403      403      200     403
            PUT /api/applications/{id}            | /api/applications/{application}       | 401  403   200   404 403    403      403     403      403      403     403
            POST /api/applications/{id}/submit    | /api/applications/{toSubmit}/submit   | 401  403   200   404 403    403      403     403      403      403     403
            POST /api/applications/{id}/withdraw  | /api/applications/{toWithdraw}/withdraw | 401 403  200   404 403    403      403     403      403      403     403
            POST /api/applications/{id}/transitions | /api/applications/{screened}/transitions | 401 403 403  404 403    200      409     403      403      403     403
            POST /api/applications/{id}/assessment | /api/applications/{processing}/assessment | 401 403 403  403 403    200      403     403      403      403     403
            POST /api/applications/{id}/decision  | /api/applications/{assessed}/decision | 401  403   403   403 403    403      201     403      403      403     403
            GET /api/applications/{id}/decision/document | /api/applications/{refused}/decision/document | 401 200 200 404 403 200 200 403 403  200     403
            POST /api/applications/{id}/messages  | /api/applications/{refused}/messages  | 401  403   201   404 403    201      201     403      403      403     403
            GET /api/applications/{id}/documents  | /api/applications/{application}/documents | 401 200 200 404 403  200      200     403      403      200     403
            GET /api/applications/{id}/holder-requests | /api/applications/{processing}/holder-requests | 401 200 200 404 403 200 200 403 403 200 403
            POST /api/applications/{id}/holder-requests | /api/applications/{consulted}/holder-requests | 401 403 403 403 403 200 403 403 403 403 403
            GET /api/holder-requests              | /api/holder-requests                  | 401  200   403   403 200    200      200     403      403      200     403
            POST /api/holder-requests/{id}/answer | /api/holder-requests/{consultation}/answer | 401 403 403 403 200 403      403     403      403      403     403
            POST /api/holder-requests/{id}/extension | /api/holder-requests/{dataRequest}/extension | 401 403 403 403 200 403    403     403      403      403     403
            POST /api/holder-requests/{id}/receipt | /api/holder-requests/{dataRequest}/receipt | 401 200 403 403 403  409      403     403      403      403     403
            GET /api/permits                      | /api/permits                          | 401  200   200   200 403    200      200     403      403      200     403
            GET /api/permits/{id}                 | /api/permits/{permit}                 | 401  200   200   404 403    200      200     403      403      200     403
            POST /api/permits/{id}/amendments     | /api/permits/{permit}/amendments      | 401  403   403   403 403    403      201     403      403      403     403
            POST /api/permits/{id}/extension      | /api/permits/{permit}/extension       | 401  403   200   404 403    403      200     403      403      403     403
            POST /api/permits/{id}/revocation     | /api/permits/{revocable}/revocation   | 401  403   403   403 403    403      200     403      403      403     403
            GET /api/workspaces                   | /api/workspaces                       | 401  403   200   200 403    403      403     403      403      403     403
            GET /api/workspaces/{id}              | /api/workspaces/{workspace}           | 401  403   200   404 403    403      403     403      403      403     403
            GET /api/workspaces/{id}/tables       | /api/workspaces/{workspace}/tables    | 401  403   200   404 403    403      403     403      403      403     403
            POST /api/workspaces/{id}/queries     | /api/workspaces/{workspace}/queries   | 401  403   200   404 403    403      403     403      403      403     403
            POST /api/workspaces/{id}/cancel      | /api/workspaces/{workspace}/cancel    | 401  403   200   404 403    403      403     403      403      403     403
            GET /api/workspaces/{id}/history      | /api/workspaces/{workspace}/history   | 401  403   200   404 403    403      403     403      403      403     403
            GET /api/workspaces/{id}/saved-queries | /api/workspaces/{workspace}/saved-queries | 401 403 200  404 403    403      403     403      403      403     403
            POST /api/workspaces/{id}/saved-queries | /api/workspaces/{workspace}/saved-queries | 401 403 201 404 403    403      403     403      403      403     403
            GET /api/workspaces/{id}/saved-queries/{queryId} | /api/workspaces/{workspace}/saved-queries/{savedQuery} | 401 403 200 404 403 403 403 403 403 403 403
            PUT /api/workspaces/{id}/saved-queries/{queryId} | /api/workspaces/{workspace}/saved-queries/{savedQuery} | 401 403 200 404 403 403 403 403 403 403 403
            DELETE /api/workspaces/{id}/saved-queries/{queryId} | /api/workspaces/{workspace}/saved-queries/{savedToDelete} | 401 403 204 404 403 403 403 403 403 403 403
            POST /api/workspaces/{id}/jobs        | /api/workspaces/{workspace}/jobs      | 401  403   202   404 403    403      403     403      403      403     403
            GET /api/workspaces/{id}/jobs/{jobId} | /api/workspaces/{workspace}/jobs/{job} | 401 403   200   404 403    403      403     403      403      403     403
            POST /api/workspaces/{id}/jobs/{jobId}/cancel | /api/workspaces/{workspace}/jobs/{job}/cancel | 401 403 200 404 403 403 403 403 403 403 403
            POST /api/workspaces/preview-budgets/{userId}/lift | /api/workspaces/preview-budgets/{alice}/lift | 401 204 403 403 403 403 403 403 403 403 403
            GET /workspaces                       | /workspaces                           | 302  403   200   200 403    403      403     403      403      403     403
            GET /workspaces/{id}                  | /workspaces/{workspace}               | 302  403   200   404 403    403      403     403      403      403     403
            POST /workspaces/{id}/queries         | /workspaces/{workspace}/queries       | 302  403   200   404 403    403      403     403      403      403     403
            POST /workspaces/{id}/saved-queries   | /workspaces/{workspace}/saved-queries | 302  403   302   404 403    403      403     403      403      403     403
            POST /workspaces/{id}/saved-queries/{queryId}/delete | /workspaces/{workspace}/saved-queries/{pageSavedToDelete}/delete | 302 403 302 404 403 403 403 403 403 403 403
            GET /api/permits/{id}/extract         | /api/permits/{permit}/extract         | 401  200   200   404 403    200      200     403      403      200     403
            POST /api/permits/{id}/extract/retry  | /api/permits/{permit}/extract/retry   | 401  409   403   403 403    409      409     403      403      403     403
            POST /api/workspaces/{id}/outputs     | /api/workspaces/{workspace}/outputs   | 401  403   201   404 403    403      403     403      403      403     403
            GET /api/workspaces/{id}/outputs      | /api/workspaces/{workspace}/outputs   | 401  403   200   404 403    403      403     403      403      403     403
            GET /api/outputs                      | /api/outputs                          | 401  403   403   403 403    403      403     200      200      403     403
            GET /api/outputs/{id}                 | /api/outputs/{output}                 | 401  403   200   404 403    403      403     200      200      403     403
            POST /api/outputs/{id}/reviews        | /api/outputs/{outputToReview}/reviews | 401  403   403   403 403    403      403     200      200      403     403
            POST /api/outputs/{id}/resubmission   | /api/outputs/{returnedOutput}/resubmission | 401 403 200 404 403   403      403     403      403      403     403
            POST /api/outputs/{id}/withdrawal     | /api/outputs/{outputToWithdraw}/withdrawal | 401 403 200 404 403   403      403     403      403      403     403
            GET /api/outputs/{id}/file            | /api/outputs/{releasedOutput}/file    | 401  403   200   404 403    403      403     403      403      403     403
            GET /workspaces/{id}/outputs          | /workspaces/{workspace}/outputs       | 302  403   200   404 403    403      403     403      403      403     403
            POST /workspaces/{id}/outputs         | /workspaces/{workspace}/outputs       | 302  403   302   404 403    403      403     403      403      403     403
            GET /outputs/{id}                     | /outputs/{output}                     | 302  403   200   404 403    403      403     403      403      403     403
            GET /outputs/{id}/file                | /outputs/{releasedOutput}/file        | 302  403   200   404 403    403      403     403      403      403     403
            POST /outputs/{id}/resubmission       | /outputs/{pageReturnedOutput}/resubmission | 302 403 302 404 403   403      403     403      403      403     403
            POST /outputs/{id}/withdrawal         | /outputs/{pageOutputToWithdraw}/withdrawal | 302 403 302 404 403   403      403     403      403      403     403
            GET /hdab/outputs                     | /hdab/outputs                         | 302  403   403   403 403    403      403     200      200      403     403
            GET /hdab/outputs/{id}                | /hdab/outputs/{output}                | 302  403   403   403 403    403      403     200      200      403     403
            POST /hdab/outputs/{id}/reviews       | /hdab/outputs/{pageOutputToReview}/reviews | 302 403 403 403 403  403      403     302      302      403     403
            GET /applications                     | /applications                         | 302  403   200   200 403    403      403     403      403      403     403
            POST /applications                    | /applications                         | 302  403   302   302 403    403      403     403      403      403     403
            GET /applications/{id}                | /applications/{application}           | 302  200   200   404 403    200      200     403      403      200     403
            GET /applications/{id}/decision       | /applications/{refused}/decision      | 302  200   200   404 403    200      200     403      403      200     403
            GET /applications/{id}/edit           | /applications/{pageDraft}/edit?step=1 | 302  403   200   404 403    403      403     403      403      403     403
            POST /applications/{id}/edit          | /applications/{pageDraft}/edit?step=1 | 302  403   302   404 403    403      403     403      403      403     403
            POST /applications/{id}/submit        | /applications/{pageToSubmit}/submit   | 302  403   302   404 403    403      403     403      403      403     403
            POST /applications/{id}/withdraw      | /applications/{pageToWithdraw}/withdraw | 302 403  302   404 403    403      403     403      403      403     403
            POST /applications/{id}/answer        | /applications/{pageDraft}/answer      | 302  403   302   404 403    403      403     403      403      403     403
            POST /applications/{id}/messages      | /applications/{refused}/messages      | 302  403   302   404 403    302      302     403      403      403     403
            GET /hdab/applications                | /hdab/applications                    | 302  403   403   403 403    200      200     403      403      403     403
            GET /hdab/applications/{id}           | /hdab/applications/{screened}         | 302  403   403   403 403    200      200     403      403      403     403
            POST /hdab/applications/{id}/transitions | /hdab/applications/{pageScreened}/transitions | 302 403 403 403 403 302    302     403      403      403     403
            POST /hdab/applications/{id}/assessment | /hdab/applications/{processing}/assessment | 302 403 403 403 403  302      403     403      403      403     403
            POST /hdab/applications/{id}/decision | /hdab/applications/{pageAssessed}/decision | 302 403 403 403 403  403      302     403      403      403     403
            GET /permits                          | /permits                              | 302  200   200   200 403    200      200     403      403      200     403
            GET /permits/{id}                     | /permits/{permit}                     | 302  200   200   404 403    200      200     403      403      200     403
            GET /permits/{id}/extract             | /permits/{permit}/extract             | 302  200   200   404 403    200      200     403      403      200     403
            POST /permits/{id}/extension          | /permits/{permit}/extension           | 302  403   302   404 403    403      302     403      403      403     403
            POST /permits/{id}/revocation         | /permits/{revocable}/revocation       | 302  403   403   403 403    403      302     403      403      403     403
            GET /holder/requests                  | /holder/requests                      | 302  200   403   403 200    200      403     403      403      403     403
            POST /holder/requests/{id}/answer     | /holder/requests/{consultation}/answer | 302 403   403   403 302    403      403     403      403      403     403
            POST /holder/requests/{id}/extension  | /holder/requests/{dataRequest}/extension | 302 403 403   403 302    403      403     403      403      403     403
            POST /holder/requests/{id}/receipt    | /holder/requests/{dataRequest}/receipt | 302 302   403   403 403    302      403     403      403      403     403
            GET /hdab/statistics                  | /hdab/statistics                      | 302  403   403   403 403    403      403     403      403      403     403
            POST /hdab/statistics/{id}/assignment | /hdab/statistics/{statistical}/assignment | 302 403 403 403 403    403      403     403      403      403     403
            POST /permits/{id}/amendment-request  | /permits/{permit}/amendment-request    | 302 403   302   404 403    403      403     403      403      403     403
            POST /permits/{id}/amendments         | /permits/{permit}/amendments          | 302  403   403   403 403    403      302     403      403      403     403
            """;

    /** Bodies of the requests that need one, by endpoint. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/applications", "{\"kind\": \"DATA_ACCESS\"}"),
            Map.entry("PUT /api/applications/{id}", "{\"revision\": 1, \"form\": {\"title\": \"Matrix\"}}"),
            Map.entry("POST /api/applications/{id}/transitions", "{\"action\": \"accept\"}"),
            Map.entry("POST /api/applications/{id}/assessment", "{\"recommendation\": \"REFUSED\"}"),
            Map.entry("POST /api/applications/{id}/decision",
                    "{\"outcome\": \"REFUSED\", \"justification\": \"Out of scope.\"}"),
            Map.entry("POST /api/applications/{id}/messages", "{\"body\": \"A question.\"}"),
            Map.entry("POST /api/permits/{id}/amendments", "{\"reason\": \"New conditions.\", \"conditions\": \"None.\"}"),
            Map.entry("POST /api/permits/{id}/extension", "{\"months\": 12, \"reason\": \"Follow-up.\"}"),
            Map.entry("POST /api/holder-requests/{id}/answer", "{\"costEstimate\": 500}"),
            Map.entry("POST /api/holder-requests/{id}/extension", "{\"reason\": \"Migration.\"}"),
            Map.entry("POST /api/permits/{id}/revocation", "{\"reason\": \"Breach of conditions.\"}"),
            Map.entry("POST /applications", "kind=DATA_ACCESS&fromBasket=false"),
            Map.entry("POST /applications/{id}/edit", "revision=1&title=Matrix+page"),
            Map.entry("POST /applications/{id}/withdraw", "confirm=true"),
            Map.entry("POST /applications/{id}/answer", "answer=An+answer."),
            Map.entry("POST /applications/{id}/messages", "body=A+question."),
            Map.entry("POST /hdab/applications/{id}/transitions", "action=accept"),
            Map.entry("POST /hdab/applications/{id}/assessment", "recommendation=REFUSED"),
            Map.entry("POST /hdab/applications/{id}/decision", "outcome=REFUSED&justification=Out+of+scope."),
            Map.entry("POST /permits/{id}/extension", "months=12&reason=Follow-up."),
            Map.entry("POST /api/workspaces/{id}/queries", "{\"sql\": \"select count(*) from stays\"}"),
            Map.entry("POST /api/workspaces/{id}/saved-queries", "{\"name\": \"Matrix {n}\", \"sql\": \"select 1\"}"),
            Map.entry("PUT /api/workspaces/{id}/saved-queries/{queryId}", "{\"name\": \"Matrix\", \"sql\": \"select 2\"}"),
            Map.entry("POST /api/workspaces/{id}/jobs", "{\"script\": \"select 1\"}"),
            Map.entry("POST /workspaces/{id}/queries", "sql=select+count(*)+from+stays"),
            Map.entry("POST /workspaces/{id}/saved-queries", "name=Matrix+page&sql=select+1"),
            Map.entry("POST /api/workspaces/{id}/outputs", """
                    {"savedQueryId": "{outputQuery}", "description": "Matrix", "dimensions": ["length_of_stay"],
                     "contributor": "stay_id"}"""),
            Map.entry("POST /api/outputs/{id}/reviews", "{\"decision\": \"APPROVE\"}"),
            Map.entry("POST /api/outputs/{id}/resubmission", "{\"description\": \"Matrix again\"}"),
            Map.entry("POST /workspaces/{id}/outputs",
                    "savedQueryId={outputQuery}&description=Matrix+page&dimensions=length_of_stay&contributor=stay_id"),
            Map.entry("POST /hdab/outputs/{id}/reviews", "decision=APPROVE&comment=Fine."),
            Map.entry("POST /outputs/{id}/resubmission", "description=Matrix+page+again"),
            Map.entry("POST /permits/{id}/revocation", "reason=Breach+of+conditions."),
            Map.entry("POST /holder/requests/{id}/answer", "costEstimate=500&feasibility=Feasible."),
            Map.entry("POST /holder/requests/{id}/extension", "reason=Migration."),
            Map.entry("POST /permits/{id}/amendment-request", "request=Please+add+a+colleague."),
            Map.entry("POST /permits/{id}/amendments", "reason=New+conditions.&conditions=None."),
            Map.entry("POST /api/catalogue/datasets", "{\"identifier\": \"MATRIX-{n}\"}"),
            Map.entry("PUT /api/catalogue/datasets/{id}", "{\"identifier\": \"{draftIdentifier}\"}"),
            Map.entry("POST /api/catalogue/datasets/{id}/transitions", "{\"action\": \"submit\"}"),
            Map.entry("POST /api/catalogue/validation", "{\"identifier\": \"MATRIX-CHECK\"}"),
            Map.entry("PUT /api/basket/{datasetId}", "{\"variables\": []}"),
            Map.entry("PUT /api/catalogue/datasets/{id}/holder", "{\"organisationId\": \"{holderOrganisation}\"}"),
            Map.entry("POST /hdab/catalogue/{id}/holder", "organisationId={holderOrganisation}"),
            Map.entry("POST /api/optouts/bulk", "nir\n190019999800193\n"),
            Map.entry("POST /optout", "confirm=yes"),
            Map.entry("POST /optout/withdraw", "confirm=yes"),
            Map.entry("POST /holder/datasets", "identifier=MATRIX-PAGE-{n}&titleFr=Matrice"),
            Map.entry("POST /holder/datasets/{id}", "identifier={pageDraftIdentifier}&titleFr=Matrice&revision=1"),
            Map.entry("POST /holder/datasets/{id}/tables/remove", "table=NO_SUCH_TABLE"),
            Map.entry("POST /holder/datasets/validation", "identifier=MATRIX-LIVE&titleFr=Matrice"),
            Map.entry("POST /holder/datasets/{id}/transitions", "action=reopen"),
            Map.entry("POST /hdab/catalogue/{id}/transitions", "action=publish"),
            Map.entry("POST /api/register/enforcement-measures", """
                    {"organisationId": "{company}", "kind": "CESSATION_ORDER", "description": "Matrix measure {n}",
                     "decidedOn": "2026-01-15"}"""),
            Map.entry("POST /api/register/permits/{permitId}/results", """
                    {"title": "Matrix result {n}", "reference": "10.1234/matrix.{n}", "publishedOn": "2026-01-15"}"""),
            Map.entry("POST /register/enforcement-measures",
                    "organisationId={company}&kind=CESSATION_ORDER&description=Matrix+page+measure&decidedOn=2026-01-15"),
            Map.entry("POST /register/permits/{permitId}/results",
                    "title=Matrix+page+result&reference=10.1234/page.{n}&publishedOn=2026-01-15"),
            Map.entry("POST /api/deliveries", "{\"dataset\": \"{draft}\", \"format\": \"CSV_TABLE_SCHEMA\", \"uploads\": []}"),
            Map.entry("POST /api/deliveries/uploads", "{\"fileName\": \"matrix.csv\", \"size\": 10}"),
            Map.entry("POST /api/deliveries/uploads/{id}/complete", "{}"),
            Map.entry("POST /holder/deliveries", "dataset={draft}&format=CSV_TABLE_SCHEMA"),
            Map.entry("POST /api/organisations", """
                    {"name": "Matrix organisation {n}", "type": "ACADEMIC", "identifier": "MATRIX-{n}"}"""),
            Map.entry("POST /api/users", """
                    {"username": "matrix{n}", "displayName": "Matrix user", "organisationId": "{university}",
                     "roles": ["APPLICANT"], "password": "a long enough password"}"""),
            Map.entry("PUT /api/users/{id}/roles", """
                    {"roles": ["APPLICANT"]}"""),
            Map.entry("POST /admin/organisations", "name=Matrix+page+organisation+{n}&type=ACADEMIC"),
            Map.entry("POST /admin/users", "username=matrixpage{n}&displayName=Matrix+page+user&organisationId={university}"
                    + "&roles=APPLICANT&password=a+long+enough+password"));

    /** Media types of request bodies that are not JSON, by endpoint. */
    private static final Map<String, String> CONTENT_TYPES = Map.of("POST /api/optouts/bulk", "text/csv");

    /**
     * Endpoints that are not in the table, each with the reason. Keep this list short: an endpoint belongs here
     * only when it cannot be called as a plain request.
     */
    private static final Map<String, String> NOT_IN_TABLE = Map.of(
            "GET /v3/api-docs.yaml", "same document as /v3/api-docs in YAML, same access rule",
            "POST /api/catalogue/import", "takes Turtle or JSON-LD bodies; who may call it: CatalogueHarvestTest",
            "PUT /holder/uploads/{id}", "the upload page's script sends chunks (PUT with Content-Range); same rule as "
                    + "PUT /api/deliveries/uploads/{id}; called in DeliveryPagesBrowserTest",
            "POST /api/applications/{id}/documents", "multipart upload; who may call it: ApplicationDocumentsTest",
            "GET /api/applications/{id}/documents/{documentId}",
            "needs an uploaded document; who may call it: ApplicationDocumentsTest",
            "POST /applications/{id}/documents", "multipart upload (page); who may call it: ApplicationDocumentPagesTest",
            "GET /applications/{id}/documents/{documentId}",
            "needs an uploaded document (page); who may call it: ApplicationDocumentPagesTest");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    eu.guichet.notification.Notifications notifications;

    @Autowired
    eu.guichet.transparency.TransparencyRegister register;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @org.junit.jupiter.api.extension.RegisterExtension
    final eu.guichet.workspace.WorkspaceFixture workspaceFixture = new eu.guichet.workspace.WorkspaceFixture();

    private Api api;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final AtomicInteger unique = new AtomicInteger();
    private final Map<String, BrowserSession> browsers = new LinkedHashMap<>();

    @BeforeAll
    void setUp() {
        api = new Api(port);
        ids.put("{university}", organisationOf("alice"));
        ids.put("{company}", organisationOf("bob"));
        ids.put("{holderOrganisation}", organisationOf("holder"));
        for (String user : List.of("alice", "bob", "admin")) {
            ids.put("{" + user + "}", identity.findUserByUsername(user).orElseThrow().id().toString());
        }
        String run = java.util.UUID.randomUUID().toString();
        ids.put("{draftIdentifier}", "MATRIX-DRAFT-" + run);
        ids.put("{draft}", createdDataset("{\"identifier\": \"MATRIX-DRAFT-" + run + "\"}"));
        ids.put("{pageDraftIdentifier}", "MATRIX-PAGE-DRAFT-" + run);
        ids.put("{pagedraft}", createdDataset("{\"identifier\": \"MATRIX-PAGE-DRAFT-" + run + "\"}"));
        String published = createdDataset(
                eu.guichet.catalogue.DescriptionsAsJson.aValidNonPublicDataset("MATRIX-PUBLISHED-" + run));
        assertThat(api.post("/api/catalogue/datasets/" + published + "/transitions", "holder",
                "{\"action\": \"submit\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/catalogue/datasets/" + published + "/publish", "reviewer", null).status())
                .isEqualTo(200);
        ids.put("{published}", published);
        var alice = identity.findUserByUsername("alice").orElseThrow().id();
        ids.put("{notification}", transactions.execute(s -> notifications.notify(alice,
                eu.guichet.notification.Notice.of("matrix.notice", "notifications.empty", "/notifications")))
                .toString());
        var application = eu.guichet.access.ApplicationId.random();
        var permit = eu.guichet.access.PermitId.random();
        transactions.executeWithoutResult(s -> eu.guichet.transparency.RegisterEvents.receivedAndGranted(events,
                application, permit, new eu.guichet.security.OrganisationId(java.util.UUID.fromString(
                        ids.get("{university}"))), eu.guichet.catalogue.DatasetId.parse(published), alice,
                java.time.Instant.parse("2026-03-02T09:00:00Z")));
        org.awaitility.Awaitility.await().until(() -> register.findEntry(application)
                .flatMap(eu.guichet.transparency.RegisterEntry::permit).isPresent());
        ids.put("{entry}", application.toString());
        ids.put("{registerPermit}", permit.toString());
        ids.put("{delivery}", eu.guichet.ingest.MatrixDeliveries.delivery(api, ids.get("{draft}")));
        ids.put("{upload}", eu.guichet.ingest.MatrixDeliveries.openUpload(api));
        var journeys = new eu.guichet.access.AccessJourneys(api, eu.guichet.catalogue.DatasetId.parse(published));
        ids.put("{application}", journeys.draft());
        ids.put("{toSubmit}", journeys.draft());
        ids.put("{toWithdraw}", journeys.draft());
        ids.put("{screened}", journeys.screened());
        ids.put("{processing}", journeys.processing());
        ids.put("{assessed}", journeys.assessed());
        ids.put("{refused}", journeys.refused());
        ids.put("{permit}", journeys.permit());
        ids.put("{revocable}", journeys.permit());
        ids.put("{consulted}", journeys.processing());
        ids.put("{consultation}", journeys.consultation());
        ids.put("{dataRequest}", journeys.dataRequest());
        ids.put("{pageDraft}", journeys.draft());
        ids.put("{pageToSubmit}", journeys.draft());
        ids.put("{pageToWithdraw}", journeys.draft());
        ids.put("{pageScreened}", journeys.screened());
        ids.put("{pageAssessed}", journeys.assessed());
        ids.put("{statistical}", journeys.statisticalAnswer());
        workspaceIds();
    }

    /** An open workspace of alice's, with saved queries and a job. */
    private void workspaceIds() {
        var workspace = workspaceFixture.open("MATRIX-WS");
        String base = "/api/workspaces/" + workspace.id();
        ids.put("{workspace}", workspace.id().toString());
        for (String key : List.of("{savedQuery}", "{savedToDelete}", "{pageSavedToDelete}")) {
            var saved = api.post(base + "/saved-queries", "alice", "{\"name\": \"" + key + "\", \"sql\": \"select 1\"}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);
            ids.put(key, saved.json().get("id").asString());
        }
        outputIds(base);
        var job = api.post(base + "/jobs", "alice", "{\"script\": \"select 1\"}");
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        ids.put("{job}", job.json().get("id").asString());
    }

    /** Requests to release outputs of that workspace, in the states the rows need. */
    private void outputIds(String base) {
        var query = api.post(base + "/saved-queries", "alice",
                "{\"name\": \"Outputs\", \"sql\": \"select stay_id, length_of_stay from stays\"}");
        ids.put("{outputQuery}", query.json().get("id").asString());
        for (String key : List.of("{output}", "{outputToReview}", "{pageOutputToReview}", "{returnedOutput}",
                "{pageReturnedOutput}", "{outputToWithdraw}", "{pageOutputToWithdraw}", "{releasedOutput}")) {
            var output = api.post(base + "/outputs", "alice", resolve(BODIES.get("POST /api/workspaces/{id}/outputs")));
            assertThat(output.status()).as(output.body()).isEqualTo(201);
            ids.put(key, output.json().get("id").asString());
        }
        for (String returned : List.of("{returnedOutput}", "{pageReturnedOutput}")) {
            assertThat(api.post("/api/outputs/" + ids.get(returned) + "/reviews", "checker1",
                    "{\"decision\": \"RETURN\", \"comment\": \"Why?\"}").status()).isEqualTo(200);
        }
        for (String checker : List.of("checker1", "checker2")) {
            assertThat(api.post("/api/outputs/" + ids.get("{releasedOutput}") + "/reviews", checker,
                    "{\"decision\": \"APPROVE\"}").status()).isEqualTo(200);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_caller_gets_the_expected_status() {
        return rows().stream().flatMap(row -> CALLERS.stream().map(caller -> DynamicTest.dynamicTest(
                row.endpoint() + " " + row.path() + " as " + caller, () -> {
                    String body = BODIES.get(row.endpoint());
                    var response = row.isPage() ? asBrowser(caller, row, body)
                            : api.send(row.method(), resolve(row.path()), caller.equals("anonymous") ? null
                                    : caller, body == null ? null : resolve(body),
                                    CONTENT_TYPES.getOrDefault(row.endpoint(), "application/json"));
                    assertThat(response.status())
                            .as("%s %s as %s: %s", row.method(), row.path(), caller, response.body())
                            .isEqualTo(row.expected().get(caller));
                    if (response.status() == 401 || response.status() == 403) {
                        assertThat(response.header("Content-Type"))
                                .startsWith(row.isPage() ? "text/html" : "application/problem+json");
                    }
                })));
    }

    @Test
    void every_endpoint_is_in_the_table() {
        Set<String> exposed = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
                        : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                                .collect(java.util.stream.Collectors.toSet());
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(m -> exposed.add(m + " " + pattern));
                }
            }
        }
        Set<String> decided = new TreeSet<>(NOT_IN_TABLE.keySet());
        rows().forEach(r -> decided.add(r.endpoint()));
        assertThat(exposed).as("endpoints the application exposes vs. endpoints the authorisation table decides")
                .containsExactlyInAnyOrderElementsOf(decided);
    }

    /** The table, as reference documentation: docs/reference/access-rules.md. */
    @Test
    void writes_the_table_into_the_reference_docs() throws java.io.IOException {
        StringBuilder md = new StringBuilder("""
                # Endpoints and who may call them

                Generated by `AuthorizationMatrixTest` from the table it checks against the running application (do not
                edit by hand). Expected HTTP status per caller: 2xx allowed, 401 sign-in needed, 403 refused (by role
                or, where the path names another organisation's object or the caller's own account, by an
                object-level check). The demo accounts hold one role each: admin HDAB_ADMIN, alice APPLICANT
                (academic), bob APPLICANT (company), holder DATA_HOLDER, reviewer HDAB_REVIEWER, decider HDAB_DECIDER,
                checker1/2 OUTPUT_CHECKER, auditor AUDITOR, citizen CITIZEN, analyst HDAB_ANALYST. Browser pages
                answer 302 (to the sign-in page) where the API answers 401.

                """);
        md.append("| endpoint | example path | ").append(String.join(" | ", CALLERS)).append(" |\n");
        md.append("|---|---|").append("---|".repeat(CALLERS.size())).append('\n');
        for (Row row : rows()) {
            md.append("| `").append(row.endpoint()).append("` | `").append(row.path()).append("` | ");
            md.append(String.join(" | ", CALLERS.stream().map(c -> String.valueOf(row.expected().get(c))).toList()));
            md.append(" |\n");
        }
        java.nio.file.Path file = java.nio.file.Path.of("..", "docs", "reference", "access-rules.md");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, md.toString());
        assertThat(file).content().contains("GET /api/me");
    }

    /**
     * Calls a page as the caller's browser would: one session per caller, signed in through the form once; forms
     * are posted with the CSRF token of a page (the sign-in page for visitors, the home page's sign-out form else).
     */
    private Api.Response asBrowser(String caller, Row row, String form) {
        BrowserSession browser = browsers.computeIfAbsent(caller, c -> c.equals("anonymous")
                ? BrowserSession.anonymous(port) : BrowserSession.signedIn(port, c));
        var response = row.method().equals("GET") ? browser.get(resolve(row.path()))
                : browser.submit(caller.equals("anonymous") ? "/login" : "/", resolve(row.path()), fields(form));
        return new Api.Response(response.statusCode(), response.body(), response);
    }

    private Map<String, String> fields(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (form != null) {
            for (String pair : resolve(form).split("&")) {
                String[] nameValue = pair.split("=", 2);
                fields.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /** A dataset the demo holder describes, for the rows that name one. */
    private String createdDataset(String json) {
        var created = api.post("/api/catalogue/datasets", "holder", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String organisationOf(String username) {
        return identity.findUserByUsername(username).orElseThrow().organisationId().orElseThrow().toString();
    }

    private String resolve(String template) {
        String resolved = template;
        for (var id : ids.entrySet()) {
            resolved = resolved.replace(id.getKey(), id.getValue());
        }
        return resolved.replace("{n}", Integer.toString(unique.incrementAndGet()));
    }

    record Row(String endpoint, String path, Map<String, Integer> expected) {
        String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }

        /** A browser page: called with a signed-in session (form sign-in, CSRF token), not HTTP Basic. */
        boolean isPage() {
            return !(path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator")
                    || path.equals("/error"));
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<String> lines = MATRIX.lines().skip(1).filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            String[] cells = line.split("\\|");
            List<String> statuses = Arrays.stream(cells[2].trim().split("\\s+")).toList();
            assertThat(statuses).as("one status per caller but the analyst in: " + line)
                    .hasSize(CALLERS.size() - 1);
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int i = 0; i < CALLERS.size() - 1; i++) {
                expected.put(CALLERS.get(i), Integer.parseInt(statuses.get(i)));
            }
            expected.put("analyst", ANALYST_DIFFERS.getOrDefault(cells[0].trim() + " | " + cells[1].trim(),
                    expected.get("checker1")));
            rows.add(new Row(cells[0].trim(), cells[1].trim(), expected));
        }
        return rows;
    }
}
