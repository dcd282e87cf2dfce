package eu.guichet.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import eu.guichet.access.Application;
import eu.guichet.access.DecisionRequest;
import eu.guichet.access.Permit;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.security.CurrentUser;

/**
 * Writes the decision as a self-contained HTML document (template {@code access/decision-document.html}), in the
 * HDAB's language, and computes its SHA-256: the audit trail and the register keep the hash, so any copy can be
 * checked against what was issued.
 */
@Component
public class DecisionDocuments {

    private final ITemplateEngine templates;
    private final IdentityManagement identity;
    private final AccessProperties settings;

    DecisionDocuments(ITemplateEngine templates, IdentityManagement identity, AccessProperties settings) {
        this.templates = templates;
        this.identity = identity;
        this.settings = settings;
    }

    public String render(Application application, DecisionRequest request, Optional<Permit> permit,
            CurrentUser decider, Instant at) {
        Context context = new Context(settings.documentLanguage());
        context.setVariable("application", application);
        context.setVariable("request", request);
        context.setVariable("permit", permit.orElse(null));
        context.setVariable("decider", decider.displayName());
        context.setVariable("organisation", identity.findOrganisation(application.organisation())
                .map(o -> o.name()).orElse(""));
        context.setVariable("decidedAt", at.atZone(settings.timeZone()));
        return templates.process("access/decision-document", context);
    }

    /**
     * The decision as PDF, rendered from the HTML as issued (the template is well-formed XHTML). The PDF is a
     * rendering: the hash that proves the decision is the HTML's.
     */
    public static byte[] pdf(String html) {
        var out = new java.io.ByteArrayOutputStream();
        try {
            new com.openhtmltopdf.pdfboxout.PdfRendererBuilder().useFastMode().withHtmlContent(html, null)
                    .toStream(out).run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot render the decision as PDF", e);
        }
        return out.toByteArray();
    }

    public static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
