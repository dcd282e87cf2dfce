package eu.guichet.catalogue.internal;

import java.net.URI;
import java.time.Period;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The catalogue's settings.
 *
 * @param baseUrl      public address of this Guichet: dataset IRIs and access URLs are built on it
 *                     ({@code <baseUrl>/catalogue/datasets/<id>})
 * @param hdabName     the HDAB as named in every dataset description (healthdcatap:hdab)
 * @param hdabEmail    the HDAB's contact address for data access questions
 * @param checkEvery   how often a holder must confirm a description is accurate (EHDS Art. 60: at least yearly)
 * @param dueSoon      how early a coming check is shown as due
 * @param harvestPageSize datasets per page of the harvestable catalogue
 */
@Validated
@ConfigurationProperties("guichet.catalogue")
public record CatalogueProperties(
        @NotNull @DefaultValue("http://localhost:8080") URI baseUrl,
        @NotBlank @DefaultValue("Plateforme des données de santé") String hdabName,
        @NotBlank @Email @DefaultValue("acces@guichet.example.fr") String hdabEmail,
        @NotNull @DefaultValue("P1Y") Period checkEvery,
        @NotNull @DefaultValue("P30D") Period dueSoon,
        @DefaultValue("100") int harvestPageSize) {

    /** The IRI of a dataset in RDF and the address of its public page. */
    public URI datasetIri(eu.guichet.catalogue.DatasetId id) {
        return URI.create(stripSlash() + "/catalogue/datasets/" + id);
    }

    public URI catalogueIri() {
        return URI.create(stripSlash() + "/catalogue");
    }

    private String stripSlash() {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
