package eu.guichet.identity;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import eu.guichet.security.Role;

/**
 * What an HDAB administrator gives to create a local account (embedded mode). In production accounts come from
 * the identity provider at first sign-in.
 */
public record NewAccount(
        @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[a-z0-9._-]+", message = "lower-case letters, digits, '.', '_' or '-'") String username,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 200) String email,
        UUID organisationId,
        @NotEmpty Set<@NotNull Role> roles,
        @NotBlank @Size(min = PasswordPolicy.MIN_CHARACTERS, max = PasswordPolicy.MAX_BYTES) String password) {
}
