package eu.guichet.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an HDAB administrator gives to register an organisation. */
public record NewOrganisation(
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganisationType type,
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]*", message = "letters, digits and dashes only") String identifier,
        @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code") String country,
        Boolean publicHealthMandate) {

    /** Not given means no public-health mandate. */
    public boolean hasPublicHealthMandate() {
        return Boolean.TRUE.equals(publicHealthMandate);
    }
}
