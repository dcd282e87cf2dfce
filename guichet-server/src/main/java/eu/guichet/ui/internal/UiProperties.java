package eu.guichet.ui.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the UI looks and whom it names.
 *
 * @param theme           name of the theme: its fragments are {@code templates/themes/<theme>/fragments.html}
 *                        ({@code dsfr}, the default, or {@code plain}; see docs/how-to/add-a-theme.md)
 * @param stateService    the deployment is a French State service: only then does the DSFR theme show the Marianne
 *                        block "République Française" and the State's favicon (their use is reserved to the State)
 * @param operatorName    name of the health data access body running this Guichet, shown in the header
 * @param operatorTagline line under the name; empty for the default, translated one
 */
@Validated
@ConfigurationProperties("guichet.ui")
record UiProperties(
        @DefaultValue("dsfr") @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}",
                message = "lower-case letters, digits and dashes, starting with a letter") String theme,
        @DefaultValue("false") boolean stateService,
        @DefaultValue("Guichet") @NotBlank @Size(max = 100) String operatorName,
        @DefaultValue("") @Size(max = 200) String operatorTagline) {
}
