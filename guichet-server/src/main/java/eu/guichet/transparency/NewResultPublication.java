package eu.guichet.transparency;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A result a permit member declares (EHDS Art. 61).
 *
 * @param reference a DOI ({@code 10.1234/abc}) or a web address ({@code https://...})
 */
public record NewResultPublication(@NotBlank @Size(max = 500) String title,
        @NotBlank @Size(max = 500) String reference, @NotNull LocalDate publishedOn) {
}
