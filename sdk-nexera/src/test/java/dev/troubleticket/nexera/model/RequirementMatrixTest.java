package dev.troubleticket.nexera.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.nexera.NexeraProfile;
import dev.troubleticket.nexera.Tmf621Profile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The requirement matrix: its cells per field, ticket type and operation, its columns, its Markdown table. */
class RequirementMatrixTest {
    @Test
    void matrixPrintsEveryFieldWithItsCodesPerColumn() {
        String table = NexeraProfile.matrix().toMarkdown();

        assertThat(table).contains("| `ticketSubtype` | O | P | R | P |", "| `troubleTicketRelationship` | P | P | P | P |",
                "| `status` | P | PD | P | PD |");
        assertThat(NexeraProfile.matrix().requirement("relatedEntity", "Complaint", TicketOperation.CREATE))
                .isEqualTo(Requirement.OPTIONAL);
        assertThat(NexeraProfile.matrix().requirement("relatedEntity", "Some_Other_Type", TicketOperation.CREATE))
                .as("unknown types use the default column").isEqualTo(Requirement.REQUIRED);
    }

    @Test
    void everyCellIsFoundByFieldTypeInAnyCaseAndOperation() {
        RequirementMatrix matrix = RequirementMatrix.builder("First", "Second")
                .field("a", "R", "O", "P", "PD")
                .field("b.c", "PD", "P", "O", "R")
                .build();

        assertThat(matrix.fields()).containsExactly("a", "b.c");
        assertThat(matrix.requirement("a", "First", TicketOperation.CREATE)).isEqualTo(Requirement.REQUIRED);
        assertThat(matrix.requirement("a", "first", TicketOperation.UPDATE)).isEqualTo(Requirement.OPTIONAL);
        assertThat(matrix.requirement("a", "SECOND", TicketOperation.CREATE)).isEqualTo(Requirement.PROHIBITED);
        assertThat(matrix.requirement("a", "Second", TicketOperation.UPDATE)).isEqualTo(Requirement.PROCESS_DEPENDENT);
        assertThat(matrix.requirement("b.c", "Second", TicketOperation.UPDATE)).isEqualTo(Requirement.REQUIRED);
        assertThat(matrix.requirement("b.c", null, TicketOperation.CREATE)).isEqualTo(Requirement.PROCESS_DEPENDENT);
        assertThat(matrix.requirement("b.c", "Third", TicketOperation.UPDATE)).isEqualTo(Requirement.PROHIBITED);
        assertThat(matrix.requirement("unnamed", "First", TicketOperation.CREATE)).isEqualTo(Requirement.OPTIONAL);
        assertThat(matrix.columnFor("second")).isEqualTo("Second");
        assertThat(matrix.columnFor("Third")).isEqualTo("First");
        assertThat(matrix.toMarkdown()).contains("| `a` | R | O | P | PD |", "| `b.c` | PD | P | O | R |");
    }

    @Test
    void aColumnOfTheMatrixHoldsTheSameCellsAsTheFieldByFieldLookup() {
        for (Tmf621Profile profile : List.of(NexeraProfile.profile(), Tmf621Profile.generic())) {
            RequirementMatrix matrix = profile.matrix();
            List<String> types = new java.util.ArrayList<>(matrix.ticketTypes());
            types.add("A_Type_Without_Columns");
            types.add(null);
            for (String type : types) {
                for (TicketOperation operation : TicketOperation.values()) {
                    List<Requirement> column = matrix.requirements(type, operation);
                    assertThat(column).hasSameSizeAs(matrix.fields());
                    for (int f = 0; f < matrix.fields().size(); f++) {
                        assertThat(column.get(f)).as("%s %s %s", type, operation, matrix.fields().get(f))
                                .isEqualTo(matrix.requirement(matrix.fields().get(f), type, operation));
                    }
                }
            }
        }
    }
}
