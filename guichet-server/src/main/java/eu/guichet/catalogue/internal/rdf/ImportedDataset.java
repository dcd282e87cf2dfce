package eu.guichet.catalogue.internal.rdf;

import java.net.URI;

import org.apache.jena.rdf.model.Model;

import eu.guichet.catalogue.DatasetDescription;

/**
 * One dcat:Dataset found in an imported graph.
 *
 * @param iri         the dataset's IRI, or {@code null} for a dataset given as a blank node
 * @param description what Guichet holds of it
 * @param sourceGraph the dataset's own part of the imported graph (everything reachable from the dataset node,
 *                    other datasets excluded): validate this, and keep it to show what was not carried over
 */
public record ImportedDataset(URI iri, DatasetDescription description, Model sourceGraph) {
}
