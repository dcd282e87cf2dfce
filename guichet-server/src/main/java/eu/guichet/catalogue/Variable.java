package eu.guichet.catalogue;

import java.net.URI;
import java.util.List;

/**
 * One column of a table of a structured dataset (csvw:Column): what a researcher picks when applying for access.
 *
 * @param name         the column's name in the data (e.g. {@code BEN_NAI_ANN}); unique within its table
 * @param datatype     a CSVW built-in datatype name ({@code string}, {@code integer}, {@code date}, ...)
 * @param propertyUrl  a concept or coding system the values follow (csvw:propertyUrl), if any
 * @param codeValues   the codes the column may hold, with their labels, where the holder lists them
 */
public record Variable(String name, LocalizedText title, LocalizedText description, String datatype,
        URI propertyUrl, List<CodeValue> codeValues) {

    public Variable {
        codeValues = codeValues == null ? List.of() : List.copyOf(codeValues);
    }

    /** One allowed code of a variable and what it means. */
    public record CodeValue(String code, String label) {
    }
}
