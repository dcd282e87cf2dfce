package eu.guichet.catalogue;

import java.net.URI;

/**
 * A way to obtain the dataset (dcat:Distribution). For non-public health data it is the HDAB's access request page:
 * the data itself is only ever delivered into a secure processing environment.
 *
 * @param format    a concept of the EU file-type list (e.g. {@code .../file-type/PARQUET})
 * @param mediaType an IANA media type IRI
 * @param byteSize  size in bytes, if known
 * @param license   a licence document IRI, if any
 */
public record Distribution(LocalizedText title, LocalizedText description, URI accessUrl, URI downloadUrl,
        URI format, URI mediaType, Long byteSize, URI license, LocalizedText rights) {
}
