/**
 * Catalogue: the national dataset catalogue (EHDS Art. 77). Data holders describe their datasets and variables in
 * HealthDCAT-AP terms, the HDAB validates and publishes them; anyone searches them; harvesters read them as RDF.
 */
package eu.guichet.catalogue;
