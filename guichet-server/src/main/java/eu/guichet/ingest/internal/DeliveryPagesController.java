package eu.guichet.ingest.internal;

import static eu.guichet.security.Role.DATA_HOLDER;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.ingest.Deliveries;
import eu.guichet.ingest.Delivery;
import eu.guichet.ingest.DeliveryFormat;
import eu.guichet.ingest.DeliveryId;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;

/**
 * The holder's delivery pages: the list with statuses and reports, the upload form (a plain multipart form; with
 * JavaScript, files go through resumable uploads with a progress bar), and one delivery's report and quarantine.
 */
@Controller
@AllowRoles(DATA_HOLDER)
class DeliveryPagesController {

    private final Deliveries deliveries;
    private final CatalogueManagement catalogue;

    DeliveryPagesController(Deliveries deliveries, CatalogueManagement catalogue) {
        this.deliveries = deliveries;
        this.catalogue = catalogue;
    }

    @GetMapping("/holder/deliveries")
    String list(Model model, CurrentUser caller) {
        return page(model, caller, null, null, null);
    }

    @PostMapping("/holder/deliveries")
    String deliver(@RequestParam(required = false) String dataset, @RequestParam(required = false) String format,
            @RequestParam(required = false) String identifiers, @RequestParam(required = false) String delimiter,
            @RequestParam(required = false) List<String> uploads,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            CurrentUser caller) {
        try {
            Delivery d = deliveries.deliver(DeliveryForms.request(dataset, format, identifiers, delimiter, uploads),
                    DeliveryForms.files(files), caller);
            return "redirect:/holder/deliveries/" + d.id() + "?received";
        } catch (GuichetException e) {
            return page(model, caller, e.code(), dataset, identifiers);
        }
    }

    @GetMapping("/holder/deliveries/{id}")
    String delivery(@PathVariable UUID id, Model model, CurrentUser caller) {
        Delivery d = deliveries.getDelivery(new DeliveryId(id), caller);
        model.addAttribute("delivery", d);
        model.addAttribute("quarantine", deliveries.getQuarantine(d.id(), caller));
        model.addAttribute("dataset", catalogue.getDataset(d.dataset(), java.util.Optional.of(caller)));
        return "ingest/delivery";
    }

    private String page(Model model, CurrentUser caller, String refusal, String dataset, String identifiers) {
        var datasets = catalogue.listOwnDatasets(caller);
        model.addAttribute("deliveries", deliveries.listDeliveries(caller));
        model.addAttribute("datasets", datasets);
        model.addAttribute("datasetsById", datasets.stream().collect(java.util.stream.Collectors.toMap(
                d -> d.id(), d -> d)));
        model.addAttribute("formats", DeliveryFormat.values());
        model.addAttribute("refusal", refusal);
        model.addAttribute("chosenDataset", dataset);
        model.addAttribute("identifiers", identifiers);
        return "ingest/deliveries";
    }
}
