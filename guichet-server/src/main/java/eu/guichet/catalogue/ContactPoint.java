package eu.guichet.catalogue;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How to reach someone about a dataset or an agent: an e-mail address and/or a web page (vCard / CPSV contact
 * point). At least one of them is required where the shapes require a contact point.
 */
public record ContactPoint(String email, URI url, String telephone) {

    public ContactPoint {
        email = email == null || email.isBlank() ? null : email.strip();
        telephone = telephone == null || telephone.isBlank() ? null : telephone.strip();
    }

    public static ContactPoint email(String email) {
        return new ContactPoint(email, null, null);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return email == null && url == null && telephone == null;
    }
}
