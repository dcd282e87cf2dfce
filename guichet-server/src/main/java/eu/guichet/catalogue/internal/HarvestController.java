package eu.guichet.catalogue.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import eu.guichet.catalogue.CatalogueHolders;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.Violation;
import eu.guichet.catalogue.internal.rdf.HealthDcatReader;
import eu.guichet.catalogue.internal.rdf.ImportedDataset;
import eu.guichet.catalogue.internal.rdf.RdfFormat;
import eu.guichet.catalogue.internal.rdf.RdfSyntaxException;
import eu.guichet.problem.GuichetException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AllowAnonymous;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The catalogue as HealthDCAT-AP: harvested by content negotiation (Turtle, JSON-LD, RDF/XML), paged, and
 * imported from other catalogues by the HDAB.
 */
@RestController
class HarvestController {

    private final CatalogueManagement catalogue;
    private final CatalogueHolders holders;
    private final CatalogueRepository repository;
    private final HarvestPages pages;
    private final HealthDcatReader reader = new HealthDcatReader();

    HarvestController(CatalogueManagement catalogue, CatalogueHolders holders, CatalogueRepository repository,
            HarvestPages pages) {
        this.catalogue = catalogue;
        this.holders = holders;
        this.repository = repository;
        this.pages = pages;
    }

    /**
     * One page of the published catalogue ({@code page} from 1; Hydra links name the others). A browser is sent to
     * the search page.
     */
    @GetMapping(value = "/catalogue",
            produces = { "text/turtle", "application/ld+json", "application/rdf+xml", "text/html" })
    @AllowAnonymous
    ResponseEntity<String> catalogue(@RequestParam(defaultValue = "1") int page,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (prefersHtml(accept)) {
            return seeOther("/datasets");
        }
        RdfFormat format = negotiate(accept);
        if (page < 1) {
            throw new ValidationException("catalogue.page_invalid", "Pages are numbered from 1.");
        }
        long total = repository.countPublished();
        List<Dataset> datasets = repository.listPublished((page - 1) * pages.pageSize(), pages.pageSize());
        return rdf(pages.serialise(pages.page(datasets, page, total), format), format);
    }

    /** One published dataset, at its IRI; a browser following the IRI is sent to the dataset's page. */
    @GetMapping(value = "/catalogue/datasets/{id}",
            produces = { "text/turtle", "application/ld+json", "application/rdf+xml", "text/html" })
    @AllowAnonymous
    ResponseEntity<String> dataset(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (prefersHtml(accept)) {
            return seeOther("/datasets/" + id);
        }
        RdfFormat format = negotiate(accept);
        Dataset d = catalogue.findPublished(new DatasetId(id)).orElseThrow(
                () -> new NotFoundException("catalogue.dataset_not_found", "No published dataset " + id + "."));
        return rdf(pages.serialise(pages.dataset(d), format), format);
    }

    /**
     * Imports HealthDCAT-AP (Turtle or JSON-LD): one entry per dcat:Dataset. A conforming entry waits in the
     * publication queue; one that does not stays a draft, and the report lists its violations.
     */
    @PostMapping(value = "/api/catalogue/import", consumes = { "text/turtle", "application/ld+json" })
    @AllowRoles(Role.HDAB_ADMIN)
    ResponseEntity<List<ImportedEntry>> importRdf(@RequestBody byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, CurrentUser caller) {
        RdfFormat format = RdfFormat.fromMediaType(contentType).orElseThrow();
        List<ImportedDataset> read;
        try {
            read = reader.read(body, format);
        } catch (RdfSyntaxException e) {
            throw new ValidationException("catalogue.rdf_invalid", e.getMessage());
        }
        if (read.isEmpty()) {
            throw new ValidationException("catalogue.rdf_no_dataset", "The document describes no dcat:Dataset.");
        }
        List<ImportedEntry> report = new ArrayList<>();
        for (ImportedDataset entry : read) {
            try {
                Dataset d = holders.importDescription(entry.description(), caller);
                report.add(new ImportedEntry(entry.iri().toString(), d.description().identifier(), d.id(),
                        d.status().name(), null, catalogue.validate(d.description()).stream()
                                .filter(Violation::blocking).toList()));
            } catch (GuichetException e) {
                report.add(new ImportedEntry(entry.iri().toString(), entry.description().identifier(), null,
                        null, e.code(), List.of()));
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }

    /**
     * One entry of an import.
     *
     * @param status  DRAFT (violations listed) or SUBMITTED (conforming, in the publication queue); null if refused
     * @param refused the refusal's code (e.g. {@code catalogue.identifier_taken}), null if imported
     */
    record ImportedEntry(String iri, String identifier, DatasetId id, String status, String refused,
            List<Violation> violations) {
    }

    private static RdfFormat negotiate(String accept) {
        // Spring has already answered 406 to an Accept that none of the produced types matches
        return RdfFormat.fromAccept(accept).orElse(RdfFormat.TURTLE);
    }

    /**
     * Whether the client names HTML and no RDF syntax at a quality at least as high (a browser's Accept); {@code *}/*
     * alone means a harvester, which gets Turtle.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null) {
            return false;
        }
        double html = 0;
        double rdf = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = RdfFormat.quality(parts);
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (RdfFormat.fromMediaType(type).isPresent()) {
                rdf = Math.max(rdf, q);
            }
        }
        return html > 0 && html > rdf;
    }

    /** The human page at another address (Linked Data's 303 See Other). */
    private static ResponseEntity<String> seeOther(String path) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(path).build().toUri())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    private static ResponseEntity<String> rdf(String body, RdfFormat format) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body);
    }
}
