package eu.guichet.dataplane.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PseudonymiserTest {

    static final String NIR = "1 84 12 75 115 423 57";

    @Test
    void the_same_national_id_gets_the_same_pseudonym_at_every_holder_and_every_run() {
        // Two holders, two processes: two Pseudonymiser instances over the same HDAB key.
        Pseudonymiser atHospital = new Pseudonymiser(TestKeys.store(1));
        Pseudonymiser atInsurer = new Pseudonymiser(TestKeys.store(1));
        String p = atHospital.pseudonym(IdentifierDomain.NATIONAL, NIR);
        assertThat(atInsurer.pseudonym(IdentifierDomain.NATIONAL, "184127511542357")).isEqualTo(p);
        assertThat(atInsurer.pseudonym(IdentifierDomain.NATIONAL, " 1.84.12.75.115.423-57 ")).isEqualTo(p);
        assertThat(p).hasSize(Pseudonymiser.LENGTH).startsWith("v01-").matches("v01-[a-z2-7]{52}")
                .doesNotContain("184127511542357");
        assertThat(Pseudonymiser.keyVersionOf(p)).isEqualTo(1);
    }

    @Test
    void corsican_nirs_are_upper_cased() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(TestKeys.store(1));
        assertThat(pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, "1 84 12 2a 115 423 57"))
                .isEqualTo(pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, "184122A11542357"));
    }

    @Test
    void holder_patient_ids_are_separate_per_holder_and_from_national_ids() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(TestKeys.store(1));
        String a = pseudonymiser.pseudonym(IdentifierDomain.holder("CHU-A"), "12345");
        String b = pseudonymiser.pseudonym(IdentifierDomain.holder("CHU-B"), "12345");
        String national = pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, "12345");
        assertThat(Set.of(a, b, national)).hasSize(3);
        assertThat(pseudonymiser.pseudonym(IdentifierDomain.holder("CHU-A"), " 12345 ")).isEqualTo(a);
    }

    @Test
    void missing_or_blank_identifiers_get_no_pseudonym() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(TestKeys.store(1));
        assertThat(pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, null)).isNull();
        assertThat(pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, " - ")).isNull();
    }

    @Test
    void different_keys_and_key_versions_give_different_pseudonyms() {
        String v1 = new Pseudonymiser(TestKeys.store(1)).pseudonym(IdentifierDomain.NATIONAL, NIR);
        String v2 = new Pseudonymiser(TestKeys.store(2)).pseudonym(IdentifierDomain.NATIONAL, NIR);
        String otherKey = new Pseudonymiser(PseudonymKeyStore.of(1, java.util.Map.of(1, TestKeys.key("other"))))
                .pseudonym(IdentifierDomain.NATIONAL, NIR);
        assertThat(v2).startsWith("v02-");
        assertThat(v1.substring(4)).isNotEqualTo(v2.substring(4)).isNotEqualTo(otherKey.substring(4));
    }

    @Test
    void a_rotation_keeps_linkage_by_upgrading_old_pseudonyms_without_the_raw_identifier() {
        String beforeRotation = new Pseudonymiser(TestKeys.store(1)).pseudonym(IdentifierDomain.NATIONAL, NIR);
        Pseudonymiser afterRotation = new Pseudonymiser(TestKeys.store(3));
        String fresh = afterRotation.pseudonym(IdentifierDomain.NATIONAL, NIR);
        assertThat(afterRotation.upgrade(beforeRotation)).isEqualTo(fresh);
        assertThat(afterRotation.upgrade(fresh)).isEqualTo(fresh);
        String v2 = new Pseudonymiser(TestKeys.store(2)).pseudonym(IdentifierDomain.NATIONAL, NIR);
        assertThat(afterRotation.upgrade(v2)).isEqualTo(fresh);
    }

    @Test
    void batches_give_the_same_pseudonyms_as_single_calls_across_threads() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(TestKeys.store(2));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(String.format("%015d", 184127511542357L + i * 7919L));
        }
        ids.add(null);
        List<String> batch = pseudonymiser.pseudonyms(IdentifierDomain.NATIONAL, ids);
        assertThat(batch).hasSize(ids.size());
        assertThat(batch.get(ids.size() - 1)).isNull();
        for (int i = 0; i < ids.size() - 1; i += 997) {
            assertThat(batch.get(i)).isEqualTo(pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, ids.get(i)));
        }
        assertThat(new HashSet<>(batch.subList(0, ids.size() - 1))).hasSize(ids.size() - 1);
    }

    @Test
    void project_pseudonyms_differ_between_projects_and_from_the_national_one() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(TestKeys.store(2));
        String national = pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, NIR);
        ProjectPseudonymiser projectA = pseudonymiser.forProject("permit-2026-001");
        ProjectPseudonymiser projectB = pseudonymiser.forProject("permit-2026-002");
        String a = projectA.pseudonym(national);
        String b = projectB.pseudonym(national);
        assertThat(a).startsWith("p02-").hasSize(Pseudonymiser.LENGTH).isNotEqualTo(b);
        assertThat(a.substring(4)).isNotEqualTo(national.substring(4));
        assertThat(pseudonymiser.projectKey("permit-2026-001")).isNotEqualTo(pseudonymiser.projectKey("permit-2026-002"));
        // Stable for a project, and the same from an old national pseudonym of the same person.
        String oldNational = new Pseudonymiser(TestKeys.store(1)).pseudonym(IdentifierDomain.NATIONAL, NIR);
        assertThat(pseudonymiser.forProject("permit-2026-001").pseudonym(oldNational)).isEqualTo(a);
        assertThat(projectA.pseudonyms(List.of(national, national))).containsExactly(a, a);
    }

    @Test
    void refuses_what_is_not_a_pseudonym() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(TestKeys.store(1));
        assertThatThrownBy(() -> pseudonymiser.upgrade("184127511542357")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pseudonymiser.forProject(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
