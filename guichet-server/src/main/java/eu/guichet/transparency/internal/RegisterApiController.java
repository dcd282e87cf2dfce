package eu.guichet.transparency.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.PermitId;
import eu.guichet.security.AllowAnonymous;
import eu.guichet.security.AllowAuthenticated;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;
import eu.guichet.transparency.DatasetUse;
import eu.guichet.transparency.EnforcementMeasure;
import eu.guichet.transparency.NewEnforcementMeasure;
import eu.guichet.transparency.NewResultPublication;
import eu.guichet.transparency.RegisterEntry;
import eu.guichet.transparency.RegisterPage;
import eu.guichet.transparency.ResultPublication;
import eu.guichet.transparency.TransparencyRegister;

/**
 * The public register as data: JSON, or CSV with {@code Accept: text/csv} or {@code ?format=csv}. Reading is open to
 * everyone; HDAB administrators record enforcement measures; permit members declare results.
 */
@RestController
@RequestMapping("/api/register")
class RegisterApiController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final TransparencyRegister register;

    RegisterApiController(TransparencyRegister register) {
        this.register = register;
    }

    @GetMapping
    @AllowAnonymous
    ResponseEntity<?> search(@RequestParam(required = false) String status,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String dataset,
            @RequestParam(required = false) String year, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        RegisterPage result = register.search(new RegisterFilters(status, purpose, dataset, year, page, size)
                .toQuery());
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null
                && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv"));
        if (csv) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("guichet-register.csv").build().toString())
                    .header("X-Total-Count", String.valueOf(result.total()))
                    .body(RegisterCsv.write(result.entries()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    }

    @GetMapping("/{applicationId}")
    @AllowAnonymous
    RegisterEntry entry(@PathVariable UUID applicationId) {
        return register.getEntry(new ApplicationId(applicationId));
    }

    /** The citizens' view (Art. 58): who used which dataset, and why. */
    @GetMapping("/datasets")
    @AllowAnonymous
    List<DatasetUse> datasetUses() {
        return register.datasetUses();
    }

    /** Activity counts (EHDS Art. 59): permits, refusals, average days to a decision, results, measures. */
    @GetMapping("/report")
    @AllowAnonymous
    eu.guichet.transparency.ActivityReport report(@RequestParam(required = false) Integer year) {
        return register.activityReport(Optional.ofNullable(year));
    }

    @GetMapping("/enforcement-measures")
    @AllowAnonymous
    List<EnforcementMeasure> enforcementMeasures() {
        return register.enforcementMeasures(Optional.empty());
    }

    @PostMapping("/enforcement-measures")
    @AllowRoles(Role.HDAB_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    EnforcementMeasure recordEnforcementMeasure(@Valid @RequestBody NewEnforcementMeasure request,
            CurrentUser caller) {
        return register.recordEnforcementMeasure(request, caller);
    }

    @PostMapping("/permits/{permitId}/results")
    @AllowAuthenticated
    @ResponseStatus(HttpStatus.CREATED)
    ResultPublication declareResult(@PathVariable UUID permitId, @Valid @RequestBody NewResultPublication request,
            CurrentUser caller) {
        return register.declareResult(new PermitId(permitId), request, caller);
    }
}
