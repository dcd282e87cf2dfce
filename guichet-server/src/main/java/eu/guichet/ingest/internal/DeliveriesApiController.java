package eu.guichet.ingest.internal;

import static eu.guichet.security.Role.AUDITOR;
import static eu.guichet.security.Role.DATA_HOLDER;
import static eu.guichet.security.Role.HDAB_ADMIN;
import static eu.guichet.security.Role.HDAB_DECIDER;
import static eu.guichet.security.Role.HDAB_REVIEWER;
import static eu.guichet.security.Role.OUTPUT_CHECKER;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import eu.guichet.ingest.Deliveries;
import eu.guichet.ingest.Delivery;
import eu.guichet.ingest.DeliveryId;
import eu.guichet.ingest.Quarantine;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;

/**
 * Deliveries over the API: {@code POST /api/deliveries} as a multipart form (fields {@code dataset}, {@code format},
 * {@code identifiers}, {@code delimiter}, {@code uploads}; parts {@code files}) or as JSON naming completed uploads;
 * both answer 202 with the RECEIVED delivery, processed in the background.
 */
@RestController
class DeliveriesApiController {

    private final Deliveries deliveries;

    DeliveriesApiController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @PostMapping(path = "/api/deliveries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @AllowRoles(DATA_HOLDER)
    ResponseEntity<Delivery> deliverMultipart(@RequestParam(required = false) String dataset,
            @RequestParam(required = false) String format, @RequestParam(required = false) String identifiers,
            @RequestParam(required = false) String delimiter, @RequestParam(required = false) List<String> uploads,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, CurrentUser caller) {
        Delivery d = deliveries.deliver(DeliveryForms.request(dataset, format, identifiers, delimiter, uploads),
                DeliveryForms.files(files), caller);
        return accepted(d);
    }

    /** The JSON form: files sent before as resumable uploads. */
    record DeliveryJson(String dataset, String format, Map<String, String> identifiers, String delimiter,
            List<String> uploads) {
    }

    @PostMapping(path = "/api/deliveries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AllowRoles(DATA_HOLDER)
    ResponseEntity<Delivery> deliverUploads(@RequestBody DeliveryJson body, CurrentUser caller) {
        String identifiers = body.identifiers() == null ? null
                : String.join(",", body.identifiers().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
        Delivery d = deliveries.deliver(DeliveryForms.request(body.dataset(), body.format(), identifiers,
                body.delimiter(), body.uploads()), List.of(), caller);
        return accepted(d);
    }

    private static ResponseEntity<Delivery> accepted(Delivery d) {
        return ResponseEntity.accepted().location(URI.create("/api/deliveries/" + d.id())).body(d);
    }

    @GetMapping("/api/deliveries")
    @AllowRoles({ DATA_HOLDER, HDAB_ADMIN, HDAB_REVIEWER, HDAB_DECIDER, OUTPUT_CHECKER, AUDITOR })
    List<Delivery> list(CurrentUser caller) {
        return deliveries.listDeliveries(caller);
    }

    @GetMapping("/api/deliveries/{id}")
    @AllowRoles({ DATA_HOLDER, HDAB_ADMIN, HDAB_REVIEWER, HDAB_DECIDER, OUTPUT_CHECKER, AUDITOR })
    Delivery get(@PathVariable UUID id, CurrentUser caller) {
        return deliveries.getDelivery(new DeliveryId(id), caller);
    }

    @GetMapping("/api/deliveries/{id}/quarantine")
    @AllowRoles({ DATA_HOLDER, HDAB_ADMIN, HDAB_REVIEWER, HDAB_DECIDER, OUTPUT_CHECKER, AUDITOR })
    Quarantine quarantine(@PathVariable UUID id, CurrentUser caller) {
        return deliveries.getQuarantine(new DeliveryId(id), caller);
    }
}
