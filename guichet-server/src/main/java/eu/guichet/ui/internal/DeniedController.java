package eu.guichet.ui.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import eu.guichet.security.AllowAnonymous;

/**
 * The 403 page. The security layer forwards refused browser requests here (whatever their method) with the request
 * attributes {@code status}, {@code code} and {@code detail}, after auditing the refusal.
 */
@Controller
class DeniedController {

    @RequestMapping("/denied")
    @AllowAnonymous
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute("code");
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("status", HttpStatus.FORBIDDEN.value());
        model.addAttribute("code", code instanceof String c ? c : "access.denied");
        return "error";
    }
}
