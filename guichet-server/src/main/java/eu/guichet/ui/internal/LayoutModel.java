package eu.guichet.ui.internal;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import eu.guichet.demo.DemoPreparation;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.CurrentUsers;
import eu.guichet.ui.Navigation;
import eu.guichet.ui.NavigationEntry;

/**
 * What the shared layout shows around every page, read by the templates as {@code @layout}: the theme, the operator,
 * the signed-in user and the navigation they may open. Read from the request itself, so pages rendered by any module,
 * by an exception handler or by the error dispatch all get the same header.
 */
@Component("layout")
public class LayoutModel {

    private final UiProperties properties;
    private final DemoPreparation demo;

    LayoutModel(UiProperties properties, DemoPreparation demo, ResourceLoader resources) {
        this.properties = properties;
        this.demo = demo;
        String fragments = "classpath:/templates/themes/" + properties.theme() + "/fragments.html";
        if (!resources.getResource(fragments).exists()) {
            throw new IllegalStateException("guichet.ui.theme=" + properties.theme() + " but " + fragments
                    + " does not exist (themes: dsfr, plain; see docs/how-to/add-a-theme.md)");
        }
    }

    /** Name of the theme, i.e. of the directory {@code templates/themes/<theme>/}. */
    public String getTheme() {
        return properties.theme();
    }

    public boolean isStateService() {
        return properties.stateService();
    }

    public String getOperatorName() {
        return properties.operatorName();
    }

    /** The configured tagline, or null for the default translated one. */
    public String getOperatorTagline() {
        return properties.operatorTagline().isBlank() ? null : properties.operatorTagline();
    }

    public boolean isDemoMode() {
        return demo.progress().demoMode();
    }

    /** The signed-in user, or null. */
    public CurrentUser getUser() {
        return CurrentUsers.find().orElse(null);
    }

    public List<NavigationEntry> getNavigation() {
        return Navigation.visibleTo(CurrentUsers.find());
    }

    /** Whether the entry is the page being shown. */
    public boolean isCurrent(NavigationEntry entry) {
        return currentPath().map(entry.path()::equals).orElse(false);
    }

    private static Optional<String> currentPath() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return Optional.of(request.getRequestURI().substring(request.getContextPath().length()));
        }
        return Optional.empty();
    }
}
