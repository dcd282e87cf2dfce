package eu.guichet.transparency.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.Purpose;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.security.AllowAnonymous;
import eu.guichet.transparency.DatasetUse;
import eu.guichet.transparency.RegisterEntry;
import eu.guichet.transparency.RegisterPage;
import eu.guichet.transparency.RegisterQuery;
import eu.guichet.transparency.TransparencyRegister;

/**
 * The public register's pages, open to everyone: the list with its filters, an entry, and the citizens' view of
 * which datasets were used by whom and why.
 */
@Controller
class RegisterPagesController {

    private final TransparencyRegister register;

    RegisterPagesController(TransparencyRegister register) {
        this.register = register;
    }

    @GetMapping("/register")
    @AllowAnonymous
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String dataset, @RequestParam(required = false) String year,
            @RequestParam(required = false) String page, Model model) {
        RegisterQuery query = new RegisterFilters(status, purpose, dataset, year, page, null).toQuery();
        RegisterPage result = register.search(query);
        model.addAttribute("query", query);
        model.addAttribute("result", result);
        model.addAttribute("statuses", List.of(ApplicationStatus.values()).stream()
                .filter(s -> s != ApplicationStatus.DRAFT).toList());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("datasets", register.datasetsNamed());
        model.addAttribute("measures", register.enforcementMeasures(Optional.empty()));
        model.addAttribute("report", register.activityReport(query.year()));
        model.addAttribute("filterLink", filterLink(query));
        return "register/list";
    }

    @GetMapping("/register/{applicationId}")
    @AllowAnonymous
    String entry(@PathVariable UUID applicationId, Model model) {
        RegisterEntry entry = register.getEntry(new ApplicationId(applicationId));
        model.addAttribute("entry", entry);
        model.addAttribute("measures", entry.permit().map(p -> register.enforcementMeasures(Optional.of(p.id())))
                .orElse(List.of()));
        return "register/entry";
    }

    /** The citizens' view (EHDS Art. 58): for each dataset, which organisations used it and why. */
    @GetMapping("/register/datasets")
    @AllowAnonymous
    String datasetUses(Model model) {
        Map<DatasetId, List<DatasetUse>> byDataset = new LinkedHashMap<>();
        for (DatasetUse use : register.datasetUses()) {
            byDataset.computeIfAbsent(use.dataset().id(), k -> new java.util.ArrayList<>()).add(use);
        }
        model.addAttribute("uses", byDataset.values());
        return "register/datasets";
    }

    /** The query string of the current filters without the page, for the pagination links. */
    private static String filterLink(RegisterQuery q) {
        StringBuilder link = new StringBuilder("/register?");
        q.status().ifPresent(s -> link.append("status=").append(s).append('&'));
        q.purpose().ifPresent(p -> link.append("purpose=").append(p.letter()).append('&'));
        q.dataset().ifPresent(d -> link.append("dataset=").append(d).append('&'));
        q.year().ifPresent(y -> link.append("year=").append(y).append('&'));
        return link.append("page=").toString();
    }
}
