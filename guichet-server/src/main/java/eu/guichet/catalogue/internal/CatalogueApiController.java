package eu.guichet.catalogue.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.catalogue.Basket;
import eu.guichet.catalogue.BasketItem;
import eu.guichet.catalogue.CatalogueHolders;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.CheckDue;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.Violation;
import eu.guichet.catalogue.internal.CatalogueRepository.StatusChange;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AllowAnonymous;
import eu.guichet.security.AllowAuthenticated;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.CurrentUsers;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;

/**
 * REST API of the catalogue's descriptions: holders write and submit, the HDAB publishes, anyone reads what is
 * published. A dataset's revision travels as its ETag; send it back in {@code If-Match} to avoid overwriting a change
 * made meanwhile.
 */
@RestController
@RequestMapping("/api")
class CatalogueApiController {

    private final CatalogueManagement catalogue;
    private final CatalogueHolders holders;
    private final Basket basket;

    CatalogueApiController(CatalogueManagement catalogue, CatalogueHolders holders, Basket basket) {
        this.catalogue = catalogue;
        this.holders = holders;
        this.basket = basket;
    }

    @GetMapping("/catalogue/datasets/{id}")
    @AllowAnonymous
    ResponseEntity<Dataset> dataset(@PathVariable UUID id) {
        Dataset d = catalogue.getDataset(new DatasetId(id), CurrentUsers.find());
        return ResponseEntity.ok().eTag(etag(d)).body(d);
    }

    @PostMapping("/catalogue/datasets")
    @AllowRoles(Role.DATA_HOLDER)
    ResponseEntity<Dataset> create(@RequestBody DatasetDescription description, CurrentUser caller) {
        Dataset d = catalogue.createDataset(description, caller);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(d)).body(d);
    }

    @PutMapping("/catalogue/datasets/{id}")
    @AllowRoles(Role.DATA_HOLDER)
    ResponseEntity<Dataset> update(@PathVariable UUID id, @RequestBody DatasetDescription description,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser caller) {
        DatasetId datasetId = new DatasetId(id);
        int revision = ifMatch == null ? catalogue.getDataset(datasetId, Optional.of(caller)).revision()
                : parseRevision(ifMatch);
        Dataset d = catalogue.updateDataset(datasetId, description, revision, caller);
        return ResponseEntity.ok().eTag(etag(d)).body(d);
    }

    /** The HDAB publishes a submitted description (API.md); refused with the violations while it does not conform. */
    @PostMapping("/catalogue/datasets/{id}/publish")
    @AllowRoles({ Role.HDAB_ADMIN, Role.HDAB_REVIEWER })
    Dataset publish(@PathVariable UUID id, CurrentUser caller) {
        return catalogue.transition(new DatasetId(id), "publish", null, caller);
    }

    /** Any move of the lifecycle: submit, withdraw, return, publish, retire, reopen. */
    @PostMapping("/catalogue/datasets/{id}/transitions")
    @AllowRoles({ Role.DATA_HOLDER, Role.HDAB_ADMIN, Role.HDAB_REVIEWER })
    Dataset transition(@PathVariable UUID id, @Valid @RequestBody TransitionRequest request, CurrentUser caller) {
        return catalogue.transition(new DatasetId(id), request.action(), request.reason(), caller);
    }

    record TransitionRequest(@NotBlank @Size(max = 20) String action, @Size(max = 2000) String reason) {
    }

    /** The HDAB gives a dataset (typically an imported one) to a registered data holder. */
    @PutMapping("/catalogue/datasets/{id}/holder")
    @AllowRoles(Role.HDAB_ADMIN)
    Dataset assignHolder(@PathVariable UUID id, @Valid @RequestBody HolderAssignment request, CurrentUser caller) {
        return holders.assignHolder(new DatasetId(id), new OrganisationId(request.organisationId()), caller);
    }

    record HolderAssignment(@NotNull UUID organisationId) {
    }

    @GetMapping("/catalogue/datasets/{id}/history")
    @AllowAuthenticated
    List<StatusChange> history(@PathVariable UUID id, CurrentUser caller) {
        return catalogue.history(new DatasetId(id), caller);
    }

    /** The dataset's current description checked against the shapes of its access level. */
    @GetMapping("/catalogue/datasets/{id}/violations")
    @AllowAuthenticated
    List<Violation> violations(@PathVariable UUID id, CurrentUser caller) {
        return catalogue.validate(catalogue.getDataset(new DatasetId(id), Optional.of(caller)).description());
    }

    /** The holder confirms the description is still accurate (EHDS Art. 60). */
    @PostMapping("/catalogue/datasets/{id}/check")
    @AllowRoles(Role.DATA_HOLDER)
    Dataset confirmChecked(@PathVariable UUID id, CurrentUser caller) {
        return catalogue.confirmChecked(new DatasetId(id), caller);
    }

    /** Checks a description without saving it: what the editor shows next to each field. */
    @PostMapping("/catalogue/validation")
    @AllowRoles({ Role.DATA_HOLDER, Role.HDAB_ADMIN, Role.HDAB_REVIEWER })
    List<Violation> validate(@RequestBody DatasetDescription description) {
        return catalogue.validate(description);
    }

    @GetMapping("/catalogue/holder/datasets")
    @AllowRoles(Role.DATA_HOLDER)
    List<Dataset> ownDatasets(CurrentUser caller) {
        return catalogue.listOwnDatasets(caller);
    }

    @GetMapping("/catalogue/holder/checks-due")
    @AllowRoles(Role.DATA_HOLDER)
    List<CheckDue> checksDue(CurrentUser caller) {
        return catalogue.checksDue(caller);
    }

    @GetMapping("/catalogue/publication-queue")
    @AllowRoles({ Role.HDAB_ADMIN, Role.HDAB_REVIEWER })
    List<Dataset> publicationQueue() {
        return catalogue.publicationQueue();
    }

    // --- basket --------------------------------------------------------------------------------------------------

    @GetMapping("/basket")
    @AllowAuthenticated
    List<BasketItem> basket(CurrentUser caller) {
        return basket.items(caller);
    }

    @PutMapping("/basket/{datasetId}")
    @AllowAuthenticated
    List<BasketItem> putInBasket(@PathVariable UUID datasetId, @RequestBody(required = false) BasketChoice choice,
            CurrentUser caller) {
        return basket.put(caller, new DatasetId(datasetId), choice == null ? List.of() : choice.variables());
    }

    /** @param variables {@code TABLE.COLUMN} names */
    record BasketChoice(@Size(max = 2000) List<String> variables) {
    }

    @DeleteMapping("/basket/{datasetId}")
    @AllowAuthenticated
    List<BasketItem> removeFromBasket(@PathVariable UUID datasetId, CurrentUser caller) {
        return basket.remove(caller, new DatasetId(datasetId));
    }

    private static String etag(Dataset d) {
        return "\"" + d.revision() + "\"";
    }

    private static int parseRevision(String ifMatch) {
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ValidationException("catalogue.if_match_invalid",
                    "If-Match must carry the dataset's ETag (its revision).");
        }
    }
}
