package eu.guichet.catalogue.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.DatasetLifecycle;
import eu.guichet.catalogue.HealthCategory;
import eu.guichet.catalogue.Violation;
import eu.guichet.problem.GuichetException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The data holder's pages: their datasets with the yearly checks due, and the description editor, which shows the
 * HealthDCAT-AP shapes' messages next to the fields they are about after each save.
 */
@Controller
@AllowRoles(Role.DATA_HOLDER)
class HolderPagesController {

    private final CatalogueManagement catalogue;
    private final VariableFiles variableFiles;
    private final MessageSource messages;

    HolderPagesController(CatalogueManagement catalogue, VariableFiles variableFiles, MessageSource messages) {
        this.catalogue = catalogue;
        this.variableFiles = variableFiles;
        this.messages = messages;
    }

    @InitBinder("form")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/holder/datasets")
    String list(Model model, CurrentUser caller) {
        model.addAttribute("datasets", catalogue.listOwnDatasets(caller));
        model.addAttribute("checksDue", catalogue.checksDue(caller));
        return "catalogue/holder-datasets";
    }

    @GetMapping("/holder/datasets/new")
    String newDataset(Model model) {
        return editor(model, Optional.empty(), new DatasetForm(), List.of(), Map.of());
    }

    @PostMapping("/holder/datasets")
    String create(@ModelAttribute("form") DatasetForm form, Model model, CurrentUser caller,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        DatasetDescription description = form.toDescription(null);
        if (!form.unreadable().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(model, Optional.empty(), form, List.of(), translate(form.unreadable(), locale));
        }
        try {
            Dataset created = catalogue.createDataset(description, caller);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/holder/datasets/" + created.id() + "/edit";
        } catch (GuichetException e) {
            response.setStatus(e.status().value());
            return editor(model, Optional.empty(), form, List.of(), refusal(e));
        }
    }

    @GetMapping("/holder/datasets/{id}/edit")
    String edit(@PathVariable UUID id, Model model, CurrentUser caller) {
        Dataset dataset = catalogue.getDataset(new DatasetId(id), Optional.of(caller));
        return editor(model, Optional.of(dataset), DatasetForm.of(dataset.description()),
                catalogue.validate(dataset.description()), Map.of());
    }

    @PostMapping("/holder/datasets/{id}")
    String save(@PathVariable UUID id, @ModelAttribute("form") DatasetForm form, @RequestParam int revision,
            Model model, CurrentUser caller, HttpServletResponse response, RedirectAttributes redirect,
            Locale locale) {
        Dataset dataset = catalogue.getDataset(new DatasetId(id), Optional.of(caller));
        DatasetDescription description = form.toDescription(dataset.description());
        if (!form.unreadable().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(model, Optional.of(dataset), form, catalogue.validate(description),
                    translate(form.unreadable(), locale));
        }
        try {
            catalogue.updateDataset(dataset.id(), description, revision, caller);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/holder/datasets/" + id + "/edit";
        } catch (GuichetException e) {
            response.setStatus(e.status().value());
            return editor(model, Optional.of(dataset), form, catalogue.validate(description), refusal(e));
        }
    }

