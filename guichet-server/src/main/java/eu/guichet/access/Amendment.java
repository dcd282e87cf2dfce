package eu.guichet.access;

import java.util.List;

/**
 * What an amendment changes (Art. 68(12)–(13)); absent parts stay as they are. Datasets added take the amendment's
 * instant as their opt-out reference.
 *
 * @param members       the new list of authorised persons (usernames, functions, one principal investigator)
 * @param addedDatasets datasets (with their variables) added to the scope
 * @param conditions    the new specific conditions
 */
public record Amendment(List<ApplicationForm.TeamMember> members, List<ApplicationForm.RequestedDataset> addedDatasets,
        String conditions) {

    public Amendment {
        members = members == null ? List.of() : List.copyOf(members);
        addedDatasets = addedDatasets == null ? List.of() : List.copyOf(addedDatasets);
    }
}
