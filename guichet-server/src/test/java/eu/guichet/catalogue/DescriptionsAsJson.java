package eu.guichet.catalogue;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test descriptions as the API takes them: JSON bodies, each under its own identifier. */
public final class DescriptionsAsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DescriptionsAsJson() {
    }

    /** {@link DatasetDescriptions#aValidNonPublicDataset()} under the given identifier. */
    public static String aValidNonPublicDataset(String identifier) {
        return withIdentifier(DatasetDescriptions.aValidNonPublicDataset(), identifier);
    }

    public static String withIdentifier(DatasetDescription d, String identifier) {
        ObjectNode node = (ObjectNode) JSON.valueToTree(d);
        node.put("identifier", identifier);
        return JSON.writeValueAsString(node);
    }
}