    /** Replaces (by table name) or adds the tables described in an uploaded Table Schema or CSVW file. */
    @PostMapping("/holder/datasets/{id}/variables")
    String importVariables(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
            CurrentUser caller, RedirectAttributes redirect, Locale locale) throws IOException {
        Dataset dataset = catalogue.getDataset(new DatasetId(id), Optional.of(caller));
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("variablesError", messages.getMessage("editor.variables_missing", null, locale));
            return "redirect:/holder/datasets/" + id + "/edit#variables";
        }
        try {
            DatasetDescription updated = variableFiles.merge(dataset.description(), file.getOriginalFilename(),
                    file.getBytes());
            catalogue.updateDataset(dataset.id(), updated, dataset.revision(), caller);
            redirect.addFlashAttribute("saved", true);
        } catch (GuichetException e) {
            redirect.addFlashAttribute("variablesError", e.getMessage());
        }
        return "redirect:/holder/datasets/" + id + "/edit#variables";
    }

    @PostMapping("/holder/datasets/{id}/tables/remove")
    String removeTable(@PathVariable UUID id, @RequestParam String table, CurrentUser caller,
            RedirectAttributes redirect) {
        Dataset dataset = catalogue.getDataset(new DatasetId(id), Optional.of(caller));
        catalogue.updateDataset(dataset.id(), VariableFiles.withoutTable(dataset.description(), table),
                dataset.revision(), caller);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/holder/datasets/" + id + "/edit#variables";
    }

    @PostMapping("/holder/datasets/{id}/transitions")
    String transition(@PathVariable UUID id, @RequestParam String action, CurrentUser caller,
            RedirectAttributes redirect) {
        try {
            catalogue.transition(new DatasetId(id), action, null, caller);
            redirect.addFlashAttribute("moved", action);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("refused", e.code());
        }
        return "redirect:/holder/datasets/" + id + "/edit";
    }

    /**
     * Checks the editor's fields without saving them (the editor calls it as the holder types): the shapes' messages
     * by field, and how many rules are broken.
     */
    @PostMapping(value = "/holder/datasets/validation", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    LiveCheck liveCheck(@ModelAttribute("form") DatasetForm form, @RequestParam(required = false) UUID dataset,
            CurrentUser caller, Locale locale) {
        DatasetDescription previous = dataset == null ? null
                : catalogue.getDataset(new DatasetId(dataset), Optional.of(caller)).description();
        List<Violation> violations = catalogue.validateAsHolder(form.toDescription(previous), caller);
        Map<String, String> messages = byField(violations);
        messages.putAll(translate(form.unreadable(), locale));
        return new LiveCheck(messages, violations.stream().filter(Violation::blocking).count());
    }

    /** @param messages the message(s) about each editor field, by the field's name */
    record LiveCheck(Map<String, String> messages, long blocking) {
    }

    @PostMapping("/holder/datasets/{id}/check")
    String confirmChecked(@PathVariable UUID id, CurrentUser caller, RedirectAttributes redirect) {
        catalogue.confirmChecked(new DatasetId(id), caller);
        redirect.addFlashAttribute("checked", true);
        return "redirect:/holder/datasets";
    }

    private String editor(Model model, Optional<Dataset> dataset, DatasetForm form, List<Violation> violations,
            Map<String, String> fieldErrors) {
        Map<String, String> byField = byField(violations);
        byField.putAll(fieldErrors);
        model.addAttribute("dataset", dataset.orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("violations", violations);
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("blocking", violations.stream().filter(Violation::blocking).count());
        model.addAttribute("healthCategories", HealthCategory.values());
        model.addAttribute("themes", DataTheme.values());
        model.addAttribute("accessLevels", AccessRights.values());
        model.addAttribute("moves", dataset.map(d -> DatasetLifecycle.from(d.status()).stream()
                .filter(m -> m.actors().contains(DatasetLifecycle.Actor.HOLDER)).toList()).orElse(List.of()));
        return "catalogue/editor";
    }

    private static Map<String, String> byField(List<Violation> violations) {
        Map<String, String> byField = new LinkedHashMap<>();
        violations.stream().filter(Violation::blocking)
                .forEach(v -> byField.merge(topField(v.field()), v.message(), (a, b) -> a + " " + b));
        return byField;
    }

    /** {@code distributions[0].accessUrl} → {@code distributions}; the editor marks the section. */
    static String topField(String field) {
        if (field == null) {
            return "";
        }
        int cut = field.length();
        for (char c : new char[] { '[', '.' }) {
            int i = field.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return field.substring(0, cut);
    }

    private Map<String, String> translate(Map<String, String> keys, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((field, key) -> out.put(field, messages.getMessage(key, null, locale)));
        return out;
    }

    private static Map<String, String> refusal(GuichetException e) {
        Map<String, String> out = new LinkedHashMap<>();
        if (e instanceof ValidationException v) {
            v.errors().forEach(f -> out.merge(topField(f.field()), f.message(), (a, b) -> a + " " + b));
        }
        out.putIfAbsent("_form", e.getMessage());
        return out;
    }
}
