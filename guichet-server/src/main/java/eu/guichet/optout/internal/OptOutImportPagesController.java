package eu.guichet.optout.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.optout.OptOutRegister;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/** The HDAB administrator's bulk import of opt-outs: a file upload and the import's report. */
@Controller
@AllowRoles(Role.HDAB_ADMIN)
class OptOutImportPagesController {

    private final OptOutRegister register;

    OptOutImportPagesController(OptOutRegister register) {
        this.register = register;
    }

    @GetMapping("/hdab/optouts")
    String page(Model model) {
        model.addAttribute("inEffect", register.countInEffectNow());
        return "optout/import";
    }

    @PostMapping("/hdab/optouts")
    String importFile(@RequestParam(required = false) MultipartFile file, CurrentUser admin,
            RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refused", "optout.import_file_missing");
            return "redirect:/hdab/optouts";
        }
        try (InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute("report", register.importBulk(in, admin));
        } catch (GuichetException e) {
            redirect.addFlashAttribute("refused", e.code());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
        return "redirect:/hdab/optouts";
    }
}
