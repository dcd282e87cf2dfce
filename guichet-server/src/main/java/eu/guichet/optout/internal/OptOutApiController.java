package eu.guichet.optout.internal;

import java.io.InputStream;
import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import eu.guichet.optout.BulkImportReport;
import eu.guichet.optout.OptOutRegister;
import eu.guichet.optout.OptOutStatus;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * REST API of opt-outs (API.md): a citizen opts out, withdraws and reads their status and history; the HDAB imports
 * opt-outs in bulk from a text file of national identifiers.
 */
@RestController
@RequestMapping("/api/optouts")
class OptOutApiController {

    private final OptOutRegister register;

    OptOutApiController(OptOutRegister register) {
        this.register = register;
    }

    /** Opts the signed-in citizen out, effective now: 201, or 409 while an opt-out of theirs is in effect. */
    @PostMapping
    @AllowRoles(Role.CITIZEN)
    ResponseEntity<OptOutStatus> optOut(CurrentUser citizen) {
        return ResponseEntity.created(URI.create("/api/optouts/me")).body(register.optOut(citizen));
    }

    /** Withdraws the signed-in citizen's opt-out, now: 409 when none is in effect. */
    @DeleteMapping("/me")
    @AllowRoles(Role.CITIZEN)
    OptOutStatus withdraw(CurrentUser citizen) {
        return register.withdraw(citizen);
    }

    @GetMapping("/me")
    @AllowRoles(Role.CITIZEN)
    OptOutStatus status(CurrentUser citizen) {
        return register.history(citizen);
    }

    /**
     * Imports opt-outs: a {@code text/csv} body, UTF-8, one national identifier per line, an optional header line.
     * The body is streamed; the report counts lines and lists rejected ones by number and reason.
     */
    @PostMapping(path = "/bulk", consumes = "text/csv")
    @AllowRoles(Role.HDAB_ADMIN)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "UTF-8 text, one national "
            + "identifier (NIR) per line, optional header line", content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string")))
    BulkImportReport importBulk(InputStream body, CurrentUser admin) {
        return register.importBulk(body, admin);
    }
}
